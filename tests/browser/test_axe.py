"""WCAG 2.1 A and AA, as axe-core checks it, on every page in light and dark colour schemes."""

from __future__ import annotations

import pytest

from .passes import SCHEMES

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("scheme", SCHEMES)
def test_no_axe_violations(axe_reports, scheme):
    found = axe_reports[scheme]
    assert not found, f"axe-core ({scheme} colour scheme) finds WCAG 2.1 A/AA violations:\n" + "\n".join(
        found
    )
