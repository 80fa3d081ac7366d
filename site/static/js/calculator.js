// The calculator page: reads the form, runs the model (cost-model.js, the mirror of the
// Python model), shows the result, and keeps the state in the address so it can be shared.
// Every number comes from the JSON the build wrote from content/calculator.yaml.

const script = document.querySelector("script[data-model-src]");
const params = JSON.parse(document.getElementById("calculator-model").textContent);
// Addresses in data attributes are relative to the page, not to this module.
const fromPage = (address) => new URL(address, document.baseURI).href;

// HTML that the build wrote into a JSON data block, as nodes ready to insert.
function fromData(block) {
  const template = document.createElement("template");
  template.innerHTML = JSON.parse(block.textContent);
  return template.content;
}

// The form and the preset buttons work only with this script, so they are not in the HTML
// (text browsers, which run no script and show what `hidden` hides, would show them dead): the
// form is data, and each preset a link to its row of the table of presets. They are put in
// place at once, before the model arrives, so the page does not jump after it is first drawn;
// the note that stands in for the form without the script is hidden.
const formData = document.getElementById("calculator-form-data");
formData?.replaceWith(fromData(formData)); // an embed has its form in place already
for (const link of document.querySelectorAll("a[data-preset]")) {
  const button = document.createElement("button");
  button.type = "button";
  button.className = link.className;
  button.dataset.preset = link.dataset.preset;
  button.setAttribute("aria-pressed", "false");
  button.textContent = link.textContent;
  link.replaceWith(button);
}
document.getElementById("no-script-note").hidden = true;

const [model, charts, notes] = await Promise.all([
  import(fromPage(script.dataset.modelSrc)), import(fromPage(script.dataset.chartsSrc)),
  import(fromPage(script.dataset.notesSrc))]);

const form = document.getElementById("calculator-form");
const presetButtons = [...document.querySelectorAll("button[data-preset]")];
// An embed offers the presets as one list instead (its last option, "my own numbers", shows
// that the form no longer matches one).
const presetChoice = document.querySelector("select[data-preset-choice]");
// The full results (the yearly cost, comparisons, the breakdown) are on the page, not in an
// embed, which links to them.
const breakdownData = document.getElementById("chart-calculator-breakdown-data");
const breakdownSpec = breakdownData && JSON.parse(breakdownData.textContent);
const fullResults = document.querySelector("a[data-full-results]");
// The inputs as calculator/inputs.py declares them, by the name they take in the address.
const declared = params.declared_inputs;
const byQuery = new Map(declared.map((item) => [item.query, item]));
const payChoice = declared.find((item) => item.pay && item.kind === "choice");
const payAmount = declared.find((item) => item.pay && item.kind !== "choice");

// -- the form and the address -----------------------------------------------------------

const field = (query) => form.elements.namedItem(query);
const customPay = document.getElementById("custom-pay");

function chosenTier() {
  return form.querySelector(`input[name="${payChoice.query}"]:checked`)?.value ?? "";
}

function readForm() {
  const tier = chosenTier();
  const raw = {};
  for (const item of declared) {
    if (item === payChoice) raw[item.name] = tier || null;
    else if (item === payAmount) raw[item.name] = tier ? null : field(item.query).value;
    else raw[item.name] = field(item.query).value;
  }
  return raw;
}

function fillForm(raw) {
  for (const item of declared) {
    if (item === payChoice) continue;
    const value = raw[item.name];
    field(item.query).value = value === null || value === undefined ? "" : String(value);
  }
  const tier = raw[payChoice.name] ?? "";
  for (const radio of form.querySelectorAll(`input[name="${payChoice.query}"]`)) {
    radio.checked = radio.value === tier;
  }
  syncPayField();
}

// The custom pay field is shown only when a custom pay is chosen.
function syncPayField() {
  customPay.hidden = chosenTier() !== "";
}

function presetById(id) {
  return params.presets.find((p) => p.id === id);
}

