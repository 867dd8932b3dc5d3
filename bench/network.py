"""The network benchmark (bench/network): a network of many members, everyone answering the
national edition, and the coordinator's network figures page timed over HTTP right after a
restart and warm, on SQLite and PostgreSQL. Writes the section of docs/performance.md between
<!-- network:begin --> and <!-- network:end -->."""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench import (BenchError, Proc, Work, base_env, demo_cmd, free_port, http_get,  # noqa: E402
                   kb_to_mb, log, machine, read_status, run, sign_in, verdict, wait_healthy,
                   write_section)

COORDINATOR = "coordinator@network.example"
WARM_GOAL_MS = 200
RESTART_GOAL_MS = 2000
BEGIN, END = "<!-- network:begin -->", "<!-- network:end -->"


def fetch(port: int, cookie: str, path: str) -> tuple[float, bytes]:
    t0 = time.perf_counter()
    status, body = http_get(port, path, timeout=120, headers=f"Cookie: sg_session={cookie}\r\n")
    took = time.perf_counter() - t0
    if status != 200:
        raise BenchError(f"GET {path} answered {status}:\n{body[:500]!r}")
    return took, body


def measure(args, work: Work, backend: str, data_dir: Path, env: dict) -> dict:
    restarts, warm, rss, hwm, path, shown = [], [], 0.0, 0.0, None, None
    for i in range(args.restarts):
        port = free_port()
        proc = Proc(work, f"network-{backend}-{i}", demo_cmd(args, data_dir, port, "--network"),
                    env=env)
        try:
            wait_healthy(proc, port, deadline_s=120)
            cookie = sign_in(port, COORDINATOR)
            if path is None:
                _, page = fetch(port, cookie, "/network")
                m = re.search(rb'href="(/network/campaigns/\d+)"', page)
                if not m:
                    raise BenchError("the network page links to no network campaign")
                path = m.group(1).decode()
            took, body = fetch(port, cookie, path)
            restarts.append(took)
            # Members counted for the first competence: every member has a figure.
            m = re.search(rb'<th scope="row"[^>]*>[^<]*</th>\s*<td class="numeric">(\d+)</td>', body)
            shown = int(m.group(1)) if m else None
            if i == args.restarts - 1:
                warm = [fetch(port, cookie, path)[0] for _ in range(args.runs)]
                status = read_status(proc.p.pid)
                rss, hwm = kb_to_mb(status["VmRSS"]), kb_to_mb(status["VmHWM"])
        finally:
            proc.stop()
    if shown != args.members:
        raise BenchError(f"{backend}: the figures count {shown} members, not {args.members}")
    log(f"{backend}: after a restart {statistics.median(restarts) * 1000:.0f} ms, warm "
        f"{statistics.median(warm) * 1000:.1f} ms, resident {rss:.0f} MB (peak {hwm:.0f} MB)")
    return {"path": path, "restart_s": restarts, "warm_s": warm, "rss_mb": rss,
            "peak_rss_mb": hwm}


def seed(args, work: Work, env: dict, r: dict) -> tuple[Path, Path, dict]:
    demo_args = ["--network", "--members", str(args.members), "--people", str(args.people),
                 "--national", "--response-rate", "100", "--no-serve"]
    _, done = run([args.bin, "--version"], env=env)
    wanted = {"members": args.members, "people": args.people, "version": done.stdout.strip()}
    if args.data:
        root, db = Path(args.data).resolve(), "sg_network_kept"
    else:
        root, db = work.root, f"sg_network_{os.getpid()}"
        with open(work.root / "pg-databases", "a") as f:
            f.write(db + "\n")
    sqlite_dir, pg_dir, marker = root / "sqlite", root / "pg", root / "seeded.json"
    pg_env = dict(env, DATABASE_URL=f"{args.pg_base}/{db}")
    if args.data and marker.exists() and (sqlite_dir / "network-demo.db").exists():
        kept = json.loads(marker.read_text())
        _, found = run(["psql", "-X", "-qtA", args.pg_admin, "-c",
                        f"SELECT 1 FROM pg_database WHERE datname = '{db}'"], what="psql")
        if {k: kept.get(k) for k in wanted} == wanted and found.stdout.strip() == "1":
            log(f"using the network seeded earlier in {root} (delete it to seed again)")
            r["seed"] = kept["seed"]
            return sqlite_dir, pg_dir, pg_env
    for d in (sqlite_dir, pg_dir):
        shutil.rmtree(d, ignore_errors=True)
    marker.unlink(missing_ok=True)
    run(["psql", "-X", "-q", args.pg_admin, "-c", f"DROP DATABASE IF EXISTS {db} WITH (FORCE)"],
        what="dropdb")
    run(["psql", "-X", "-q", args.pg_admin, "-c", f"CREATE DATABASE {db}"], what="createdb")
    for backend, data_dir, benv in (("sqlite", sqlite_dir, env), ("postgres", pg_dir, pg_env)):
        log(f"seeding {args.members} members of {args.people} people on {backend}")
        took, _ = run(demo_cmd(args, data_dir, None, *demo_args), env=benv,
                      what=f"seeding on {backend}", log_to=work.logs / f"seed-{backend}.log")
        r["seed"][backend] = took
        log(f"{took:.0f} s")
    if args.data:
        marker.write_text(json.dumps(dict(wanted, seed=r["seed"]), indent=2) + "\n")
    return sqlite_dir, pg_dir, pg_env


