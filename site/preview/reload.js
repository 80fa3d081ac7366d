// Preview only (never in a built site): reload the page when a content file, template or
// style changes. Polls the preview server's version stamp once a second, starting from the
// version the page was made from (its data-version), so a save made while the page loaded
// still reloads it. The stamp sits beside this script, wherever the page is.
const script = document.currentScript;
const VERSION = new URL("version", script.src);
let seen = script.dataset.version || null;

async function check() {
  try {
    const response = await fetch(VERSION, { cache: "no-store" });
    if (response.ok) {
      const version = await response.text();
      if (seen !== null && version !== seen) {
        location.reload();
        return;
      }
      seen = version;
    }
  } catch {
    // The server is restarting; try again on the next tick.
  }
  setTimeout(check, 1000);
}

setTimeout(check, 1000);
