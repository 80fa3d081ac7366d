// Share links follow the address the reader is on (a calculator estimate changes it), and the
// browser's own share sheet and a copy button are offered where the browser can do them: this
// script makes those two buttons (the page names them), so that text browsers, which run no
// script, never show them dead. Nothing here makes a request: the links are plain addresses
// until a reader follows one.

const box = document.querySelector(".share");

function fill(pattern, url, text) {
  return pattern.replace("{url}", encodeURIComponent(url)).replace("{text}", encodeURIComponent(text));
}

/** Points every share link at `url` (the page's own address, with its query). */
export function shareAddress(url = window.location.href) {
  const text = box.dataset.shareText;
  for (const link of box.querySelectorAll("a[data-share-pattern]")) {
    link.href = fill(link.dataset.sharePattern, url, text);
  }
}

/** A button in its own item of the list of ways to share, first or last. */
function addButton(label, marker, first) {
  const button = document.createElement("button");
  button.type = "button";
  button.className = "share-button";
  button.setAttribute(marker, "");
  button.textContent = label;
  const item = document.createElement("li");
  item.append(button);
  const list = box.querySelector(".share-links");
  if (first) list.prepend(item);
  else list.append(item);
  return button;
}

if (box) {
  const status = box.querySelector("[data-share-status]");
  if (navigator.share) {
    const native = addButton(box.dataset.shareLabel, "data-share-native", true);
    native.addEventListener("click", () => {
      navigator.share({ title: box.dataset.shareText, url: window.location.href }).catch(() => {});
    });
  }
  const copy = addButton(box.dataset.copyLabel, "data-share-copy", false);
  copy.addEventListener("click", async () => {
    try {
      await navigator.clipboard.writeText(window.location.href);
      status.textContent = box.dataset.copied;
    } catch {
      status.textContent = `${box.dataset.copyThis} ${window.location.href}`;
    }
  });
  shareAddress();
  // The calculator announces each new estimate's address.
  window.addEventListener("fakefarms:address", () => shareAddress());
}