def section(r: dict) -> str:
    ms = lambda xs: statistics.median(xs) * 1000  # noqa: E731
    lines = [
        BEGIN,
        "## A network's figures",
        "",
        f"The coordinator's page of a network campaign's figures (`GET {r['http']['sqlite']['path']}`"
        f" as `{COORDINATOR}`) for a network of {r['members']} members of {r['people']:,} people"
        " each, everyone answering the national edition (60 competences):"
        f" `skillgym demo --network --members {r['members']} --people {r['people']} --national"
        " --response-rate 100`. Each member's figures are its own campaign's, worked out as its"
        " own report does; the page is timed over HTTP, first right after"
        f" the server starts ({r['restarts']} restarts, median) and then warm (median of"
        f" {r['runs']}).",
        "",
        f"Run on {r['date']} (commit `{r['commit']}`), {r['machine']}: `bench/network`.",
        "",
        "| Figure | Goal | SQLite | PostgreSQL |",
        "|---|---|---|---|",
    ]
    s, p = r["http"]["sqlite"], r["http"]["postgres"]
    warm_ok = ms(s["warm_s"]) <= WARM_GOAL_MS and ms(p["warm_s"]) <= WARM_GOAL_MS
    restart_ok = ms(s["restart_s"]) <= RESTART_GOAL_MS and ms(p["restart_s"]) <= RESTART_GOAL_MS
    lines += [
        f"| Network figures, warm | ≤ {WARM_GOAL_MS} ms | {ms(s['warm_s']):.1f} ms |"
        f" {ms(p['warm_s']):.1f} ms |",
        f"| Network figures, first after a restart | ≤ {RESTART_GOAL_MS:,} ms |"
        f" {ms(s['restart_s']):,.0f} ms | {ms(p['restart_s']):,.0f} ms |",
        f"| Server resident memory afterwards (peak) | – | {s['rss_mb']:.0f} MB"
        f" ({s['peak_rss_mb']:.0f}) | {p['rss_mb']:.0f} MB ({p['peak_rss_mb']:.0f}) |",
        f"| Seeding the network (once) | – | {r['seed'].get('sqlite', 0):.0f} s |"
        f" {r['seed'].get('postgres', 0):.0f} s |",
        "",
        f"Warm: {verdict(warm_ok)}. After a restart: {verdict(restart_ok)}.",
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
    ap.add_argument("--members", type=int, default=22)
    ap.add_argument("--people", type=int, default=2500)
    ap.add_argument("--runs", type=int, default=10)
    ap.add_argument("--restarts", type=int, default=3)
    ap.add_argument("--out", default="docs/performance.md")
    ap.add_argument("--commit", default="unknown")
    ap.add_argument("--data", default=None)
    args = ap.parse_args()
    work = Work(args.work)
    env = base_env()
    env["SKILLGYM_LOG"] = "warn"
    m = machine()
    r = {"members": args.members, "people": args.people, "runs": args.runs,
         "restarts": args.restarts, "commit": args.commit, "date": time.strftime("%Y-%m-%d"),
         "machine": f"{m['nproc']} cores ({m['cpu']}), {m['memory']} of memory",
         "seed": {}, "http": {}}
    sqlite_dir, pg_dir, pg_env = seed(args, work, env, r)
    for backend, data_dir, benv in (("sqlite", sqlite_dir, env), ("postgres", pg_dir, pg_env)):
        log(f"the network figures over HTTP on {backend}")
        r["http"][backend] = measure(args, work, backend, data_dir, benv)
    work.save("network", r)
    write_section(Path(args.out), section(r), BEGIN, END)
    log(f"wrote the network section of {args.out}")
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except BenchError as e:
        print(f"bench/network: {e}", file=sys.stderr)
        sys.exit(1)
