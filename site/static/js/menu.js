// The site's menu on a narrow screen (a <details> in the header). Open, it lies over the top
// of the page, so it closes once the reader is done with it: when the keyboard's focus or a
// tap moves outside it, or on Escape (which returns focus to the menu button). Without
// JavaScript it stays open until its button is pressed again.

function enhance(menu) {
  const button = menu.querySelector("summary");
  menu.addEventListener("focusout", (event) => {
    if (menu.open && event.relatedTarget && !menu.contains(event.relatedTarget)) menu.open = false;
  });
  menu.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && menu.open) {
      menu.open = false;
      button.focus();
    }
  });
  document.addEventListener("pointerdown", (event) => {
    if (menu.open && !menu.contains(event.target)) menu.open = false;
  });
}

document.querySelectorAll("header details.menu").forEach(enhance);
