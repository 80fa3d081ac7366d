// Fake Farms embeds, on the page of the site that embeds them: each Fake Farms iframe takes
// the height of its content. An embedded page posts {type: heightMessage, height: N} (N in CSS
// pixels) to its parent whenever its height changes; only messages from the origin this
// script was loaded from are heard, and only the iframe that sent one is resized.
// `heightMessage` is given by the code the site writes around this file (fakefarms/embeds.py,
// where the message is declared), so code pasted long ago keeps working.
const script = document.currentScript;
if (script && !window.fakeFarmsEmbeds) {
  window.fakeFarmsEmbeds = true;
  const origin = new URL(script.src).origin;
  window.addEventListener("message", (event) => {
    const data = event.data;
    if (event.origin !== origin || !data || data.type !== heightMessage) return;
    const height = Number(data.height);
    if (!Number.isFinite(height) || height <= 0 || height > 100000) return;
    for (const frame of document.getElementsByTagName("iframe")) {
      if (frame.contentWindow === event.source) frame.style.height = `${Math.ceil(height)}px`;
    }
  });
}
