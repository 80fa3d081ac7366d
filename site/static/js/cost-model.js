// The cost calculator's model in the browser: a mirror of calculator/model.py.
//
// Every parameter (limits, tiers, language percentages, presets, comparisons)
// comes from `params`, the JSON that calculator.params_to_json() makes from
// content/calculator.yaml; nothing here restates one. Money is integer cents,
// rounded half-up only where the Python rounds, so results match it to the cent;
// tests/js/cost-model.test.mjs checks every case tests/calculator/vectors.py generates.
// Inputs come from validate(); estimate() trusts them.

// Definitions, not parameters (as in records/numbers.py and calculator/params.py; the
// parity vectors fail if they differ).
const CENTS = 100;
const MONTHS = 12;
const BASIS_POINTS = 10000;
const MAX_EXACT = Number.MAX_SAFE_INTEGER;
const EXPONENT_CAP = 1e15; // longer exponents are capped: the outcome (huge or fractional) holds

const NUMBER = /^([+-]?)([0-9]*)(?:\.([0-9]*))?(?:[eE]([+-]?)([0-9]+))?$/;
const NAN = /^[+-]?nan$/i;
// Thousands grouped by one kind of separator, as readers write them: 1,000 or 1 000.
const GROUPED = /^[+-]?[0-9]{1,3}([, \u00a0\u202f])[0-9]{3}(?:\1[0-9]{3})*(?:\.[0-9]*)?$/;
const SPACE = " \t\n\r\f\v"; // trimmed from text, as Python's str.strip(_SPACE)

function trim(text) {
  let start = 0;
  let end = text.length;
  while (start < end && SPACE.includes(text[start])) start += 1;
  while (end > start && SPACE.includes(text[end - 1])) end -= 1;
  return text.slice(start, end);
}

/** numerator / denominator rounded to the nearest integer, halves up (both >= 0). */
export function halfUp(numerator, denominator) {
  const top = 2 * numerator + denominator;
  const bottom = 2 * denominator;
  return (top - (top % bottom)) / bottom; // exact: every integer here is below 2^53
}

/**
 * The non-negative whole number raw stands for, or what is wrong with it:
 * "empty", "not_number", "nan", "negative", "huge" (beyond 2^53 - 1), "fractional".
 * Text is read exactly as decimal digits, and a number by String(x).
 */
export function wholeNumber(raw) {
  let text;
  if (raw === null || raw === undefined) return "empty";
  if (typeof raw === "number") {
    if (Number.isNaN(raw)) return "nan";
    if (!Number.isFinite(raw)) return raw < 0 ? "negative" : "huge";
    text = String(raw);
  } else if (typeof raw === "string") {
    text = trim(raw);
    if (!text) return "empty";
    if (NAN.test(text)) return "nan";
    const grouping = GROUPED.exec(text);
    if (grouping) text = text.replaceAll(grouping[1], "");
  } else {
    return "not_number";
  }
  const match = NUMBER.exec(text);
  if (!match || !(match[2] || match[3])) return "not_number";
  const [, sign, whole, fraction = "", expSign = "", expText = ""] = match;
  const digits = (whole + fraction).replace(/^0+/, "");
  if (!digits) return 0;
  if (sign === "-") return "negative";
  const expDigits = expText.replace(/^0+/, "");
  let exponent = expDigits.length > 15 ? EXPONENT_CAP : Number(expDigits || "0");
  exponent = (expSign === "-" ? -exponent : exponent) - fraction.length;
  const significant = digits.replace(/0+$/, "");
  exponent += digits.length - significant.length;
  const beforePoint = significant.length + exponent;
  if (beforePoint > 16) return "huge";
  if (beforePoint === 16) {
    // Number() of 16 digits is exact up to 2^53 - 1 and rounds anything larger to >= 2^53.
    const wholePart = Number(
      exponent < 0 ? significant.slice(0, 16) : significant + "0".repeat(exponent),
    );
    if (wholePart > MAX_EXACT || (wholePart === MAX_EXACT && exponent < 0)) return "huge";
  }
  if (exponent < 0) return "fractional";
  return Number(significant + "0".repeat(exponent));
}

// -- numbers and money, written as records/numbers.py writes them ------------------

const WHOLE_DOLLARS_FROM = 10 * CENTS;

// Numbers are written in the conventions of the words' language (params.language) by Intl,
// as records/numbers.py writes them with Babel: "1,250" and "$1,250" in English, "1 250" and
// "1 250 $" in Russian.
const formats = new Map();
function format(language, options) {
  const key = `${language} ${JSON.stringify(options)}`;
  if (!formats.has(key)) formats.set(key, new Intl.NumberFormat(language, options));
  return formats.get(key);
}

