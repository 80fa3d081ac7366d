// Inside an embedded page: tell the page that frames this one how tall the content is, each
// time it changes (a chart drawn, a table opened, a new estimate). embed-host.js listens.
// `heightMessage` is given by the code the site writes around this file (fakefarms/embeds.py,
// where the message is declared).
const root = document.documentElement;
let last = 0;

function report() {
  const height = Math.ceil(root.getBoundingClientRect().height);
  if (height === last || window.parent === window) return;
  last = height;
  window.parent.postMessage({ type: heightMessage, height }, "*");
}

new ResizeObserver(report).observe(root);
report();
