"""Writes the training matrix benchmark's section of docs/performance.md (see bench/training)
from the JSON lines `cargo bench -p skillgym-store --bench training` printed."""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench import machine, verdict, write_section  # noqa: E402

GOAL_MS = 300.0
BEGIN, END = "<!-- training:begin -->", "<!-- training:end -->"


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--results", required=True)
    parser.add_argument("--out", required=True)
    args = parser.parse_args()
    runs = {}
    for line in Path(args.results).read_text().splitlines():
        if line.startswith("{"):
            r = json.loads(line)
            runs[r["backend"]] = r
    if set(runs) != {"sqlite", "postgres"}:
        print("bench/training: the benchmark did not report both databases", file=sys.stderr)
        return 1
    m = machine()
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True,
                            text=True).stdout.strip()
    s, p = runs["sqlite"], runs["postgres"]
    ok = all(r["page_ms_p99"] <= GOAL_MS for r in runs.values())
    rows = [
        ("People × required modules", "50,000 × 12", f"{s['people']:,} × {s['modules']}",
         f"{p['people']:,} × {p['modules']}"),
        ("Cells (people a module applies to)", "–", f"{s['cells']:,}", f"{p['cells']:,}"),
        ("The matrix's first page with its counts, warm: median", "–",
         f"{s['page_ms_p50']:.0f} ms", f"{p['page_ms_p50']:.0f} ms"),
        ("… 99th percentile", f"≤ {GOAL_MS:.0f} ms", f"{s['page_ms_p99']:.0f} ms",
         f"{p['page_ms_p99']:.0f} ms"),
        ("Nine modules added to the demo's three (each giving everyone their cell)", "–",
         f"{s['modules_added_s']:.1f} s", f"{p['modules_added_s']:.1f} s"),
        ("Seeding the demo", "–", f"{s['seeded_s']:.0f} s", f"{p['seeded_s']:.0f} s"),
    ]
    text = "\n".join([
        BEGIN,
        "## The training matrix",
        "",
        "The matrix for the demo's 50,000 people and twelve required modules (the demo's three "
        "and nine more, some for job families or staff only; completions for most people): the "
        "first page of 50 people with, per module, how many of everyone are done, due soon, "
        "overdue or not started, read through the store as the page reads it, once to warm and "
        f"then {s['reads']} times. A last read checks that a module for everyone counts each "
        "person once. (`cargo bench -p skillgym-store --bench training`.)",
        "",
        f"Run on {m['date'][:10]} (commit `{commit}`), {m['nproc']} cores ({m['cpu']}), "
        f"{m['memory']} of memory: `bench/training`.",
        "",
        "| Figure | Goal | SQLite | PostgreSQL |",
        "|---|---|---|---|",
        *[f"| {a} | {b} | {c} | {d} |" for a, b, c, d in rows],
        "",
        f"Training matrix: {verdict(ok)}.",
        "",
        END,
    ])
    write_section(Path(args.out), text, BEGIN, END)
    print(f"bench/training: wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
