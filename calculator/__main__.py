"""`python -m calculator --help` lists the tiers, languages and presets of calculator.yaml."""

import sys

from .cli import main

sys.exit(main())