/** 1250 -> "1,250" ("1 250" in Russian). */
export function grouped(value, language = "en") {
  return format(language, { maximumFractionDigits: 0 }).format(value);
}

/** 5.4 -> "5.4" ("5,4" in Russian). */
export function decimal(value, language = "en") {
  return format(language, { maximumFractionDigits: 15 }).format(value);
}

/** 45 -> "45%" ("45 %" in Russian). */
export function percent(value, language = "en") {
  // a percent is a hundredth, as a cent is
  return format(language, { style: "percent", maximumFractionDigits: 15 }).format(value / CENTS);
}

function currency(amount, language, cents) {
  const digits = cents ? 2 : 0;
  return format(language, {
    style: "currency", currency: "USD", currencyDisplay: "narrowSymbol",
    minimumFractionDigits: digits, maximumFractionDigits: digits,
  }).format(amount);
}

/** $1,250 for 125000 cents (whole dollars from $10 up); $1.50 below $10. */
export function money(cents, language = "en") {
  if (cents >= WHOLE_DOLLARS_FROM) return currency(halfUp(cents, CENTS), language, false);
  return currency(cents / CENTS, language, cents % CENTS !== 0);
}

/** Two amounts as a range with the currency sign once: "$1,000–1,500", "1 000–1 500 $". */
export function oneSign(first, last) {
  const sign = "$";
  if (first.startsWith(sign) && last.startsWith(sign)) return `${first}–${last.slice(sign.length)}`;
  const tail = first.slice(first.replace(/[$\u00a0 ]+$/, "").length);
  return tail && last.endsWith(tail) ? `${first.slice(0, -tail.length)}–${last}` : `${first}–${last}`;
}

/** A range in cents: "$1,000–1,500"; one amount when both ends read the same. */
export function moneySpan(low, high, language = "en") {
  const first = money(low, language);
  const last = money(high, language);
  return first === last ? first : oneSign(first, last);
}

/** Two whole numbers as a range, "84,500–126,800"; one number when they are the same. */
export function span(low, high, language = "en") {
  const first = grouped(low, language);
  const last = grouped(high, language);
  return first === last ? first : `${first}–${last}`;
}

/** A ratio in basis points, rounded to what a reader can use: [kind, number, as written]. */
export function ratio(basisPoints, language = "en") {
  if (basisPoints >= 10 * BASIS_POINTS) {
    const times = halfUp(basisPoints, BASIS_POINTS);
    return ["times", times, grouped(times, language)];
  }
  const tenths = halfUp(basisPoints, BASIS_POINTS / 10);
  if (tenths > 10) return ["times", tenths / 10, decimal(tenths / 10, language)];
  const share = halfUp(basisPoints, BASIS_POINTS / CENTS); // a percent is a hundredth, as a cent
  if (tenths === 10) return ["same_as", 1, ""];
  if (share < 1) return ["under", 1, percent(1, language)];
  return ["percent_of", share, percent(share, language)];
}

/** The words of forms (one, few, many, other) that go with count, by Intl's plural rules. */
export function plural(forms, count, language = "en") {
  return forms[new Intl.PluralRules(language).select(count)] ?? forms.other;
}

/** A sentence from content with its {name} slots filled. */
export function fill(template, values) {
  let text = template;
  for (const [name, value] of Object.entries(values)) text = text.replaceAll(`{${name}}`, value);
  return text;
}

function amount(value, bound, language) {
  return bound.format === "usd" ? money(value * CENTS, language) : grouped(value, language);
}

/** The whole number within bound, or the message saying what is wrong. */
function bounded(raw, bound, messages, language) {
  const value = wholeNumber(raw);
  const words = {
    label: bound.label,
    low: amount(bound.min, bound, language),
    high: amount(bound.max, bound, language),
  };
  if (typeof value === "number") {
    if (value < bound.min) return fill(messages.at_least, words);
    if (value > bound.max) return fill(messages.at_most, words);
    return value;
  }
  if (value === "fractional" && bound.format === "usd") return fill(messages.whole_dollars, words);
  return fill(messages[value], words);
}

function given(raw) {
  return raw !== null && raw !== undefined && !(typeof raw === "string" && !trim(raw));
}

function choice(raw, ids, field, label, messages) {
  const text = typeof raw === "string" ? trim(raw) : raw;
  if (ids.includes(text)) return text;
  const message = given(raw) ? messages.not_one_of : messages.choose_one;
  return { field, message: fill(message, { label, choices: ids.join(", ") }) };
}

