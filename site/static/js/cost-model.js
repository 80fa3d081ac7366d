// The cost calculator's model in the browser: a mirror of calculator/model.py.
//
// Every parameter (limits, tiers, language percentages, presets, comparisons)
// comes from `params`, the JSON that calculator.params_to_json() makes from
// content/calculator.yaml; nothing here restates one. Money is integer cents,
// rounded half-up only where the Python rounds, so results match it to the cent;
// tests/js/cost-model.test.mjs checks every case calculator/vectors.py generates.
// Inputs come from validate(); estimate() trusts them.

// Definitions, not parameters (calculator/params.py has the same).
const CENTS = 100;
const MONTHS = 12;
const BASIS_POINTS = 10000;
const MAX_EXACT = Number.MAX_SAFE_INTEGER;
const EXPONENT_CAP = 1e15; // longer exponents are capped: the outcome (huge or fractional) holds

const NUMBER = /^([+-]?)([0-9]*)(?:\.([0-9]*))?(?:[eE]([+-]?)([0-9]+))?$/;
const NAN = /^[+-]?nan$/i;
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

function grouped(value) {
  return String(value).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

function amount(value, bound) {
  return bound.format === "usd" ? `$${grouped(value)}` : grouped(value);
}

/** The whole number within bound, or the message saying what is wrong. */
function bounded(raw, bound) {
  const value = wholeNumber(raw);
  const low = amount(bound.min, bound);
  const high = amount(bound.max, bound);
  if (typeof value === "number") {
    if (value < bound.min) return `${bound.label}: must be at least ${low}.`;
    if (value > bound.max) return `${bound.label}: must be at most ${high}.`;
    return value;
  }
  if (value === "fractional" && bound.format === "usd") {
    return `${bound.label}: must be whole US dollars, without cents.`;
  }
  return {
    empty: `${bound.label}: enter a number from ${low} to ${high}.`,
    not_number:
      `${bound.label}: not a number; use digits only, ` +
      "without commas, spaces or currency signs.",
    nan: `${bound.label}: NaN is not a number; enter a number from ${low} to ${high}.`,
    negative: `${bound.label}: cannot be negative.`,
    huge: `${bound.label}: far too large; must be at most ${high}.`,
    fractional: `${bound.label}: must be a whole number.`,
  }[value];
}

function given(raw) {
  return raw !== null && raw !== undefined && !(typeof raw === "string" && !trim(raw));
}

function choice(raw, ids, field, label) {
  const text = typeof raw === "string" ? trim(raw) : raw;
  if (ids.includes(text)) return text;
  const choices = ids.join(", ");
  if (!given(raw)) return { field, message: `${label}: choose one of ${choices}.` };
  return { field, message: `${label}: not one of ${choices}.` };
}

/**
 * Check raw inputs as the form gives them (text, numbers, null or missing).
 * Keys: staff, accounts_per_person, language, tier or pay (exactly one), and
 * optionally bloggers and supervisors (missing or null means 0).
 * Returns {inputs, errors}: inputs is null when errors (one per bad field) is not empty.
 */
export function validate(params, raw) {
  const get = (key) => (Object.hasOwn(raw, key) ? raw[key] : undefined);
  const values = {};
  const errors = [];
  const count = (name, value) => {
    const result = bounded(value, params.inputs[name]);
    if (typeof result === "string") errors.push({ field: name, message: result });
    else values[name] = result;
  };

  count("staff", get("staff"));
  count("accounts_per_person", get("accounts_per_person"));

  const languageIds = params.languages.map((x) => x.id);
  values.language = choice(get("language"), languageIds, "language", "Language");
  if (typeof values.language !== "string") errors.push(values.language);

  const tier = get("tier");
  const pay = get("pay");
  values.tier = null;
  values.pay = null;
  if (given(tier) && given(pay)) {
    errors.push({
      field: "pay",
      message: "Pay: choose a pay tier or a custom monthly pay, not both.",
    });
  } else if (given(tier)) {
    values.tier = choice(tier, params.tiers.map((t) => t.id), "tier", "Pay tier");
    if (typeof values.tier !== "string") errors.push(values.tier);
  } else if (given(pay)) {
    count("pay", pay);
  } else {
    errors.push({ field: "pay", message: "Pay: choose a pay tier or enter a custom monthly pay." });
  }

  count("bloggers", get("bloggers") ?? 0);
  count("supervisors", get("supervisors") ?? 0);

  if (errors.length) return { inputs: null, errors };
  const { staff, accounts_per_person, language, bloggers, supervisors } = values;
  return {
    inputs: { staff, accounts_per_person, language, tier: values.tier, pay: values.pay,
      bloggers, supervisors },
    errors,
  };
}

/** A preset's values as raw inputs for validate(), to fill the form. */
export function presetRaw(preset) {
  return {
    staff: preset.staff,
    accounts_per_person: preset.accounts_per_person,
    language: preset.language,
    tier: preset.tier,
    pay: preset.pay,
    bloggers: preset.bloggers,
    supervisors: preset.supervisors,
  };
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

function per(r, divisor) {
  return {
    low: halfUp(r.low, divisor),
    central: halfUp(r.central, divisor),
    high: halfUp(r.high, divisor),
  };
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
    const { percent } = params.languages.find((x) => x.id === inputs.language);
    low = tier.low * percent;
    high = tier.high * percent;
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
  const comparisons = params.comparisons.map((c) => {
    let figure;
    if (c.amount !== null && c.amount !== undefined) {
      figure = c.amount * CENTS;
    } else {
      const preset = params.presets.find((p) => p.id === c.preset);
      const r = roles(params, presetRaw(preset));
      figure = add(r.operators, r.bloggers, r.supervisors).central;
    }
    const cost = c.period === "year" ? yearly.central : monthly.central;
    return {
      id: c.id,
      period: c.period,
      amount: figure / CENTS,
      cost: cost / CENTS,
      ratio_bp: figure ? halfUp(cost * BASIS_POINTS, figure) : null,
    };
  });
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
  };
}
