// Share links follow the address the reader is on (a calculator estimate changes it), and the
// browser's own share sheet and a copy button are offered where the browser can do them.
// Nothing here makes a request: the links are plain addresses until a reader follows one.

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

if (box) {
  const status = box.querySelector("[data-share-status]");
  const native = box.querySelector("[data-share-native]");
  const copy = box.querySelector("[data-share-copy]");
  if (navigator.share) {
    native.parentElement.hidden = false;
    native.addEventListener("click", () => {
      navigator.share({ title: box.dataset.shareText, url: window.location.href }).catch(() => {});
    });
  }
  copy.parentElement.hidden = false;
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
