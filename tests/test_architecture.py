"""Data flows one way: records ← calculator ← fakefarms.content ← fakefarms.outputs ←
fakefarms.web ← fakefarms.build, and nothing imports back; the benchmarks use the product,
never the tests."""

from __future__ import annotations

import ast
import re
import subprocess
import sys

import pytest

from tests.conftest import ROOT

#: The project's layers, each with the layers it may import (besides itself).
LAYERS = [
    "records",
    "calculator",
    "fakefarms.content",
    "fakefarms.outputs",
    "fakefarms.web",
    "fakefarms.build",
]
MAY_IMPORT = {layer: set(LAYERS[:number]) for number, layer in enumerate(LAYERS)}
MAY_IMPORT["bench"] = set(LAYERS)  # the product, never the tests
#: The shipped packages' folders.
PACKAGES = ("records", "calculator", "fakefarms")
WEB = (
    "flask",
    "flask_frozen",
    "werkzeug",
    "jinja2",
    "markupsafe",
    "plotly",
    "markdown_it",
    "fakefarms.web",
    "fakefarms.build",
    "fakefarms.outputs",
)


def layer_of(module: str) -> str | None:
    """The layer a dotted module name belongs to ('fakefarms.web.views' -> 'fakefarms.web'),
    or 'tests' for the tests, None for what is not the project's."""
    for layer in sorted(MAY_IMPORT, key=len, reverse=True):
        if module == layer or module.startswith(layer + "."):
            return layer
    return "tests" if module.split(".")[0] == "tests" else None


def imported_packages(package: str) -> dict[str, set[str]]:
    """For each module of the layer `package` (a folder), the project's layers it imports."""
    found = {}
    for path in sorted((ROOT / package.replace(".", "/")).rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        names = {
            alias.name for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names
        }
        names |= {
            node.module
            for node in ast.walk(tree)
            if isinstance(node, ast.ImportFrom) and node.module and node.level == 0
        }
        found[str(path.relative_to(ROOT))] = {layer_of(n) for n in names} - {None}
    return found


@pytest.mark.parametrize("package", sorted(MAY_IMPORT))
def test_packages_import_only_downstream(package):
    for module, packages in imported_packages(package).items():
        assert packages - {package} <= MAY_IMPORT[package], module


def test_the_package_has_no_module_outside_a_layer():
    assert sorted(p.name for p in (ROOT / "fakefarms").glob("*.py")) == ["__init__.py"]


def test_the_check_can_fail(tmp_path, monkeypatch):
    (tmp_path / "records").mkdir()
    (tmp_path / "records" / "bad.py").write_text("from fakefarms.content import load_content\n")
    monkeypatch.setattr(sys.modules[__name__], "ROOT", tmp_path)
    assert imported_packages("records") == {"records/bad.py": {"fakefarms.content"}}
    (tmp_path / "fakefarms" / "outputs").mkdir(parents=True)
    (tmp_path / "fakefarms" / "outputs" / "bad.py").write_text("from fakefarms.web import views\n")
    assert imported_packages("fakefarms.outputs") == {"fakefarms/outputs/bad.py": {"fakefarms.web"}}


def declared_constants(packages: list[str]) -> dict[str, list[str]]:
    """Each module-level constant (a name in capitals) of the packages, with the modules that
    assign it."""
    found: dict[str, list[str]] = {}
    for package in packages:
        for path in sorted((ROOT / package).rglob("*.py")):
            for node in ast.parse(path.read_text(encoding="utf-8")).body:
                targets = node.targets if isinstance(node, ast.Assign) else []
                targets += [node.target] if isinstance(node, ast.AnnAssign) else []
                for target in targets:
                    module = str(path.relative_to(ROOT))
                    if isinstance(target, ast.Name) and target.id.lstrip("_").isupper():
                        if module not in found.setdefault(target.id, []):
                            found[target.id].append(module)
    return found


def test_each_constant_is_declared_in_one_module():
    """A definition (cents in a dollar, the project's folders) is written once and imported
    where it is used; two things with one name get names that tell them apart."""
    twice = {
        name: modules for name, modules in declared_constants(list(PACKAGES)).items() if len(modules) > 1
    }
    assert twice == {}


def test_the_constants_check_can_fail(tmp_path, monkeypatch):
    for package, text in [
        ("records", "CENTS = 100\n"),
        ("calculator", "CENTS: int = 100\nMONTHS = 12\nMONTHS += 0\n"),
    ]:
        (tmp_path / package).mkdir()
        (tmp_path / package / "numbers.py").write_text(text)
    monkeypatch.setattr(sys.modules[__name__], "ROOT", tmp_path)
    found = declared_constants(["records", "calculator"])
    assert found == {
        "CENTS": ["records/numbers.py", "calculator/numbers.py"],
        "MONTHS": ["calculator/numbers.py"],
    }


def test_the_calculator_command_loads_no_web_code():
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "calculator", "--preset", "one-admin"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr[-500:]
    modules = {
        line.split("|")[-1].strip() for line in result.stderr.splitlines() if line.startswith("import time:")
    }
    web = sorted(m for m in modules if any(m == w or m.startswith(w + ".") for w in WEB))
    assert modules and not web, web


def test_importing_the_site_package_starts_no_flask():
    result = subprocess.run(
        [sys.executable, "-c", "import fakefarms.content, sys; print('flask' in sys.modules)"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.stdout.strip() == "False", result.stderr[-500:]


def test_each_calculator_input_is_declared_once():
    """calculator/inputs.py declares the inputs; the model, the YAML's words and limits, the
    presets, the command line and the page's JSON all follow that one table."""
    import dataclasses

    from calculator.cli import parser
    from calculator.inputs import INPUTS, NAMES, PRESET_NAMES
    from calculator.load import load_params
    from calculator.model import Inputs
    from calculator.params import InputFields, Preset, params_to_json
    from tests.conftest import SHIPPED_CONTENT

    params = load_params(SHIPPED_CONTENT / "calculator.yaml")
    assert tuple(f.name for f in dataclasses.fields(Inputs)) == NAMES
    assert tuple(f.name for f in dataclasses.fields(InputFields)) == NAMES
    assert set(PRESET_NAMES) <= {f.name for f in dataclasses.fields(Preset)}
    options = {o for action in parser(params)._actions for o in action.option_strings}
    assert {i.flag for i in INPUTS} <= options
    assert [i["name"] for i in params_to_json(params)["declared_inputs"]] == list(NAMES)
    assert len({i.query for i in INPUTS}) == len(INPUTS)


def test_numbers_are_formatted_in_one_module():
    """Templates, the site's Python and the calculator write money and grouped numbers
    through records.numbers, not with format strings of their own."""
    root = ROOT
    sources = [
        *root.glob("site/templates/*.html"),
        *root.glob("fakefarms/**/*.py"),
        *root.glob("calculator/*.py"),
    ]
    offenders = [
        f"{path.relative_to(root)}: {line.strip()}"
        for path in sources
        for line in path.read_text(encoding="utf-8").splitlines()
        if re.search(r"\{:,|:,\.\d?f|:,\}|\$\{\{", line) and "%{" not in line
    ]
    # (Plotly's hover templates, "%{x:,.0f}", are the browser's d3 formats, not Python's)
    assert offenders == []
