"""The command line: check content, build the static site, preview it.

python build.py                 build into public/
python build.py check [--content DIR]
python build.py build [--content DIR] [--out DIR] [--base-url URL]
python build.py serve [--content DIR] [--port N]
python build.py new farm|actor|event|figure|source|chart ID [--content DIR]
python build.py translate LANGUAGE FILE [--content DIR]
python build.py translations [--update [--accept PATTERN]] [--content DIR]
python build.py never-name NAME [NAME ...] [--content DIR]
python build.py source-runs FILE [FILE ...] [--content DIR]
python build.py rules           list every rule check applies
python build.py schema          write content/schema/*.json
"""

import sys

from fakefarms.build.cli import main

if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
