"""Where the project's files are: the site's templates, static files and translations, and the
content a build reads unless it is told another folder."""

from __future__ import annotations

from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[2]
SITE_DIR = PROJECT_ROOT / "site"
DEFAULT_CONTENT = PROJECT_ROOT / "content"