// Reads the address: a preset, then any values on top of it. Returns the raw inputs and,
// when the address could not be used, why. Names are looked up as the map's own keys, so
// "?constructor=1" is as unknown as any other name.
function fromAddress() {
  const search = new URLSearchParams(window.location.search);
  const fallback = model.presetRaw(params, presetById(params.default_preset));
  if (![...search.keys()].length) return { raw: fallback, preset: params.default_preset };
  const unknown = [...search.keys()].filter((k) => k !== "preset" && !byQuery.has(k));
  const presetId = search.get("preset");
  const preset = presetId === null ? presetById(params.default_preset) : presetById(presetId);
  if (!preset || unknown.length) {
    const what = !preset ? model.fill(params.messages.unknown_preset, { preset: presetId })
      : model.fill(params.messages.unknown_setting, { setting: unknown[0] });
    return { raw: fallback, preset: params.default_preset, note: what };
  }
  const raw = model.presetRaw(params, preset);
  if (declared.some((item) => item.pay && search.has(item.query))) {
    for (const item of declared) if (item.pay) raw[item.name] = null;
  }
  for (const [query, item] of byQuery) {
    if (search.has(query)) raw[item.name] = search.get(query);
  }
  const { errors } = model.validate(params, raw);
  if (errors.length) return { raw: fallback, preset: params.default_preset, note: errors[0].message };
  const changed = [...search.keys()].some((k) => k !== "preset");
  return { raw, preset: changed ? null : preset.id };
}

function toAddress(inputs, presetId) {
  const search = new URLSearchParams();
  if (presetId) {
    search.set("preset", presetId);
  } else {
    for (const item of declared) {
      const value = inputs[item.name];
      if (value !== null && value !== undefined && !(item.optional && value === 0)) {
        search.set(item.query, String(value));
      }
    }
  }
  const address = `${window.location.pathname}?${search}`;
  window.history.replaceState(null, "", address);
  window.dispatchEvent(new Event("fakefarms:address"));  // share links follow (share.js)
}

// -- showing the result -----------------------------------------------------------------

// The fields whose problems are shown: those the reader has left, or paused in while typing.
// A field being typed into, or a choice just made ("My own amount"), is not told off yet.
const touched = new Set();
const PAUSE_MS = 1000;

function showErrors(errors) {
  const shown = errors.filter((e) => touched.has(e.field));
  const byField = new Map(shown.map((e) => [e.field, e.message]));
  for (const slot of form.querySelectorAll("[data-error-for]")) {
    const message = byField.get(slot.dataset.errorFor) ?? "";
    if (slot.textContent !== message) slot.textContent = message;  // said once, not per key
    const input = slot.closest(".field")?.querySelector("input:not([type=radio]), select");
    if (input && slot.dataset.errorFor !== "tier") {
      if (message) input.setAttribute("aria-invalid", "true");
      else input.removeAttribute("aria-invalid");
    }
  }
  const summary = document.getElementById("error-summary");
  const text = shown.length
    ? model.fill(model.plural(params.messages.summary, shown.length, params.language),
      { count: model.grouped(shown.length, params.language), errors: shown.map((e) => e.message).join(" ") })
    : "";
  summary.hidden = !shown.length;
  if (summary.textContent !== text) summary.textContent = text;
  // While any value cannot be used, no figure stands for it: the estimate shows a dash.
  const stale = errors.length > 0;
  document.getElementById("results").classList.toggle("is-stale", stale);
  document.getElementById("estimate-summary").classList.toggle("is-stale", stale);
  if (stale) {
    showMonthly("—");
    document.getElementById("out-som").textContent = "";
    document.getElementById("out-arithmetic").textContent = "";
  }
}

function fieldOf(element) {
  return element.closest(".field")?.querySelector("[data-error-for]")?.dataset.errorFor;
}

// The monthly estimate, and its repeat where an embed's inputs end.
function showMonthly(text) {
  document.getElementById("out-monthly").textContent = text;
  for (const again of document.querySelectorAll("[data-estimate-again]")) again.textContent = text;
}

function showResult(result) {
  const text = model.describe(params, result);
  showMonthly(text.monthly);
  document.getElementById("out-som").textContent = text.som;
  document.getElementById("out-wage-months").textContent = text.wage_months;
  document.getElementById("out-arithmetic").textContent = text.arithmetic;
  if (fullResults) {
    // an embed: its link opens the full results of the same numbers
    fullResults.search = window.location.search;
    return;
  }
  document.getElementById("out-yearly").textContent = text.yearly;
  document.getElementById("out-accounts").textContent = text.accounts;
  document.getElementById("out-per-account").textContent = text.per_account;
  document.getElementById("out-comparisons").replaceChildren(
    ...text.comparisons.map((sentence) => {
      const item = document.createElement("li");
      item.textContent = sentence;
      return item;
    }),
  );
  showBreakdown(result.breakdown);
}

