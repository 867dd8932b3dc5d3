#!/usr/bin/env python3
"""DuckDB's side of `skillgym report` timed as a whole process: open a DuckDB database file that
holds the campaign's export (bench/analysis makes it), run the benchmark's queries and print the
figures as JSON. bench/analysis times it with hyperfine beside `skillgym report N --format json`.

    duckdb_report.py DATABASE
"""

import json
import sys
from pathlib import Path

import duckdb

sys.path.insert(0, str(Path(__file__).resolve().parent))
from analysis import DUCK_QUERIES, figures_from  # noqa: E402


def main() -> int:
    con = duckdb.connect(sys.argv[1], read_only=True)
    figures = figures_from({k: con.execute(q).fetchall() for k, q in DUCK_QUERIES.items()})
    json.dump({name: {str(k): v for k, v in part.items()} for name, part in figures.items()},
              sys.stdout)
    return 0


if __name__ == "__main__":
    sys.exit(main())
