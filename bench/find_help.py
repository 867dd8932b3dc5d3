"""Writes the "Find help" benchmark's section of docs/performance.md (see bench/find_help)
from the JSON lines `cargo bench -p skillgym-web --bench find_help` printed."""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench import machine, verdict, write_section  # noqa: E402

GOAL_MS = 20.0
BEGIN, END = "<!-- find-help:begin -->", "<!-- find-help:end -->"


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
        print("bench/find_help: the benchmark did not report both databases", file=sys.stderr)
        return 1
    m = machine()
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True,
                            text=True).stdout.strip()
    s, p = runs["sqlite"], runs["postgres"]
    ok = all(r["ms_p99"] <= GOAL_MS for r in runs.values())
    rows = [
        ("Staff (not left) / approved champions", "50,000 / 5,000",
         f"{s['staff']:,} / {s['champions']:,}", f"{p['staff']:,} / {p['champions']:,}"),
        ("Champions shown on a page (mean; at most 20)", "–", f"{s['shown_mean']:.1f}",
         f"{p['shown_mean']:.1f}"),
        ("`/help` for a skill or a service near a site, warm: median", "–",
         f"{s['ms_p50']:.1f} ms", f"{p['ms_p50']:.1f} ms"),
        ("… 99th percentile", f"≤ {GOAL_MS:.0f} ms", f"{s['ms_p99']:.1f} ms",
         f"{p['ms_p99']:.1f} ms"),
        ("… slowest", "–", f"{s['ms_max']:.1f} ms", f"{p['ms_max']:.1f} ms"),
        ("The first page after a change to the champions (their directory read again): "
         "median", "–", f"{s['reread_ms_p50']:.0f} ms", f"{p['reread_ms_p50']:.0f} ms"),
        ("… slowest of ten", "–", f"{s['reread_ms_max']:.0f} ms",
         f"{p['reread_ms_max']:.0f} ms"),
        ("Seeding the demo and the champions", "–", f"{s['seeded_s']:.0f} s",
         f"{p['seeded_s']:.0f} s"),
    ]
    text = "\n".join([
        BEGIN,
        "## Find help",
        "",
        "The demo's 50,000 people with every tenth made an approved champion holding the role "
        "(5,000), helping where they work, half of them agreeing that their own audit answers be "
        "used, each listing three of the framework's sixty skills and some of the services. A "
        "learner signed in asks for `/help` over HTTP, in turn for a skill or a service and near "
        "one of the sites, as the page is used: the champions who listed it or rated it 4 or 5, "
        "ranked by strength and then distance, rendered with the page's lists of skills, services, "
        f"kit and sites. Ten requests warm the server, then {s['queries']} are timed, on each "
        "database. (`cargo bench -p skillgym-web --bench find_help`.)",
        "",
        f"Run on {m['date'][:10]} (commit `{commit}`), {m['nproc']} cores ({m['cpu']}), "
        f"{m['memory']} of memory: `bench/find_help`.",
        "",
        "| Figure | Goal | SQLite | PostgreSQL |",
        "|---|---|---|---|",
        *[f"| {a} | {b} | {c} | {d} |" for a, b, c, d in rows],
        "",
        f"Find help: {verdict(ok)}.",
        "",
        "How: each organisation's champions, with what they listed, the kit they are trained "
        "on and the latest ratings of those who agreed, are read once into memory (a few queries "
        "of the whole organisation) and kept while the organisation's help version stays the "
        "same; the database's triggers move it on any change that could alter what Find help "
        "shows, whichever instance made it (migration 0049, docs/champions.md). A page reads the "
        "version (one row), looks only at the champions who mention what was asked for, and "
        "ranks them. The page's lists of skills and sites take one light query each (the "
        "competences' titles, the sites' names), where they read every framework whole and "
        "counted each site's people. The first page after such a change reads the directory "
        "again: the figure above, paid by one request while the others for that organisation "
        "wait.",
        "",
        "Before (2026-12-06, commit `6083518`): one query per page working out each findable "
        "champion's latest rating of the skill, p50 31.7 ms / p99 37.9 ms on SQLite and "
        "66.9 / 88.1 ms on PostgreSQL.",
        "",
        END,
    ])
    write_section(Path(args.out), text, BEGIN, END)
    print(f"bench/find_help: wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
