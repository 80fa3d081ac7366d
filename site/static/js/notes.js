// Note marks. In the HTML each mark is a link to its note in the page's list of sources, and
// the pop-ups that show the notes in place are data: text browsers run no script and show
// what `hidden` hides (a <template>'s content too), so buttons that need a script would be
// dead there. This script puts the pop-ups in the page and makes each mark the button that
// opens its pop-up (a popover: the browser opens, closes and focuses it).

/** HTML that the build wrote into a JSON data block, as nodes ready to insert. */
export function fromData(block) {
  const template = document.createElement("template");
  template.innerHTML = JSON.parse(block.textContent);
  return template.content;
}

function button(mark) {
  const opener = document.createElement("button");
  opener.type = "button";
  opener.className = mark.className;
  opener.setAttribute("popovertarget", mark.dataset.pop);
  opener.dataset.notes = mark.dataset.notes;
  opener.setAttribute("aria-label", mark.getAttribute("aria-label"));
  opener.textContent = mark.textContent;
  return opener;
}

/** Makes the note marks under `root` (the page, or lines a script shows later) buttons. */
export function enhance(root) {
  for (const mark of root.querySelectorAll("a.cite[data-pop]")) mark.replaceWith(button(mark));
}

const popUps = document.getElementById("note-pops");
if (popUps) {
  popUps.replaceWith(fromData(popUps));
  enhance(document);
}
