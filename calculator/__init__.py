"""The Fake Farms cost calculator: what a fake-account department costs.

Standard library only. The parameters (tiers, limits, languages, presets,
comparisons) live in content/calculator.yaml, typed by `calculator.params`;
`calculator.model` validates inputs and estimates costs in integer cents;
site/static/js/cost-model.js mirrors the model for the web page, reading the
parameters that `params_to_json` serialises.
"""

from .model import Estimate, InputError, Inputs, estimate, preset_raw, validate
from .params import CalculatorFile, params_to_json

__all__ = [
    "CalculatorFile",
    "Estimate",
    "InputError",
    "Inputs",
    "estimate",
    "params_to_json",
    "preset_raw",
    "validate",
]
