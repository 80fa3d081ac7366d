// Inside an embedded page: tell the page that frames this one how tall the content is, each
// time it changes (a chart drawn, a table opened, a new estimate). embed-host.js listens.
const root = document.documentElement;
let last = 0;

function report() {
  const height = Math.ceil(root.getBoundingClientRect().height);
  if (height === last || window.parent === window) return;
  last = height;
  window.parent.postMessage({ type: "fakefarms:height", height }, "*");
}

new ResizeObserver(report).observe(root);
report();