// The roles, their order and the table's columns are the build's: read, never retyped.
function showBreakdown(breakdown) {
  const roles = params.breakdown_roles.map((r) => r.role);
  const costs = roles.map((role) => breakdown[role]);
  const part = (name) => breakdownSpec.data.find((trace) => trace.meta.part === name);
  const bars = part("range");
  const centres = part("central");
  bars.base = costs.map((c) => c.low);
  bars.x = costs.map((c) => c.high - c.low);
  centres.x = costs.map((c) => c.central);
  breakdownData.textContent = JSON.stringify(breakdownSpec);

  const table = document.querySelector("#chart-calculator-breakdown table");
  const rows = table.querySelectorAll("tbody tr");
  const header = [...table.querySelectorAll("thead th")].map((th) => th.textContent);
  const lines = [header.join(",")];
  rows.forEach((row, i) => {
    const cells = row.querySelectorAll("td");
    [costs[i].low, costs[i].central, costs[i].high].forEach((v, j) => {
      cells[j].textContent = model.money(model.toCents(v), params.language);
    });
    lines.push([row.querySelector("th").textContent, ...[...cells].map((c) => c.textContent)]
      .map((text) => (/[",]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text)).join(","));
  });
  const download = document.querySelector("#chart-calculator-breakdown .chart-download a");
  if (download.href.startsWith("blob:")) URL.revokeObjectURL(download.href);
  download.href = URL.createObjectURL(new Blob([`${lines.join("\n")}\n`], { type: "text/csv" }));
  charts.refresh(document.querySelector("#chart-calculator-breakdown .chart-plot"));
}

// What the estimate rests on: the active preset (its name and its citations, as the build
// wrote them into a data block; their note marks made buttons, as the page's are), or the
// reader's own numbers.
const basedOn = document.getElementById("based-on");
const basedOnLines = fromData(document.getElementById("based-on-lines"));
notes.enhance(basedOnLines);

function showBasedOn(presetId) {
  const id = presetId ?? "";
  if (basedOn.dataset.shown === id) return;
  const line = [...basedOnLines.querySelectorAll("[data-based-on]")]
    .find((item) => item.dataset.basedOn === id);
  basedOn.replaceChildren(...line.cloneNode(true).childNodes);
  basedOn.dataset.shown = id;
}

let activePreset = null;

function update() {
  const { inputs, errors } = model.validate(params, readForm());
  showErrors(errors);
  showBasedOn(activePreset);
  if (errors.length) return;
  showResult(model.estimate(params, inputs));
  toAddress(inputs, activePreset);
  for (const button of presetButtons) {
    button.setAttribute("aria-pressed", String(button.dataset.preset === activePreset));
  }
  if (presetChoice) presetChoice.value = activePreset ?? "";
}

// -- wiring -----------------------------------------------------------------------------

let pause;
form.addEventListener("input", (event) => {
  activePreset = null;
  syncPayField();
  clearTimeout(pause);
  if (event.target.type === "text") {
    pause = setTimeout(() => {
      touched.add(fieldOf(event.target));
      update();
    }, PAUSE_MS);
  }
  update();
});
form.addEventListener("focusout", (event) => {
  if (event.target.type !== "text") return;
  touched.add(fieldOf(event.target));
  update();
});
form.addEventListener("submit", (event) => event.preventDefault());

function choosePreset(id) {
  activePreset = id;
  touched.clear();
  fillForm(model.presetRaw(params, presetById(activePreset)));
  document.getElementById("query-note").hidden = true;
  update();
}

for (const button of presetButtons) {
  button.addEventListener("click", () => choosePreset(button.dataset.preset));
}
presetChoice?.addEventListener("change", () => choosePreset(presetChoice.value));


const start = fromAddress();
if (start.note) {
  const note = document.getElementById("query-note");
  note.textContent = model.fill(params.messages.link_ignored, { note: start.note });
  note.hidden = false;
}
activePreset = start.preset;
fillForm(start.raw);
update();
// Wired and filled in: the calculator answers from here on.
document.getElementById("calculator").dataset.ready = "true";
