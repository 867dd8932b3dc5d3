"""The plans benchmark (bench/plans): learning plans proposed for everyone a national audit
measured (`skillgym plans propose --campaign N` over 50,000 people), and bookings under
contention (200 people asking at once for 20 places, `cargo bench -p skillgym-store --bench
bookings`), on SQLite and PostgreSQL. Writes the section of docs/performance.md between
<!-- plans:begin --> and <!-- plans:end -->."""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import sqlite3
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench import BenchError, Work, base_env, demo_cmd, log, machine, run, verdict, write_section  # noqa: E402

PROPOSE_GOAL_S = 10.0
BEGIN, END = "<!-- plans:begin -->", "<!-- plans:end -->"
CLEAR = ["DELETE FROM plan_notes", "DELETE FROM plan_steps", "DELETE FROM plan_goals",
         "DELETE FROM plans"]
LATEST_NAMED = "SELECT id FROM campaigns WHERE anonymous = 0 ORDER BY opens_on DESC, id DESC LIMIT 1"
COUNTS = ("SELECT (SELECT COUNT(*) FROM plans), (SELECT COUNT(*) FROM plan_goals),"
          " (SELECT COUNT(*) FROM plan_steps)")


def sql(backend: str, target: str, statements: list[str]) -> list[tuple]:
    """Runs statements on the SQLite file or PostgreSQL database; returns the last's rows."""
    if backend == "sqlite":
        con = sqlite3.connect(target)
        try:
            rows = []
            for s in statements:
                rows = con.execute(s).fetchall()
            con.commit()
            return rows
        finally:
            con.close()
    rows = []
    for s in statements:
        _, done = run(["psql", "-X", "-qtA", "-F", "|", target, "-c", s], what="psql")
        rows = [tuple(line.split("|")) for line in done.stdout.strip().splitlines() if line]
    return rows


def seed(args, work: Work, env: dict, r: dict) -> dict:
    """Seeds the national demo on both databases (or uses the one kept in --data)."""
    demo_args = ["--people", str(args.people), "--national", "--response-rate", "100",
                 "--no-serve"]
    _, done = run([args.bin, "--version"], env=env)
    wanted = {"people": args.people, "version": done.stdout.strip()}
    if args.data:
        root, db = Path(args.data).resolve(), "sg_plans_kept"
    else:
        root, db = work.root, f"sg_plans_{os.getpid()}"
        with open(work.root / "pg-databases", "a") as f:
            f.write(db + "\n")
    sqlite_dir, pg_dir, marker = root / "sqlite", root / "pg", root / "seeded.json"
    pg_url = f"{args.pg_base}/{db}"
    targets = {
        "sqlite": {"dir": sqlite_dir, "env": env, "db": str(sqlite_dir / "demo.db")},
        "postgres": {"dir": pg_dir, "env": dict(env, DATABASE_URL=pg_url), "db": pg_url},
    }
    if args.data and marker.exists() and (sqlite_dir / "demo.db").exists():
        kept = json.loads(marker.read_text())
        _, found = run(["psql", "-X", "-qtA", args.pg_admin, "-c",
                        f"SELECT 1 FROM pg_database WHERE datname = '{db}'"], what="psql")
        if {k: kept.get(k) for k in wanted} == wanted and found.stdout.strip() == "1":
            log(f"using the demo seeded earlier in {root} (delete it to seed again)")
            r["seed"] = kept["seed"]
            return targets
    for d in (sqlite_dir, pg_dir):
        shutil.rmtree(d, ignore_errors=True)
    marker.unlink(missing_ok=True)
    run(["psql", "-X", "-q", args.pg_admin, "-c", f"DROP DATABASE IF EXISTS {db} WITH (FORCE)"],
        what="dropdb")
    run(["psql", "-X", "-q", args.pg_admin, "-c", f"CREATE DATABASE {db}"], what="createdb")
    for backend, t in targets.items():
        log(f"seeding {args.people:,} people on {backend}")
        took, _ = run(demo_cmd(args, t["dir"], None, *demo_args), env=t["env"],
                      what=f"seeding on {backend}", log_to=work.logs / f"seed-{backend}.log")
        r["seed"][backend] = took
        log(f"{took:.0f} s")
    if args.data:
        marker.write_text(json.dumps(dict(wanted, seed=r["seed"]), indent=2) + "\n")
    return targets


def propose(args, work: Work, backend: str, t: dict) -> dict:
    """`plans propose` on the latest campaign with names, from no plans, `args.runs` times."""
    campaign = int(sql(backend, t["db"], [LATEST_NAMED])[0][0])
    walls, reported, counts = [], [], None
    for i in range(args.runs):
        sql(backend, t["db"], CLEAR)
        cmd = [args.bin, "--data-dir", str(t["dir"]), "plans", "propose", "--campaign",
               str(campaign)]
        env = dict(t["env"])
        if backend == "sqlite":
            env["DATABASE_URL"] = f"sqlite://{t['db']}"
        took, done = run(cmd, env=env, what=f"plans propose on {backend}",
                         log_to=work.logs / f"propose-{backend}-{i}.log")
        m = re.search(r"Proposed ([\d,]+) plans? in ([\d.]+) seconds", done.stdout)
        if not m:
            raise BenchError(f"plans propose said:\n{done.stdout}{done.stderr}")
        made, seconds = int(m.group(1).replace(",", "")), float(m.group(2))
        walls.append(took)
        reported.append(seconds)
        counts = [int(x) for x in sql(backend, t["db"], [COUNTS])[0]]
        if counts[0] != made:
            raise BenchError(f"{backend}: {made} plans said, {counts[0]} stored")
    # Again, with everyone planned: nothing more is made.
    took, done = run(cmd, env=env, what="plans propose again")
    if not re.search(r"Proposed 0 plans", done.stdout):
        raise BenchError(f"{backend}: proposing again made plans:\n{done.stdout}")
    log(f"{backend}: {counts[0]:,} plans, {statistics.median(reported):.2f} s (command "
        f"{statistics.median(walls):.2f} s)")
    return {"campaign": campaign, "wall_s": walls, "reported_s": reported, "plans": counts[0],
            "goals": counts[1], "steps": counts[2], "again_s": took}


