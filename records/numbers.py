"""Numbers and money as the site writes them, in one place.

The story's key figures, the calculator's command line, its page, the charts and their
tables all write numbers through these functions; site/static/js/cost-model.js has the
same functions for the calculator in the browser, and the shared test vectors check that
both write every result to the letter.

- Whole numbers are grouped by thousands: 1,250.
- Money is in US dollars; from $10 up it is rounded to whole dollars (half up), below $10
  it keeps its cents when it has any: $1,250, $89, $1.50.
- A range writes the currency once, and one number when both ends read the same: $1,000–1,500.
- A ratio is rounded to what a reader can use: 22 times; 5.4 times; 45% of.
"""

from __future__ import annotations

CENTS = 100
WHOLE_DOLLARS_FROM = 10 * CENTS  # amounts from $10 up are written in whole dollars
BASIS_POINTS = 10_000  # a ratio's unit: 1/10,000


def half_up(numerator: int, denominator: int) -> int:
    """numerator / denominator rounded to the nearest integer, halves up (both ≥ 0)."""
    return (2 * numerator + denominator) // (2 * denominator)


def grouped(value: int) -> str:
    """1250 → '1,250'."""
    return f"{value:,}"


def money(cents: int) -> str:
    """$1,250 for 125,000 cents (whole dollars from $10 up); $1.50 below $10."""
    if cents >= WHOLE_DOLLARS_FROM:
        return f"${half_up(cents, CENTS):,}"
    dollars, rest = divmod(cents, CENTS)
    return f"${dollars}" + (f".{rest:02d}" if rest else "")


def money_span(low: int, high: int) -> str:
    """A range in cents: '$1,000–1,500'; one amount when both ends read the same."""
    first, last = money(low), money(high)
    return first if first == last else f"{first}–{last[1:]}"


def ratio(basis_points: int) -> str:
    """A ratio given in basis points, rounded to what a reader can use:
    '22 times' from 10× up; '5.4 times' from 1.05×; 'about the same as' near 1×;
    '45% of' below; 'less than 1% of' below half a percent."""
    if basis_points >= 10 * BASIS_POINTS:
        return f"{half_up(basis_points, BASIS_POINTS):,} times"
    tenths = half_up(basis_points, BASIS_POINTS // 10)
    if tenths > 10:
        whole, tenth = divmod(tenths, 10)
        return f"{whole}{f'.{tenth}' if tenth else ''} times"
    percent = half_up(basis_points, BASIS_POINTS // 100)
    if tenths == 10:
        return "about the same as"
    return "less than 1% of" if percent < 1 else f"{percent}% of"


def figure_number(value: float, kind: str) -> str:
    """A key figure's number as the story writes it: '800', '$350', '33%', '2 hours'."""
    digits = f"{value:,.0f}" if float(value).is_integer() else f"{value:,}"
    hours = f"{digits} hour" + ("" if value == 1 else "s")
    return {"usd": f"${digits}", "percent": f"{digits}%", "hours": hours,
            "som": f"{digits} som"}.get(kind, digits)


def fill(template: str, **values: str) -> str:
    """A sentence from content with its {name} slots filled (cost-model.js does the same)."""
    for name, value in values.items():
        template = template.replace("{" + name + "}", value)
    return template
