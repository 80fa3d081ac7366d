"""cost-model.js gives the Python model's results, case for case, on vectors made now.

The vectors are generated from the model on every run, for the fixture parameters, a
variant of them, and the shipped content/calculator.yaml, then tests/js/ runs on them with
node. Nothing is committed, so an editor changing content/ never regenerates anything.
"""

from __future__ import annotations

import os
import shutil
import subprocess

from tests.calculator.vectors import build, render
from tests.conftest import ROOT


def test_cost_model_js_matches_the_python_model(tmp_path, calculator_params, shipped_calculator_params):
    node = shutil.which("node")
    assert node, "node is not installed: the JavaScript parity tests need Node.js 20 or later"
    data = build(calculator_params, shipped_calculator_params)
    cases = len(data["cases"])
    assert cases >= 1000, f"only {cases} cases"
    vectors = tmp_path / "vectors.json"
    vectors.write_text(render(data), encoding="utf-8")

    result = subprocess.run(
        [node, "--test", "--test-reporter=dot", "tests/js/"],
        cwd=ROOT,
        env={**os.environ, "COST_MODEL_VECTORS": str(vectors)},
        capture_output=True,
        text=True,
        timeout=300,
    )
    dots = "".join(line for line in result.stdout.splitlines() if set(line) <= {".", "X"})
    passed = dots.count(".")
    report = (
        f"{cases} vector cases; node passed {passed} tests, failed {dots.count('X')}\n"
        f"{result.stdout[:8000]}\n{result.stderr[-2000:]}"
    )
    assert result.returncode == 0, report
    assert passed > cases, report  # every case, plus the file's own tests
    print(f"cost-model.js matches the Python model on {cases} cases ({passed} node tests)")
