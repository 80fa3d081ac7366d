// Turns the plain list of signals into a tickable checklist with a running count.
// Without JavaScript the list stays a readable list; nothing here is required to read it.

// Its words come from the page, in the page's language: data-status ("{ticked} of {total}
// signals ticked."), data-enough and data-few.
function enhance(fieldset) {
  const threshold = Number(fieldset.dataset.threshold) || 0;
  const words = fieldset.dataset;
  const items = [...fieldset.querySelectorAll(".signals > li")];
  const status = document.createElement("p");
  status.className = "checklist-status";
  status.setAttribute("role", "status");
  status.setAttribute("aria-live", "polite");

  const update = () => {
    const ticked = items.filter((li) => li.querySelector("input").checked).length;
    let verdict = "";
    if (threshold && ticked >= threshold) {
      verdict = ` ${words.enough}`;
    } else if (ticked > 0) {
      verdict = ` ${words.few}`;
    }
    status.textContent = words.status.replace("{ticked}", ticked).replace("{total}", items.length)
      + verdict;
  };

  for (const li of items) {
    const label = li.querySelector(".signal-label");
    const box = document.createElement("input");
    box.type = "checkbox";
    box.id = `check-${li.id}`;
    box.addEventListener("change", update);
    const wrapper = document.createElement("label");
    wrapper.htmlFor = box.id;
    wrapper.className = "signal-label";
    wrapper.textContent = label.textContent;
    label.replaceWith(wrapper);
    li.prepend(box);
    li.classList.add("signal-tickable");
  }
  fieldset.append(status);
  update();
}

document.querySelectorAll("fieldset.checklist").forEach(enhance);
