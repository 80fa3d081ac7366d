"""Content: read YAML, validate it against the declared types, hand on typed objects."""

from records.errors import ContentError, Problem

from .loader import FILES, Content, load_content

__all__ = ["FILES", "Content", "ContentError", "Problem", "load_content"]
