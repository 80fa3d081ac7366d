// cost-model.js gives exactly the Python model's results: every case of the vectors file
// named by COST_MODEL_VECTORS, to the cent and to the word of each error message.
// pytest generates the file and runs this (tests/calculator/test_calculator_parity.py); by hand:
//   .venv/bin/python -m calculator.vectors --write /tmp/vectors.json
//   COST_MODEL_VECTORS=/tmp/vectors.json node --test tests/js/
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, test } from "node:test";

import {
  describe as describeResult,
  estimate,
  halfUp,
  presetRaw,
  validate,
  wholeNumber,
} from "../../site/static/js/cost-model.js";

const VECTORS = process.env.COST_MODEL_VECTORS;
const vectors = VECTORS ? JSON.parse(readFileSync(VECTORS, "utf8")) : { params: {}, cases: [] };

test("COST_MODEL_VECTORS names the vectors file", () => {
  assert.ok(
    VECTORS,
    "COST_MODEL_VECTORS is not set: run .venv/bin/python -m pytest " +
      "tests/calculator/test_calculator_parity.py, which writes the vectors and runs these tests",
  );
});

// JSON has no NaN or infinities; the generator writes them as {"$number": "..."}.
const SPECIAL = { NaN, Infinity, "-Infinity": -Infinity };
function decode(value) {
  if (value && typeof value === "object" && !Array.isArray(value) && "$number" in value) {
    return SPECIAL[value.$number];
  }
  return value;
}

describe("shared vectors", () => {
  test("the file has enough cases of each kind", () => {
    const cases = vectors.cases;
    assert.ok(cases.length >= 500, `${cases.length} cases`);
    assert.ok(cases.filter((c) => c.estimate).length >= 250);
    assert.ok(cases.filter((c) => c.errors.length).length >= 250);
    assert.deepEqual(Object.keys(vectors.params).sort(), ["content", "fixture", "fixture-ru", "variant"]);
    // Russian numbers ("1 000–1 500 $", "5,4") are checked too, not only English ones.
    assert.ok(cases.some((c) => c.params === "fixture-ru" && c.texts?.monthly.includes("\u00a0$")));
    for (const name of Object.keys(vectors.params)) {
      assert.ok(cases.some((c) => c.params === name && c.preset), `${name} has no preset case`);
    }
  });

  for (const c of vectors.cases) {
    test(c.id, () => {
      const params = vectors.params[c.params];
      const raw = Object.fromEntries(Object.entries(c.raw).map(([k, v]) => [k, decode(v)]));
      if (c.preset) {
        assert.deepEqual(presetRaw(params, params.presets.find((p) => p.id === c.preset)), raw);
      }
      const { inputs, errors } = validate(params, raw);
      assert.deepEqual(errors, c.errors);
      if (c.estimate === null) {
        assert.equal(inputs, null);
      } else {
        assert.deepEqual(inputs, c.estimate.inputs);
        const result = estimate(params, inputs);
        assert.deepEqual(result, c.estimate);
        assert.deepEqual(describeResult(params, result), c.texts);
      }
    });
  }
});

describe("arithmetic", () => {
  test("halfUp rounds halves up and stays exact near 2^53", () => {
    assert.equal(halfUp(5, 2), 3);
    assert.equal(halfUp(7, 2), 4);
    assert.equal(halfUp(10000, 32), 313); // 312.5 cents
    assert.equal(halfUp(10001, 32), 313);
    assert.equal(halfUp(9999, 32), 312);
    assert.equal(halfUp(0, 7), 0);
    assert.equal(halfUp(2 ** 51 + 1, 2), 2 ** 50 + 1);
  });

  test("wholeNumber never returns -0", () => {
    for (const raw of [-0, "-0", "-0.0", "-0e9"]) assert.ok(Object.is(wholeNumber(raw), 0));
  });
});

describe("reads every number from params", () => {
  const source = readFileSync(new URL("../../site/static/js/cost-model.js", import.meta.url), "utf8");
  // The number literals of the module; the definitions CENTS = 100 and BASIS_POINTS = 10000
  // are allowed once each, whatever the parameters hold.
  const literals = [...source.matchAll(/(?<![\w.$])\d[\d_]*(?![\w.])/g)].map((m) =>
    Number(m[0].replaceAll("_", "")),
  );
  for (const definition of [100, 10000]) {
    test(`${definition} is defined once`, () => {
      assert.equal(literals.filter((n) => n === definition).length, 1);
    });
  }
  // The fixture and its variant only: the content's numbers are the editors' to choose, and may
  // equal a literal that is no parameter (the 53 of 2^53); the variant's cases catch a retyped one.
  for (const name of ["fixture", "variant"].filter((n) => n in vectors.params)) {
    const params = vectors.params[name];
    test(`no ${name} parameter value is written in the module`, () => {
      const numbers = new Set(
        [
          ...params.tiers.flatMap((t) => [t.low, t.high]),
          ...Object.values(params.inputs).flatMap((b) => [b.min, b.max]),
          params.supervisor_pay.low,
          params.supervisor_pay.high,
          ...params.comparisons.map((c) => c.cents).filter((a) => a !== null),
          params.som.amount,
          params.som.cents,
          params.som.round_to,
          ...params.languages.map((x) => x.russian_share),
        ].filter((n) => n > 16 && n !== 100 && n !== 10000),
      );
      assert.deepEqual(literals.filter((n) => numbers.has(n)), []);
    });
  }
});