/** One input's valid value, or its error. */
function checked(params, item, raw) {
  const words = params.inputs[item.name];
  if (item.kind === "choice") {
    return choice(raw, params[item.choices].map((x) => x.id), item.name, words.label, params.messages);
  }
  const given = item.optional && (raw === null || raw === undefined) ? 0 : raw;
  const result = bounded(given, words, params.messages, params.language);
  return typeof result === "string" ? { field: item.name, message: result } : result;
}

/**
 * Check raw inputs as the form gives them (text, numbers, null or missing).
 * Keys: the declared inputs' names (params.declared_inputs, from calculator/inputs.py).
 * Of the two pay inputs exactly one is given; an optional input that is missing or null
 * means 0. Returns {inputs, errors}: inputs is null when errors (one per bad field, in the
 * declared order) is not empty.
 */
export function validate(params, raw) {
  const get = (key) => (Object.hasOwn(raw, key) ? raw[key] : undefined);
  const declared = params.declared_inputs;
  const values = Object.fromEntries(declared.map((item) => [item.name, null]));
  const errors = [];
  const payInputs = declared.filter((item) => item.pay).map((item) => item.name);
  const payGiven = payInputs.filter((name) => given(get(name)));
  for (const item of declared) {
    if (item.pay && !(payGiven.length === 1 && payGiven[0] === item.name)) {
      if (payGiven.length !== 1 && item.name === payInputs[payInputs.length - 1]) {
        const { messages } = params;
        errors.push({ field: "pay", message: payGiven.length ? messages.pay_both : messages.pay_neither });
      }
      continue;
    }
    const result = checked(params, item, get(item.name));
    if (typeof result === "object") errors.push(result);
    else values[item.name] = result;
  }
  if (errors.length) return { inputs: null, errors };
  return { inputs: values, errors };
}

/** A preset's values as raw inputs for validate(), to fill the form; the reader's own inputs,
 * which no preset sets, are 0. */
export function presetRaw(params, preset) {
  return Object.fromEntries(
    params.declared_inputs.map((item) => [item.name, item.preset ? preset[item.name] : 0]),
  );
}

// -- estimate ---------------------------------------------------------------------

function between(low, high) {
  return { low, central: halfUp(low + high, 2), high };
}

function add(...ranges) {
  const sum = (key) => ranges.reduce((total, r) => total + r[key], 0);
  return { low: sum("low"), central: sum("central"), high: sum("high") };
}

function times(r, factor) {
  return { low: r.low * factor, central: r.central * factor, high: r.high * factor };
}

/** Each value × numerator ÷ denominator, rounded half-up. */
function scaled(r, numerator, denominator) {
  return {
    low: halfUp(r.low * numerator, denominator),
    central: halfUp(r.central * numerator, denominator),
    high: halfUp(r.high * numerator, denominator),
  };
}

function per(r, divisor) {
  return scaled(r, 1, divisor);
}

function dollars(r) {
  return { low: r.low / CENTS, central: r.central / CENTS, high: r.high / CENTS };
}

/** An operator's pay, and the monthly cost of operators, bloggers and supervisors. */
function roles(params, inputs) {
  let low;
  let high;
  if (inputs.pay !== null && inputs.pay !== undefined) {
    low = inputs.pay * CENTS;
    high = low;
  } else {
    const tier = params.tiers.find((t) => t.id === inputs.tier);
    const language = params.languages.find((x) => x.id === inputs.language);
    // the reader's extra for Russian-speaking work × the language's share: percent × percent
    const extra = BASIS_POINTS + inputs.russian_extra * language.russian_share;
    low = halfUp(tier.low * language.percent * extra, BASIS_POINTS);
    high = halfUp(tier.high * language.percent * extra, BASIS_POINTS);
  }
  const blogger = params.tiers.find((t) => t.id === params.blogger_tier);
  const supervisor = params.supervisor_pay;
  return {
    pay: between(low, high),
    operators: between(inputs.staff * low, inputs.staff * high),
    bloggers: between(inputs.bloggers * blogger.low * CENTS, inputs.bloggers * blogger.high * CENTS),
    supervisors: between(
      inputs.supervisors * supervisor.low * CENTS,
      inputs.supervisors * supervisor.high * CENTS,
    ),
  };
}

/**
 * The monthly and yearly cost of a department, as `python -m calculator --json` prints it:
 * costs are {low, central, high} in US dollars, exact to the cent.
 */
