"""Typed records declared once and read from YAML, shared by the site and the calculator.

A record type is a frozen dataclass whose fields are declared with `spec()`; `schema.Reader`
converts YAML nodes into it, collecting every problem with its file, line and column, and
`schema.json_schema` exports it for editors' IDEs. `facts` holds the declarations both the
site and the calculator use (citations, key figures, their wording); `prose` the Markdown
subset and its checks. Nothing here imports web code: the calculator may use it freely.
"""
