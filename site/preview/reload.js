// Preview only (never in a built site): reload the page when a content file, template or
// style changes. Polls the preview server's version stamp once a second.
// The stamp sits beside this script, wherever the page is.
const VERSION = new URL("version", document.currentScript.src);
let seen = null;

async function check() {
  try {
    const response = await fetch(VERSION, { cache: "no-store" });
    const version = await response.text();
    if (seen !== null && version !== seen) {
      location.reload();
      return;
    }
    seen = version;
  } catch {
    // The server is restarting; try again on the next tick.
  }
  setTimeout(check, 1000);
}

check();
