// The contents of a story page ("On this page"). On a phone they are a bar at the top of the
// screen: opened, they close again when the reader follows one of their links or presses
// Escape, so they never cover the section the reader jumped to. On a wide screen they are a
// column beside the text, always open, and say so.

const WIDE = window.matchMedia("(min-width: 75rem)");

function enhance(box) {
  const summary = box.querySelector("summary");
  const fit = () => { box.open = WIDE.matches; };
  box.addEventListener("click", (event) => {
    if (event.target.closest("a") && !WIDE.matches) box.open = false;
  });
  box.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && box.open && !WIDE.matches) {
      box.open = false;
      summary.focus();
    }
  });
  WIDE.addEventListener("change", fit);
  fit();
}

document.querySelectorAll("details.toc-box").forEach(enhance);
