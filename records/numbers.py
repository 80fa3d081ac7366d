"""Numbers and money as the site writes them, in one place.

The story's key figures, the calculator's command line, its page, the charts and their
tables all write numbers through these functions; site/static/js/cost-model.js has the
same functions for the calculator in the browser, and the shared test vectors check that
both write every result to the letter.

Each function takes the language to write in; numbers follow its conventions (Babel's
locale data in Python, `Intl` in the browser), so Russian reads '1 250', '1 000–1 500 $'.

- Whole numbers are grouped by thousands: 1,250.
- Money is in US dollars; from $10 up it is rounded to whole dollars (half up), below $10
  it keeps its cents when it has any: $1,250, $89, $1.50.
- A range writes the currency once, and one number when both ends read the same: $1,000–1,500;
  a range of whole numbers reads 84,500–126,800.
- A ratio is rounded to what a reader can use: 22 times; 5.4 times; 45% of.
"""

from __future__ import annotations

import functools

from babel import Locale
from babel.numbers import format_currency, format_decimal, format_percent

CENTS = 100
WHOLE_DOLLARS_FROM = 10 * CENTS  # amounts from $10 up are written in whole dollars
BASIS_POINTS = 10_000  # a ratio's unit: 1/10,000


def half_up(numerator: int, denominator: int) -> int:
    """numerator / denominator rounded to the nearest integer, halves up (both ≥ 0)."""
    return (2 * numerator + denominator) // (2 * denominator)


@functools.cache
def _locale(language: str) -> Locale:
    return Locale.parse(language)


def grouped(value: int, language: str = "en") -> str:
    """1250 → '1,250' in English, '1 250' in Russian (a no-break space)."""
    return format_decimal(value, locale=_locale(language))


def decimal(value: float, language: str = "en") -> str:
    """A number with the decimals it has: '5.4', '5,4'."""
    return format_decimal(value, locale=_locale(language), decimal_quantization=False)


def percent(value: float, language: str = "en") -> str:
    """10 → '10%' in English, '10 %' in Russian."""
    return format_percent(value / 100, locale=_locale(language), decimal_quantization=False)


def _dollars(amount: float | int, language: str, cents: bool) -> str:
    pattern = _locale(language).currency_formats["standard"].pattern
    if not cents:
        pattern = pattern.replace(".00", "")
    return format_currency(amount, "USD", format=pattern, locale=_locale(language), currency_digits=False)


def money(cents: int, language: str = "en") -> str:
    """$1,250 for 125,000 cents (whole dollars from $10 up), $1.50 below $10; in Russian
    '1 250 $' and '1,50 $'."""
    if cents >= WHOLE_DOLLARS_FROM:
        return _dollars(half_up(cents, CENTS), language, cents=False)
    return _dollars(cents / CENTS, language, cents=bool(cents % CENTS))


def one_sign(first: str, last: str) -> str:
    """Two amounts as a range with the currency sign once: '$1,000–1,500', '1 000–1 500 $'."""
    sign = "$"
    if first.startswith(sign) and last.startswith(sign):
        return f"{first}–{last.removeprefix(sign)}"
    tail = first[len(first.rstrip(sign + "\u00a0 ")) :]
    return f"{first.removesuffix(tail)}–{last}" if tail and last.endswith(tail) else f"{first}–{last}"


def money_span(low: int, high: int, language: str = "en") -> str:
    """A range in cents: '$1,000–1,500'; one amount when both ends read the same."""
    first, last = money(low, language), money(high, language)
    return first if first == last else one_sign(first, last)


def span(low: int, high: int, language: str = "en") -> str:
    """Two whole numbers as a range, '84,500–126,800'; one number when they are the same."""
    first, last = grouped(low, language), grouped(high, language)
    return first if first == last else f"{first}–{last}"


def ratio(basis_points: int, language: str = "en") -> tuple[str, float, str]:
    """A ratio given in basis points, rounded to what a reader can use, as (kind, number,
    number written): ('times', 22, '22') from 10× up; ('times', 5.4, '5.4') from 1.05×;
    ('same_as', 1, '') near 1×; ('percent_of', 45, '45%') below; ('under', 1, '1%') below
    half a percent. The words around it come from the calculator's content, in each
    language."""
    if basis_points >= 10 * BASIS_POINTS:
        times = half_up(basis_points, BASIS_POINTS)
        return "times", times, grouped(times, language)
    tenths = half_up(basis_points, BASIS_POINTS // 10)
    if tenths > 10:
        return "times", tenths / 10, decimal(tenths / 10, language)
    share = half_up(basis_points, BASIS_POINTS // 100)
    if tenths == 10:
        return "same_as", 1, ""
    if share < 1:
        return "under", 1, percent(1, language)
    return "percent_of", share, percent(share, language)


def plural(forms, count: float, language: str = "en") -> str:
    """The words of `forms` (one, few, many, other) that go with `count` in `language`, by
    Babel's plural rules; a form the words do not give falls back to `other`."""
    return getattr(forms, _locale(language).plural_form(count), None) or forms.other


def affixes(kind: str, language: str = "en") -> tuple[str, str]:
    """What the language writes before and after a number of money or a percentage: ('$', '')
    and ('', '%') in English, ('', ' $') and ('', ' %') in Russian (for chart axes)."""
    sample = money(100 * CENTS, language) if kind == "usd" else percent(100, language)
    number = grouped(100, language)
    before, _, after = sample.partition(number)
    return before, after


#: From a million up, amounts are written in millions, as the sources write them: $12 million.
MILLION = 1_000_000


def prose_number(value: float, language: str = "en") -> str:
    """A number in running text: grouped from 1,000 in English ('1,250'), from 10 000 in
    Russian, as Kloop writes it («1250 долларов», «205 000»); decimals as it has them."""
    if float(value).is_integer() and value < 10_000:
        return format_decimal(value, locale=_locale(language), group_separator=language == "en")
    return decimal(value, language)


def figure_number(value: float, kind: str, language: str = "en") -> str:
    """A key figure's number as the story writes it: '800', '$350', '33%', '3,530' (in Russian
    «3530», «205 000»); hours and som are written by the caller's words ('2 hours', '100 som')."""
    if kind == "usd":
        return _dollars(value, language, cents=not float(value).is_integer())
    if kind == "percent":
        return percent(value, language)
    return prose_number(value, language)


def fill(template: str, **values: str) -> str:
    """A sentence from content with its {name} slots filled (cost-model.js does the same)."""
    for name, value in values.items():
        template = template.replace("{" + name + "}", value)
    return template
