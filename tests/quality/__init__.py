"""Whole-site quality gates on the built files: valid HTML, links, security."""