def bookings(args, work: Work, env: dict) -> dict:
    log("bookings under contention: cargo bench -p skillgym-store --bench bookings")
    benv = dict(env, SKILLGYM_TEST_POSTGRES_URL=args.pg_admin,
                CARGO_TARGET_DIR=args.target)
    _, done = run(["cargo", "bench", "--locked", "-p", "skillgym-store", "--bench", "bookings"],
                  env=benv, what="cargo bench", log_to=work.logs / "bookings.log")
    out = {}
    for line in done.stdout.splitlines():
        if line.startswith("{"):
            row = json.loads(line)
            out[row["backend"]] = row
    if set(out) != {"sqlite", "postgres"}:
        raise BenchError(f"the bookings bench printed:\n{done.stdout}")
    return out


def section(r: dict) -> str:
    med = statistics.median
    s, p = r["propose"]["sqlite"], r["propose"]["postgres"]
    ok = med(s["wall_s"]) <= PROPOSE_GOAL_S and med(p["wall_s"]) <= PROPOSE_GOAL_S
    bs, bp = r["bookings"]["sqlite"], r["bookings"]["postgres"]
    lines = [
        BEGIN,
        "## Learning plans and bookings",
        "",
        f"Plans proposed for everyone the national demo's latest audit measured: `skillgym demo"
        f" --people {r['people']} --national --response-rate 100`, then `skillgym plans propose"
        f" --campaign N` from no plans, {r['runs']} runs (median). The command's whole run is"
        " timed (start, reading the campaign's answers, the catalogue and sessions, the engine for"
        " each person, and writing every plan in one transaction), and the time it reports itself.",
        "",
        f"Bookings under contention: {bs['asking']} people ask at the same moment for a session"
        f" with {bs['places']} places, {bs['rounds']} rounds on each database; every round checks"
        f" that exactly {bs['places']} got a place and the rest wait (`cargo bench -p"
        " skillgym-store --bench bookings`, through the store as the pages call it).",
        "",
        f"Run on {r['date']} (commit `{r['commit']}`), {r['machine']}: `bench/plans`.",
        "",
        "| Figure | Goal | SQLite | PostgreSQL |",
        "|---|---|---|---|",
        f"| Plans proposed | – | {s['plans']:,} ({s['goals']:,} goals, {s['steps']:,} steps) |"
        f" {p['plans']:,} ({p['goals']:,} goals, {p['steps']:,} steps) |",
        f"| `plans propose`, whole command | < {PROPOSE_GOAL_S:.0f} s | {med(s['wall_s']):.2f} s |"
        f" {med(p['wall_s']):.2f} s |",
        f"| … as the command reports it | – | {med(s['reported_s']):.2f} s |"
        f" {med(p['reported_s']):.2f} s |",
        f"| Proposing again, everyone planned | – | {s['again_s']:.2f} s | {p['again_s']:.2f} s |",
        f"| {bs['asking']} asking for {bs['places']} places: until all are answered (median round)"
        f" | – | {bs['round_ms_median']:.0f} ms | {bp['round_ms_median']:.0f} ms |",
        f"| … one booking, median / 99th percentile | – | {bs['booking_ms_p50']:.0f} /"
        f" {bs['booking_ms_p99']:.0f} ms | {bp['booking_ms_p50']:.0f} /"
        f" {bp['booking_ms_p99']:.0f} ms |",
        f"| Places taken each round | exactly {bs['places']} | {bs['booked_each_round']} |"
        f" {bp['booked_each_round']} |",
        f"| Seeding the demo (once) | – | {r['seed'].get('sqlite', 0):.0f} s |"
        f" {r['seed'].get('postgres', 0):.0f} s |",
        "",
        f"Plans: {verdict(ok)}.",
        "",
        END,
    ]
    return "\n".join(lines)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", required=True)
    ap.add_argument("--work", required=True)
    ap.add_argument("--pg-admin", required=True)
    ap.add_argument("--pg-base", required=True)
    ap.add_argument("--people", type=int, default=50000)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--out", default="docs/performance.md")
    ap.add_argument("--commit", default="unknown")
    ap.add_argument("--data", default=None)
    ap.add_argument("--target", default="target/bench")
    args = ap.parse_args()
    work = Work(args.work)
    env = base_env()
    env["SKILLGYM_LOG"] = "warn"
    m = machine()
    r = {"people": args.people, "runs": args.runs, "commit": args.commit,
         "date": time.strftime("%Y-%m-%d"),
         "machine": f"{m['nproc']} cores ({m['cpu']}), {m['memory']} of memory",
         "seed": {}, "propose": {}}
    r["bookings"] = bookings(args, work, env)
    targets = seed(args, work, env, r)
    for backend, t in targets.items():
        r["propose"][backend] = propose(args, work, backend, t)
    work.save("plans", r)
    write_section(Path(args.out), section(r), BEGIN, END)
    log(f"wrote the plans section of {args.out}")
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except BenchError as e:
        print(f"bench/plans: {e}", file=sys.stderr)
        sys.exit(1)
