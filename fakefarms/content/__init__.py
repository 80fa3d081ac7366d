"""Content: read YAML, validate it against the declared types, hand on typed objects."""

from fakefarms.content.loader import FILES, Content, load_content
from records.errors import ContentError, Problem

__all__ = ["FILES", "Content", "ContentError", "Problem", "load_content"]
