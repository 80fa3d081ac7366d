"""Marks a string for the catalogs where it is declared; it is translated where it is shown.

Labels declared at import time (menu items, headings of kinds, column notes) cannot be
translated there, before any page has a language: `N_("People")` leaves the text as it is, and
`pybabel extract -k N_` puts it in the catalogs. The code or template that shows the label
translates it then (`gettext(label)`, `{{ _(label) }}`). Imports nothing, so the content model
may use it without loading the web code.
"""


def N_(text: str) -> str:  # noqa: N802 (the name gettext tools know)
    return text
