// The calculator page: reads the form, runs the model (cost-model.js, the mirror of the
// Python model), shows the result, and keeps the state in the address so it can be shared.
// Every number comes from the JSON the build wrote from content/calculator.yaml.

const script = document.querySelector("script[data-model-src]");
const { params, query } = JSON.parse(document.getElementById("calculator-model").textContent);
// Addresses in data attributes are relative to the page, not to this module.
const fromPage = (address) => new URL(address, document.baseURI).href;
const model = await import(fromPage(script.dataset.modelSrc));
const charts = await import(fromPage(script.dataset.chartsSrc));

const form = document.getElementById("calculator-form");
const presetButtons = [...document.querySelectorAll("button[data-preset]")];
const breakdownData = document.getElementById("chart-calculator-breakdown-data");
const breakdownSpec = JSON.parse(breakdownData.textContent);
const CENTS = 100;
const BASIS_POINTS = 10000;

// -- formatting: the same words as `python -m calculator` -------------------------------

function usd(dollars) {
  const cents = Math.round(dollars * CENTS);
  const whole = Math.trunc(cents / CENTS).toLocaleString("en-US");
  const rest = cents % CENTS;
  return `$${whole}${rest ? `.${String(rest).padStart(2, "0")}` : ""}`;
}

function rangeText(r) {
  if (r.low === r.high) return usd(r.low);
  return `${usd(r.low)}–${usd(r.high).slice(1)}, central ${usd(r.central)}`;
}

function ratioText(bp) {
  if (bp === null) return "n/a";
  if (bp >= BASIS_POINTS) {
    const hundredths = model.halfUp(bp, 100);
    return `${Math.trunc(hundredths / 100).toLocaleString("en-US")}.${String(hundredths % 100).padStart(2, "0")} times`;
  }
  return `${Math.trunc(bp / 100)}.${String(bp % 100).padStart(2, "0")}% of`;
}

// -- the form and the address -----------------------------------------------------------

const field = (name) => form.elements.namedItem(name);

function readForm() {
  const tier = form.querySelector("input[name=tier]:checked")?.value ?? "";
  const raw = {};
  for (const [queryName, modelName] of Object.entries(query)) {
    if (queryName === "tier") raw.tier = tier || null;
    else if (queryName === "pay") raw.pay = tier ? null : field("pay").value;
    else raw[modelName] = field(queryName).value;
  }
  return raw;
}

function fillForm(raw) {
  for (const [queryName, modelName] of Object.entries(query)) {
    if (queryName === "tier") continue;
    const value = raw[modelName];
    field(queryName).value = value === null || value === undefined ? "" : String(value);
  }
  const tier = raw.tier ?? "";
  for (const radio of form.querySelectorAll("input[name=tier]")) radio.checked = radio.value === tier;
  syncPayField();
}

function syncPayField() {
  const custom = document.getElementById("tier-custom").checked;
  field("pay").disabled = !custom;
}

function presetById(id) {
  return params.presets.find((p) => p.id === id);
}

// Reads the address: a preset, then any values on top of it. Returns the raw inputs and,
// when the address could not be used, why.
function fromAddress() {
  const search = new URLSearchParams(window.location.search);
  const fallback = model.presetRaw(presetById(params.default_preset));
  if (![...search.keys()].length) return { raw: fallback, preset: params.default_preset };
  const unknown = [...search.keys()].filter((k) => k !== "preset" && !(k in query));
  const presetId = search.get("preset");
  const preset = presetId === null ? presetById(params.default_preset) : presetById(presetId);
  if (!preset || unknown.length) {
    const what = !preset ? `no preset called “${presetId}”` : `unknown setting “${unknown[0]}”`;
    return { raw: fallback, preset: params.default_preset, note: what };
  }
  const raw = model.presetRaw(preset);
  if (search.has("tier") || search.has("pay")) raw.tier = raw.pay = null;
  for (const [queryName, modelName] of Object.entries(query)) {
    if (search.has(queryName)) raw[modelName] = search.get(queryName);
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
    for (const [queryName, modelName] of Object.entries(query)) {
      const value = inputs[modelName];
      if (value !== null && value !== undefined && !(["bloggers", "supervisors"].includes(queryName) && value === 0)) {
        search.set(queryName, String(value));
      }
    }
  }
  const address = `${window.location.pathname}?${search}`;
  window.history.replaceState(null, "", address);
}