export function estimate(params, inputs) {
  const { pay, operators, bloggers, supervisors } = roles(params, inputs);
  const monthly = add(operators, bloggers, supervisors);
  const yearly = times(monthly, MONTHS);
  const accounts = inputs.staff * inputs.accounts_per_person;
  const comparisons = [];
  for (const c of params.comparisons) {
    let figure;
    if (c.cents !== null && c.cents !== undefined) {
      figure = c.cents;
    } else {
      const preset = presetRaw(params, params.presets.find((p) => p.id === c.preset));
      if (params.declared_inputs.every(({ name }) => preset[name] === inputs[name])) continue;
      const r = roles(params, preset);
      figure = add(r.operators, r.bloggers, r.supervisors).central;
    }
    if (!figure) continue; // a department that costs nothing gives no ratio
    const cost = c.period === "year" ? yearly.central : monthly.central;
    comparisons.push({
      id: c.id,
      period: c.period,
      amount: figure / CENTS,
      cost: cost / CENTS,
      ratio_bp: halfUp(cost * BASIS_POINTS, figure),
    });
  }
  return {
    inputs: { ...inputs },
    accounts,
    pay_per_person: dollars(pay),
    monthly_cost: dollars(monthly),
    yearly_cost: dollars(yearly),
    cost_per_account: accounts ? dollars(per(monthly, accounts)) : null,
    breakdown: {
      operators: dollars(operators),
      bloggers: dollars(bloggers),
      supervisors: dollars(supervisors),
    },
    comparisons,
    monthly_som: times(scaled(monthly, params.som.amount, params.som.cents * params.som.round_to),
      params.som.round_to),
  };
}

// -- the result in words, as calculator/describe.py writes it ---------------------

/** Dollars, as estimate() gives them, back to whole cents. */
export const toCents = (dollars) => Math.round(dollars * CENTS);

function rangeText(params, r) {
  const { language } = params;
  const span = moneySpan(toCents(r.low), toCents(r.high), language);
  const midpoint = money(toCents(r.central), language);
  return span === midpoint ? span : fill(params.words.range, { span, midpoint });
}

/** "N people × $low–high = $total a month": every role with people in it. */
function arithmetic(params, result) {
  const blogger = params.tiers.find((t) => t.id === params.blogger_tier);
  const supervisor = params.supervisor_pay;
  const { inputs } = result;
  const pay = result.pay_per_person;
  const pays = {
    operators: [inputs.staff, toCents(pay.low), toCents(pay.high)],
    bloggers: [inputs.bloggers, blogger.low * CENTS, blogger.high * CENTS],
    supervisors: [inputs.supervisors, supervisor.low * CENTS, supervisor.high * CENTS],
  };
  const nobody = Object.values(pays).every(([count]) => !count);
  const terms = params.breakdown_roles
    .filter(({ role }) => pays[role][0] || (role === "operators" && nobody))
    .map((forms) => {
      const [count, low, high] = pays[forms.role];
      return fill(params.words.term, {
        count: grouped(count, params.language),
        role: plural(forms, count, params.language),
        pay: moneySpan(low, high, params.language),
      });
    });
  const total = moneySpan(toCents(result.monthly_cost.low), toCents(result.monthly_cost.high),
    params.language);
  return fill(params.words.sum, { terms: terms.join(" + "), total });
}

/** A ratio in the words of forms (times, percent_of, same_as, under): "5.4 times". */
function ratioText(forms, basisPoints, language) {
  const [kind, number, written] = ratio(basisPoints, language);
  const phrase = kind === "times" ? plural(forms.times, number, language) : forms[kind];
  return fill(phrase, { ratio: written });
}

/** Som, or a range of them, with the word the last number takes: "84,500–126,800 som". */
function somAmount(params, low, high) {
  const { words, language } = params;
  return fill(plural(words.som, high, language), { number: span(low, high, language) });
}

/** Every text the page shows for a result of estimate(). */
export function describe(params, result) {
  const { words, language } = params;
  const wage = params.comparisons.find(
    (c) => c.figure === params.som.usd_figure && c.period === "month",
  );
  const som = result.monthly_som;
  return {
    monthly: rangeText(params, result.monthly_cost),
    yearly: rangeText(params, result.yearly_cost),
    accounts: grouped(result.accounts, language),
    per_account: result.cost_per_account
      ? rangeText(params, result.cost_per_account)
      : words.no_accounts,
    pay_per_person: rangeText(params, result.pay_per_person),
    arithmetic: arithmetic(params, result),
    comparisons: result.comparisons.map((c) => {
      const about = params.comparisons.find((x) => x.id === c.id);
      return fill(words.comparison, {
        period: c.period === "year" ? words.year : words.month,
        ratio: ratioText(words.ratio, c.ratio_bp, language),
        label: about.label,
        amount: about.amount_text ?? money(toCents(c.amount), language),
      });
    }),
    som: fill(words.in_som, { amount: somAmount(params, som.low, som.high) }),
    wage_months: ratioText(words.wage_months,
      result.comparisons.find((c) => c.id === wage.id).ratio_bp, language),
  };
}