// -- showing the result -----------------------------------------------------------------

function showErrors(errors) {
  const byField = new Map(errors.map((e) => [e.field, e.message]));
  for (const slot of form.querySelectorAll("[data-error-for]")) {
    const message = byField.get(slot.dataset.errorFor) ?? "";
    slot.textContent = message;
    const input = slot.closest(".field")?.querySelector("input:not([type=radio]), select");
    if (input && slot.dataset.errorFor !== "tier") input.toggleAttribute("aria-invalid", Boolean(message));
  }
  const summary = document.getElementById("error-summary");
  summary.hidden = !errors.length;
  summary.textContent = errors.length
    ? `Please check ${errors.length === 1 ? "one value" : `${errors.length} values`}: ${errors.map((e) => e.message).join(" ")}`
    : "";
  document.getElementById("results").classList.toggle("is-stale", errors.length > 0);
}

function showResult(result) {
  document.getElementById("out-monthly").textContent = rangeText(result.monthly_cost);
  document.getElementById("out-yearly").textContent = rangeText(result.yearly_cost);
  document.getElementById("out-accounts").textContent = result.accounts.toLocaleString("en-US");
  document.getElementById("out-per-account").textContent = result.cost_per_account
    ? rangeText(result.cost_per_account)
    : "No accounts, so no cost per account";

  const list = document.getElementById("out-comparisons");
  list.replaceChildren(
    ...result.comparisons.map((c) => {
      const item = document.createElement("li");
      const about = params.comparisons.find((x) => x.id === c.id);
      const figure = `${about.hedge ? `${about.hedge} ` : ""}${usd(c.amount)}`;
      item.textContent = c.ratio_bp === null
        ? `Compared with ${about.label}: not comparable`
        : `The central ${c.period === "year" ? "yearly" : "monthly"} cost is ${ratioText(c.ratio_bp)} ${about.label} (${figure}).`;
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
      cells[j].textContent = usd(v);
    });
    lines.push([row.querySelector("th").textContent, ...[...cells].map((c) => c.textContent)]
      .map((text) => (/[",]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text)).join(","));
  });
  const download = document.querySelector("#chart-calculator-breakdown .chart-download a");
  if (download.href.startsWith("blob:")) URL.revokeObjectURL(download.href);
  download.href = URL.createObjectURL(new Blob([`${lines.join("\n")}\n`], { type: "text/csv" }));
  charts.refresh(document.querySelector("#chart-calculator-breakdown .chart-plot"));
}

let activePreset = null;

function update() {
  const { inputs, errors } = model.validate(params, readForm());
  showErrors(errors);
  if (errors.length) return;
  showResult(model.estimate(params, inputs));
  toAddress(inputs, activePreset);
  for (const button of presetButtons) {
    button.setAttribute("aria-pressed", String(button.dataset.preset === activePreset));
  }
}

// -- wiring -----------------------------------------------------------------------------

form.addEventListener("input", () => {
  activePreset = null;
  syncPayField();
  update();
});
form.addEventListener("submit", (event) => event.preventDefault());

for (const button of presetButtons) {
  button.addEventListener("click", () => {
    activePreset = button.dataset.preset;
    fillForm(model.presetRaw(presetById(activePreset)));
    document.getElementById("query-note").hidden = true;
    update();
  });
}

document.getElementById("copy-link").addEventListener("click", async () => {
  const status = document.getElementById("copy-status");
  try {
    await navigator.clipboard.writeText(window.location.href);
    status.textContent = "Link copied.";
  } catch {
    status.textContent = `Copy this link: ${window.location.href}`;
  }
});

const start = fromAddress();
if (start.note) {
  const note = document.getElementById("query-note");
  note.textContent = `The link’s settings could not be used (${start.note}), so the calculator shows its default instead.`;
  note.hidden = false;
}
activePreset = start.preset;
fillForm(start.raw);
update();
