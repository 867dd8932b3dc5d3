#!/usr/bin/env python3
"""The analysis benchmark behind bench/analysis: a national-scale campaign's full report
(overview, one group comparison, confidence against knowledge) over HTTP, warm and right after a
restart, on SQLite and PostgreSQL; the same figures from an export of the same data with DuckDB
(the query alone, and loading plus the query) and with pandas; a check that all three agree; and
the section of docs/performance.md between <!-- analysis:begin --> and <!-- analysis:end -->.

    analysis.py --bin B --work W --pg-admin URL --pg-base URL [--people 50000] [--runs 10]
                [--out docs/performance.md]

Needs duckdb and pandas (bench/analysis installs them into a virtual environment).
"""

from __future__ import annotations

import argparse
import csv
import json
import math
import os
import shutil
import sqlite3
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench import (BenchError, Proc, Work, base_env, demo_cmd, free_port, http_get,  # noqa: E402
                   kb_to_mb, log, machine, read_status, run, sign_in, wait_healthy,
                   write_section)

CAMPAIGN = 2  # the demo's open re-audit
BY = "LEADERSHIP"  # leaders, aspiring leaders, neither: Kruskal–Wallis over three groups
PAGES = [f"/campaigns/{CAMPAIGN}/report", f"/campaigns/{CAMPAIGN}/compare?by={BY}",
         f"/campaigns/{CAMPAIGN}/calibration?by={BY}"]
# The other views, timed one by one after the full report: change over time reads the earlier
# campaign's columns too; the print report draws every chart and table of the campaign.
OTHER_PAGES = {"change": f"/campaigns/{CAMPAIGN}/change",
               "print": f"/campaigns/{CAMPAIGN}/report/print",
               "profile": "/people/{person}/profile"}
RESPONSE_RATE = 100  # everyone answers: 50,000 people give 3 million ratings
RSS_GOAL_MB = 120
BEGIN, END = "<!-- analysis:begin -->", "<!-- analysis:end -->"


def median(values):
    return statistics.median(values)


# ---------------------------------------------------------------------------------------------
# skillgym over HTTP

def fetch(port: int, cookie: str, paths: list[str]) -> float:
    """The pages one after another; returns the seconds they took."""
    t0 = time.perf_counter()
    for path in paths:
        status, body = http_get(port, path, timeout=120, headers=f"Cookie: sg_session={cookie}\r\n")
        if status != 200:
            raise BenchError(f"GET {path} answered {status}:\n{body[:500]!r}")
    return time.perf_counter() - t0


def full_report(port: int, cookie: str) -> float:
    return fetch(port, cookie, PAGES)


def measure_http(args, work: Work, backend: str, data_dir: Path, env: dict,
                 person: int) -> dict:
    restarts, warm = [], []
    others = {name: {"first_s": [], "warm_s": []} for name in OTHER_PAGES}
    rss = hwm = 0.0
    for i in range(args.restarts):
        port = free_port()
        proc = Proc(work, f"analysis-{backend}-{i}", demo_cmd(args, data_dir, port), env=env)
        try:
            wait_healthy(proc, port, deadline_s=120)
            cookie = sign_in(port)
            restarts.append(full_report(port, cookie))
            # The first fetch of each other view after the full report: the change page's
            # first one reads the earlier campaign from the database.
            for name, path in OTHER_PAGES.items():
                others[name]["first_s"].append(fetch(port, cookie, [path.format(person=person)]))
            if i == args.restarts - 1:
                warm = [full_report(port, cookie) for _ in range(args.runs)]
                for name, path in OTHER_PAGES.items():
                    others[name]["warm_s"] = [fetch(port, cookie, [path.format(person=person)])
                                              for _ in range(args.runs)]
                status = read_status(proc.p.pid)
                rss, hwm = kb_to_mb(status["VmRSS"]), kb_to_mb(status["VmHWM"])
        finally:
            proc.stop()
    log(f"{backend}: after a restart {median(restarts) * 1000:.0f} ms, warm "
        f"{median(warm) * 1000:.1f} ms, resident {rss:.0f} MB (peak {hwm:.0f} MB); "
        + ", ".join(f"{n} first {median(o['first_s']) * 1000:.0f} ms, warm "
                    f"{median(o['warm_s']) * 1000:.1f} ms" for n, o in others.items()))
    return {"restart_s": restarts, "warm_s": warm, "rss_mb": rss, "peak_rss_mb": hwm,
            "others": others}


# ---------------------------------------------------------------------------------------------
# The export: the campaign's data as CSV files, as a service would hand it to an analyst

EXPORTS = {
    "responses": f"""
        SELECT r.id AS response_id, r.person_id,
               (SELECT CAST(a.value AS INTEGER) FROM profile_answers a
                 JOIN profile_questions q ON q.id = a.question_id
                 WHERE a.response_id = r.id AND q.code = '{BY}') AS grp
        FROM responses r WHERE r.campaign_id = {CAMPAIGN} AND r.submitted_at IS NOT NULL""",
    "ratings": f"""
        SELECT a.response_id, a.competence_id, a.value FROM ratings a
        JOIN responses r ON r.id = a.response_id
        WHERE r.campaign_id = {CAMPAIGN} AND r.submitted_at IS NOT NULL""",
    "quiz": f"""
        SELECT a.response_id, a.item_id, a.correct FROM quiz_answers a
        JOIN responses r ON r.id = a.response_id
        WHERE r.campaign_id = {CAMPAIGN} AND r.submitted_at IS NOT NULL""",
    "competences": f"""
        SELECT c.id AS competence_id, c.code, fa.code AS area FROM campaign_competences cc
        JOIN competences c ON c.id = cc.competence_id JOIN framework_areas fa ON fa.id = c.area_id
        WHERE cc.campaign_id = {CAMPAIGN}""",
    "items": f"""
        SELECT q.id AS item_id, c.id AS competence_id FROM quiz_items q
        JOIN competences c ON c.id = q.competence_id
        WHERE q.campaign_id = {CAMPAIGN}""",
    "people": "SELECT id AS person_id, team_id FROM people",
    "person_sites": "SELECT person_id, site_id FROM person_sites",
}


def export(db: Path, to: Path) -> dict:
    to.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(db)
    counts = {}
    for name, sql in EXPORTS.items():
        cur = conn.execute(sql)
        with open(to / f"{name}.csv", "w", newline="") as f:
            w = csv.writer(f)
            w.writerow([d[0] for d in cur.description])
            n = 0
            for row in cur:
                w.writerow(["" if v is None else v for v in row])
                n += 1
        counts[name] = n
    conn.close()
    return counts


# ---------------------------------------------------------------------------------------------
# The same figures with DuckDB

DUCK_QUERIES = {
    "distribution": """
        SELECT c.code, count(*) FILTER (WHERE value = 1), count(*) FILTER (WHERE value = 2),
               count(*) FILTER (WHERE value = 3), count(*) FILTER (WHERE value = 4),
               count(*) FILTER (WHERE value = 5), count(*) FILTER (WHERE value = 0),
               avg(value) FILTER (WHERE value BETWEEN 1 AND 5)
        FROM ratings JOIN competences c USING (competence_id) GROUP BY c.code""",
    "rates_site": """
        SELECT ps.site_id, count(*), count(r.response_id) FROM person_sites ps
        LEFT JOIN responses r ON r.person_id = ps.person_id GROUP BY ps.site_id""",
    "rates_team": """
        SELECT p.team_id, count(*), count(r.response_id) FROM people p
        LEFT JOIN responses r ON r.person_id = p.person_id WHERE p.team_id IS NOT NULL
        GROUP BY p.team_id""",
    "heat": """
        SELECT ps.site_id, c.area, avg(a.value) FROM ratings a
        JOIN responses r USING (response_id) JOIN person_sites ps ON ps.person_id = r.person_id
        JOIN competences c USING (competence_id) WHERE a.value BETWEEN 1 AND 5
        GROUP BY ps.site_id, c.area""",
    # Per competence and group: n, mean and rank sum (mid-ranks of the tied 1–5 values), and
    # the tie term of each competence; H follows from these few numbers.
    "compare": """
        WITH counts AS (
            SELECT a.competence_id, r.grp, a.value, count(*) AS n FROM ratings a
            JOIN responses r USING (response_id)
            WHERE a.value BETWEEN 1 AND 5 AND r.grp IS NOT NULL GROUP BY ALL),
        totals AS (SELECT competence_id, value, sum(n) AS t FROM counts GROUP BY ALL),
        mids AS (SELECT competence_id, value, t,
                    CAST(sum(t) OVER (PARTITION BY competence_id ORDER BY value) - t AS DOUBLE)
                    + (CAST(t AS DOUBLE) + 1) / 2 AS mid FROM totals)
        SELECT c.code, counts.grp, sum(counts.n), sum(counts.n * counts.value) / sum(counts.n),
               sum(counts.n * mids.mid),
               (SELECT sum(m.t * m.t * m.t - m.t) FROM mids m
                 WHERE m.competence_id = counts.competence_id)
        FROM counts JOIN mids USING (competence_id, value)
        JOIN competences c ON c.competence_id = counts.competence_id GROUP BY c.code, counts.grp,
            counts.competence_id""",
    "calibration": """
        WITH tested AS (SELECT DISTINCT competence_id FROM items),
        conf AS (SELECT response_id, avg((value - 1) / 4.0) AS confidence FROM ratings
                 WHERE value BETWEEN 1 AND 5 AND competence_id IN (SELECT * FROM tested)
                 GROUP BY response_id),
        score AS (SELECT response_id, avg(correct) AS score FROM quiz JOIN items USING (item_id)
                  GROUP BY response_id),
        person AS (SELECT r.grp, confidence, score FROM responses r
                   JOIN conf USING (response_id) JOIN score USING (response_id))
        SELECT grp, count(*), avg(confidence), avg(score), corr(confidence, score)
        FROM person WHERE grp IS NOT NULL GROUP BY grp
        UNION ALL
        SELECT NULL, count(*), avg(confidence), avg(score), corr(confidence, score) FROM person
        """,
}


def kruskal(rows):
    """H from each group's size and rank sum and the tie term (as skillgym computes it)."""
    n = float(sum(int(r[0]) for r in rows))
    ties = float(rows[0][2])
    total = sum(float(r[1]) * float(r[1]) / float(r[0]) for r in rows)
    return (12.0 / (n * (n + 1.0)) * total - 3.0 * (n + 1.0)) / (1.0 - ties / (n ** 3 - n))


def figures_from(results: dict) -> dict:
    """The common shape both DuckDB's and pandas' answers are put into."""
    out = {"distribution": {}, "sites": {}, "teams": {}, "heat": {}, "compare": {}, "h": {},
           "calibration": {}}
    for code, *rest in results["distribution"]:
        out["distribution"][code] = ([int(x) for x in rest[:6]], rest[6])
    for site, asked, finished in results["rates_site"]:
        out["sites"][int(site)] = (int(asked), int(finished))
    for team, asked, finished in results["rates_team"]:
        out["teams"][int(team)] = (int(asked), int(finished))
    for site, area, mean in results["heat"]:
        out["heat"][(int(site), area)] = mean
    by_code: dict = {}
    for code, grp, n, mean, rank_sum, ties in results["compare"]:
        out["compare"][(code, str(int(grp)))] = (int(n), mean)
        by_code.setdefault(code, []).append((n, rank_sum, ties))
    for code, rows in by_code.items():
        out["h"][code] = kruskal(rows)
    for grp, people, conf, score, corr in results["calibration"]:
        key = "everyone" if grp is None or (isinstance(grp, float) and math.isnan(grp)) \
            else str(int(grp))
        out["calibration"][key] = (int(people), conf, score, conf - score, corr)
    return out


def duckdb_run(export_dir: Path, runs: int) -> tuple[dict, dict]:
    import duckdb

    def load(con):
        for name in EXPORTS:
            con.execute(f"CREATE TABLE {name} AS SELECT * FROM read_csv('{export_dir}/{name}.csv',"
                        " header = true)")

    def query(con):
        results = {k: con.execute(q).fetchall() for k, q in DUCK_QUERIES.items()}
        return figures_from(results)

    load_and_query = []
    for _ in range(3):
        t0 = time.perf_counter()
        con = duckdb.connect()
        load(con)
        figures = query(con)
        load_and_query.append(time.perf_counter() - t0)
        con.close()
    con = duckdb.connect()
    load(con)
    query(con)  # once to warm up
    query_alone = []
    for _ in range(runs):
        t0 = time.perf_counter()
        figures = query(con)
        query_alone.append(time.perf_counter() - t0)
    threads = con.execute("SELECT current_setting('threads')").fetchone()[0]
    con.close()
    return figures, {"query_s": query_alone, "load_and_query_s": load_and_query,
                     "version": duckdb.__version__, "threads": threads}


def processes(args, work: Work, env: dict, sqlite_db: Path, pg_url: str,
              export_dir: Path) -> dict:
    """`skillgym report` as a whole process on each backend, and DuckDB as a whole process on
    its own database file holding the same export (bench/duckdb_report.py), timed together by
    hyperfine."""
    import duckdb
    duck_db = work.root / "export.duckdb"
    con = duckdb.connect(str(duck_db))
    for name in EXPORTS:
        con.execute(f"CREATE TABLE {name} AS SELECT * FROM read_csv('{export_dir}/{name}.csv',"
                    " header = true)")
    con.close()
    report = f"{args.bin} report {CAMPAIGN} --format json --by {BY} --database-url"
    commands = {
        "sqlite": f"{report} sqlite://{sqlite_db}",
        "postgres": f"{report} {pg_url}",
        "duckdb": f"{sys.executable} {Path(__file__).resolve().parent / 'duckdb_report.py'} "
                  f"{duck_db}",
    }
    out = work.root / "hyperfine.json"
    cmd = ["hyperfine", "-N", "--warmup", "2", "--runs", str(args.runs),
           "--export-json", str(out)]
    for name, command in commands.items():
        cmd += ["-n", name, command]
    run(cmd, env=env, what="hyperfine", log_to=work.logs / "hyperfine.log")
    _, done = run(["hyperfine", "--version"], what="hyperfine --version")
    results = {r["command"]: r for r in json.loads(out.read_text())["results"]}
    return {"version": done.stdout.strip(), "runs": args.runs,
            **{name: {"median_s": results[name]["median"], "mean_s": results[name]["mean"],
                      "stddev_s": results[name]["stddev"]} for name in commands}}


# ---------------------------------------------------------------------------------------------
# The same figures with pandas

def pandas_run(export_dir: Path, runs: int) -> tuple[dict, dict]:
    import pandas as pd

    def load():
        return {name: pd.read_csv(export_dir / f"{name}.csv") for name in EXPORTS}

    def compute(t):
        ratings, responses, comps = t["ratings"], t["responses"], t["competences"]
        rc = ratings.merge(comps, on="competence_id")
        levels = rc[rc.value.between(1, 5)]
        res = {"distribution": [], "rates_site": [], "rates_team": [], "heat": [],
               "compare": [], "calibration": []}
        counts = rc.groupby(["code", "value"]).size().unstack(fill_value=0)
        means = levels.groupby("code").value.mean()
        for code, row in counts.iterrows():
            res["distribution"].append(
                (code, *[row.get(v, 0) for v in (1, 2, 3, 4, 5, 0)], means.get(code)))
        finished = responses[["response_id", "person_id"]].dropna()
        ps = t["person_sites"].merge(finished, on="person_id", how="left")
        g = ps.groupby("site_id").agg(asked=("person_id", "size"),
                                      finished=("response_id", "count"))
        res["rates_site"] = list(g.itertuples(name=None))
        pe = t["people"].dropna(subset=["team_id"]).merge(finished, on="person_id", how="left")
        g = pe.groupby("team_id").agg(asked=("person_id", "size"),
                                      finished=("response_id", "count"))
        res["rates_team"] = list(g.itertuples(name=None))
        at_site = levels.merge(finished, on="response_id").merge(t["person_sites"],
                                                                  on="person_id")
        res["heat"] = list(at_site.groupby(["site_id", "area"]).value.mean().items())
        res["heat"] = [(s, a, m) for (s, a), m in res["heat"]]
        grouped = levels.merge(responses[["response_id", "grp"]].dropna(), on="response_id")
        c = grouped.groupby(["code", "grp", "value"]).size().rename("n").reset_index()
        tot = c.groupby(["code", "value"]).n.sum().rename("t").reset_index()
        tot["mid"] = tot.groupby("code").t.cumsum() - tot.t + (tot.t + 1) / 2.0
        tot["tie"] = tot.t ** 3 - tot.t
        ties = tot.groupby("code").tie.sum()
        c = c.merge(tot, on=["code", "value"])
        c["nv"], c["nr"] = c.n * c.value, c.n * c.mid
        s = c.groupby(["code", "grp"]).agg(n=("n", "sum"), nv=("nv", "sum"), nr=("nr", "sum"))
        for (code, grp), row in s.iterrows():
            res["compare"].append((code, grp, row.n, row.nv / row.n, row.nr, ties[code]))
        tested = set(t["items"].competence_id)
        conf = levels[levels.competence_id.isin(tested)].assign(
            c=lambda d: (d.value - 1) / 4.0).groupby("response_id").c.mean()
        score = t["quiz"].merge(t["items"], on="item_id").groupby("response_id").correct.mean()
        person = responses.set_index("response_id")[["grp"]].join(conf, how="inner").join(
            score, how="inner")
        for grp, d in person.groupby("grp"):
            res["calibration"].append((grp, len(d), d.c.mean(), d.correct.mean(),
                                       d.c.corr(d.correct)))
        res["calibration"].append((None, len(person), person.c.mean(), person.correct.mean(),
                                   person.c.corr(person.correct)))
        return figures_from(res)

    load_and_compute = []
    for _ in range(3):
        t0 = time.perf_counter()
        figures = compute(load())
        load_and_compute.append(time.perf_counter() - t0)
    tables = load()
    compute_alone = []
    for _ in range(max(3, runs // 3)):
        t0 = time.perf_counter()
        figures = compute(tables)
        compute_alone.append(time.perf_counter() - t0)
    return figures, {"compute_s": compute_alone, "load_and_compute_s": load_and_compute,
                     "version": pd.__version__}


# ---------------------------------------------------------------------------------------------
# skillgym's own figures, and the check

def skillgym_figures(report: dict) -> dict:
    out = {"distribution": {}, "sites": {}, "teams": {}, "heat": {}, "compare": {}, "h": {},
           "calibration": {}}
    for c in report["competences"]:
        k = c["counts"]
        if k is None:  # hidden for anonymity
            continue
        out["distribution"][c["code"]] = ([k["1"], k["2"], k["3"], k["4"], k["5"],
                                           k["not_sure"]], c["mean"])
    for key, rows in (("sites", "by_site"), ("teams", "by_team")):
        for r in report["response_rates"][rows]:
            if r["hidden"] is None:
                out[key][r["id"]] = (r["asked"], r["finished"])
    for h in report["heat_map"]:
        if h["hidden"] is None:
            for area, mean in h["means"].items():
                if mean is not None:
                    out["heat"][(h["site_id"], area)] = mean
    for c in report["comparison"]["competences"]:
        for grp, cell in c["groups"].items():
            if cell is not None:
                out["compare"][(c["code"], grp)] = (cell["n"], cell["mean"])
        if c["test"] is not None:
            out["h"][c["code"]] = c["test"]["statistic"]
    cal = report["calibration"]
    for row in cal["groups"] + ([cal["everyone"]] if cal["everyone"] else []):
        out["calibration"][row["key"]] = (row["people"], row["confidence"], row["quiz_score"],
                                          row["gap"], row["correlation"])
    return out


def close(a, b) -> bool:
    if isinstance(a, (tuple, list)):
        return len(a) == len(b) and all(close(x, y) for x, y in zip(a, b))
    if a is None or b is None:
        return a is None and b is None
    return math.isclose(float(a), float(b), rel_tol=1e-9, abs_tol=1e-12)


def agree(ours: dict, theirs: dict, who: str) -> int:
    """Every figure skillgym shows is in `theirs` and equal; returns how many were checked."""
    checked = 0
    for part, values in ours.items():
        for key, value in values.items():
            if key not in theirs[part]:
                raise BenchError(f"{who} has no {part} figure for {key}")
            if not close(value, theirs[part][key]):
                raise BenchError(f"{who} disagrees on {part} {key}: skillgym {value}, "
                                 f"{who} {theirs[part][key]}")
            checked += 1
    # Groups skillgym leaves out for anonymity are the only ones it may lack.
    for part in ("sites", "teams"):
        extra = set(theirs[part]) - set(ours[part])
        if len(extra) > len(theirs[part]) // 10:
            raise BenchError(f"skillgym hides {len(extra)} of {len(theirs[part])} {part}")
    return checked


# ---------------------------------------------------------------------------------------------
# The report section

def section(r: dict) -> str:
    duck, pan = r["duckdb"], r["pandas"]
    dq, dlq = median(duck["query_s"]), median(duck["load_and_query_s"])
    pc = median(pan["compute_s"])
    lines = [BEGIN, "", "## Analysis at national scale", "",
             f"`bench/analysis` ({r['date']}, skillgym {r['version']}, commit {r['commit']}; "
             f"{r['machine']}). The demo with `--people {r['people']}`: "
             f"{r['counts']['people']:,} people in {r['counts']['teams']:,} teams and "
             f"{r['counts']['sites']:,} sites; the benchmarked campaign (the 2026 re-audit) has "
             f"{r['export']['responses']:,} finished responses with "
             f"{r['export']['ratings']:,} ratings of {r['export']['competences']} competences and "
             f"{r['export']['quiz']:,} answers to {r['export']['items']} quiz questions "
             f"(the database holds both campaigns: {r['counts']['ratings']:,} ratings, "
             f"{r['counts']['quiz']:,} quiz answers).", "",
             "The full report is the campaign report, the group comparison by the LEADERSHIP "
             "question (three groups, Kruskal–Wallis for each competence) and confidence against "
             "knowledge by the same groups: three pages fetched one after another, signed in as "
             "the administrator. *After a restart* is the first full report once the server "
             "answers `/healthz` after starting (the columns are read from their snapshot in the "
             "database then, see analysis.md); "
             "*warm* is the median of the next runs."
             + (f" The machine's load average over five minutes was {r['load']:.1f} when they "
                "started: on a shared machine, times vary from run to run."
                if "load" in r else ""), "",
             "| | SQLite | PostgreSQL |", "|---|---:|---:|",
             f"| seeding the demo (`demo --people {r['people']} --response-rate "
             f"{RESPONSE_RATE} --no-serve`){' in an earlier run' if r.get('reused') else ''} | "
             f"{r['seed']['sqlite']:.0f} s | {r['seed']['postgres']:.0f} s |"]
    s, p = r["http"]["sqlite"], r["http"]["postgres"]
    lines += [
        f"| full report after a restart (median of {len(s['restart_s'])}) | "
        f"{median(s['restart_s']) * 1000:.0f} ms | {median(p['restart_s']) * 1000:.0f} ms |",
        f"| full report, warm (median of {len(s['warm_s'])}) | {median(s['warm_s']) * 1000:.1f} ms"
        f" | {median(p['warm_s']) * 1000:.1f} ms |",
        f"| resident memory after the runs (peak) | {s['rss_mb']:.0f} MB ({s['peak_rss_mb']:.0f})"
        f" | {p['rss_mb']:.0f} MB ({p['peak_rss_mb']:.0f}) |", "",
        "The other views, each fetched on its own after the full report: the first time after "
        "a restart (median of the restarts) and warm (median of the warm runs). Change over "
        "time compares the campaign with last year's audit of the same people, so its first "
        "fetch reads that campaign's answers too.", "",
        "| | SQLite, first | SQLite, warm | PostgreSQL, first | PostgreSQL, warm |",
        "|---|---:|---:|---:|---:|"]
    labels = {"change": f"change over time (`{OTHER_PAGES['change']}`)",
              "print": f"print-ready report (`{OTHER_PAGES['print']}`)",
              "profile": "a person's profile, as the administrator sees it"}
    for name, label in labels.items():
        so, po = s["others"][name], p["others"][name]
        lines.append(f"| {label} | {median(so['first_s']) * 1000:.0f} ms | "
                     f"{median(so['warm_s']) * 1000:.1f} ms | {median(po['first_s']) * 1000:.0f} ms"
                     f" | {median(po['warm_s']) * 1000:.1f} ms |")
    lines += ["",
        f"The same figures from a CSV export of the same campaign (export not timed), "
        f"DuckDB {duck['version']} ({duck['threads']} threads) and pandas {pan['version']}:", "",
        "| | time |", "|---|---:|",
        f"| DuckDB, the queries alone (median of {len(duck['query_s'])}) | {dq * 1000:.1f} ms |",
        f"| DuckDB, loading the CSV files and the queries (median of "
        f"{len(duck['load_and_query_s'])}) | {dlq * 1000:.0f} ms |",
        f"| pandas, the computation alone (median of {len(pan['compute_s'])}) | "
        f"{pc * 1000:.0f} ms |",
        f"| pandas, reading the CSV files and the computation | "
        f"{median(pan['load_and_compute_s']) * 1000:.0f} ms |", "",
        f"All three agree: {r['checked_duckdb']:,} figures checked against DuckDB and "
        f"{r['checked_pandas']:,} against pandas (counts exactly, means, H and correlations to "
        "1e-9), every one that skillgym shows; those it hides for anonymity are left out.", "",
        f"The whole `skillgym report {CAMPAIGN} --format json --by {BY}` process (start, read "
        "the snapshot or the answers, compute, print the JSON, exit), beside a Python process that "
        "opens a DuckDB database file already holding the same export and runs the same queries "
        f"(`bench/duckdb_report.py`), timed together by {r['process']['version']} "
        f"(`-N --warmup 2 --runs {r['process']['runs']}`):", "",
        "| process | median | mean ± σ |", "|---|---:|---:|"]
    for name, label in (("sqlite", "`skillgym report`, SQLite"),
                        ("postgres", "`skillgym report`, PostgreSQL"),
                        ("duckdb", "DuckDB on its database file")):
        h = r["process"][name]
        lines.append(f"| {label} | {h['median_s'] * 1000:.0f} ms | {h['mean_s'] * 1000:.0f} ± "
                     f"{h['stddev_s'] * 1000:.0f} ms |")
    proc = {"SQLite": r["process"]["sqlite"], "PostgreSQL": r["process"]["postgres"]}
    dp = r["process"]["duckdb"]["median_s"]
    lines += ["", "| goal | SQLite | PostgreSQL |", "|---|---|---|"]

    def verdict(ok):
        return "**met**" if ok else "**not met**"

    for name, f in (
        ("warm report no slower than DuckDB's query", lambda h: median(h["warm_s"]) <= dq),
        ("after a restart no slower than DuckDB's load and query",
         lambda h: median(h["restart_s"]) <= dlq),
        ("at least 10 × faster than pandas (warm, against its computation alone)",
         lambda h: pc >= 10 * median(h["warm_s"])),
        (f"resident memory under {RSS_GOAL_MB} MB while serving",
         lambda h: h["peak_rss_mb"] < RSS_GOAL_MB)):
        lines.append(f"| {name} | {verdict(f(s))} | {verdict(f(p))} |")
    lines.append("| `skillgym report` as a process no slower than DuckDB's | "
                 + " | ".join(verdict(proc[b]["median_s"] <= dp) for b in proc) + " |")
    lines += ["", "Ratios: " + "; ".join(
        f"{b}: warm {median(h['warm_s']) / dq:.2f} × DuckDB's query, after a restart "
        f"{median(h['restart_s']) / dlq:.2f} × its load and query, pandas "
        f"{pc / median(h['warm_s']):.0f} × slower than warm, the report process "
        f"{proc[b]['median_s'] / dp:.2f} × DuckDB's" for b, h in
        (("SQLite", s), ("PostgreSQL", p))) + ".", "",
        "How: see [analysis.md](analysis.md).", "", END]
    return "\n".join(lines)


# ---------------------------------------------------------------------------------------------

def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", required=True)
    ap.add_argument("--work", required=True)
    ap.add_argument("--pg-admin", required=True)
    ap.add_argument("--pg-base", required=True)
    ap.add_argument("--people", type=int, default=50_000)
    ap.add_argument("--runs", type=int, default=10)
    ap.add_argument("--restarts", type=int, default=3)
    ap.add_argument("--out", default="docs/performance.md")
    ap.add_argument("--commit", default="unknown")
    ap.add_argument("--data", default=None,
                    help="keep the seeded demo here and use it again in later runs")
    args = ap.parse_args()
    work = Work(args.work)
    env = base_env()
    env["SKILLGYM_LOG"] = "warn"
    r = {"people": args.people, "commit": args.commit, "date": time.strftime("%Y-%m-%d"),
         "machine": machine_line(), "seed": {}, "http": {}}

    sqlite_dir, pg_dir, pg_env, reused = seed(args, work, env, r)
    r["reused"] = reused

    sqlite_db = sqlite_dir / "demo.db"
    conn = sqlite3.connect(sqlite_db)
    one = lambda sql: conn.execute(sql).fetchone()[0]  # noqa: E731
    r["counts"] = {"people": one("SELECT count(*) FROM people"),
                   "teams": one("SELECT count(*) FROM teams"),
                   "sites": one("SELECT count(*) FROM sites"),
                   "ratings": one("SELECT count(*) FROM ratings"),
                   "quiz": one("SELECT count(*) FROM quiz_answers")}
    conn.close()

    # Someone who answered both campaigns, for the profile page; the same on both backends,
    # which are seeded alike.
    conn = sqlite3.connect(sqlite_db)
    person = conn.execute(
        f"""SELECT person_id FROM responses WHERE campaign_id = {CAMPAIGN}
            AND submitted_at IS NOT NULL AND person_id IS NOT NULL ORDER BY person_id
            LIMIT 1 OFFSET 100""").fetchone()[0]
    conn.close()

    r["load"] = os.getloadavg()[1]
    for backend, data_dir, benv in (("sqlite", sqlite_dir, env), ("postgres", pg_dir, pg_env)):
        log(f"the full report over HTTP on {backend}")
        r["http"][backend] = measure_http(args, work, backend, data_dir, benv, person)

    _, done = run([args.bin, "--version"], env=env)
    r["version"] = done.stdout.split()[-1]
    _, done = run([args.bin, "report", str(CAMPAIGN), "--format", "json", "--by", BY,
                   "--database-url", f"sqlite://{sqlite_db}"], env=env, what="skillgym report")
    ours = skillgym_figures(json.loads(done.stdout))
    _, done = run([args.bin, "report", str(CAMPAIGN), "--format", "json", "--by", BY],
                  env=pg_env, what="skillgym report on PostgreSQL")
    if skillgym_figures(json.loads(done.stdout)) != ours:
        raise BenchError("skillgym's figures differ between SQLite and PostgreSQL")

    log("exporting the campaign as CSV")
    export_dir = work.root / "export"
    r["export"] = export(sqlite_db, export_dir)
    log("DuckDB")
    duck_figures, r["duckdb"] = duckdb_run(export_dir, args.runs)
    log(f"queries {median(r['duckdb']['query_s']) * 1000:.1f} ms, load and queries "
        f"{median(r['duckdb']['load_and_query_s']) * 1000:.0f} ms")
    log("pandas")
    pandas_figures, r["pandas"] = pandas_run(export_dir, args.runs)
    log(f"computation {median(r['pandas']['compute_s']) * 1000:.0f} ms")
    log("whole processes with hyperfine")
    r["process"] = processes(args, work, env, sqlite_db, pg_env["DATABASE_URL"], export_dir)
    log(", ".join(f"{n} {r['process'][n]['median_s'] * 1000:.0f} ms"
                  for n in ("sqlite", "postgres", "duckdb")))
    r["checked_duckdb"] = agree(ours, duck_figures, "DuckDB")
    r["checked_pandas"] = agree(ours, pandas_figures, "pandas")
    log(f"all three agree ({r['checked_duckdb']} figures)")
    work.save("analysis", r)
    write_section(Path(args.out), section(r), BEGIN, END)
    log(f"wrote the analysis section of {args.out}")
    return 0


def seed(args, work: Work, env: dict, r: dict) -> tuple[Path, Path, dict, bool]:
    """The demo on SQLite and on PostgreSQL: seeded for this run, or, with --data, kept there
    and used again while the binary's version, the people and the response rate match."""
    demo_args = ["--people", str(args.people), "--response-rate", str(RESPONSE_RATE),
                 "--no-serve"]
    _, done = run([args.bin, "--version"], env=env)
    wanted = {"people": args.people, "response_rate": RESPONSE_RATE,
              "version": done.stdout.strip()}
    if args.data:
        root = Path(args.data).resolve()
        db = "sg_analysis_kept"
    else:
        root = work.root
        db = f"sg_analysis_{os.getpid()}"
        with open(work.root / "pg-databases", "a") as f:
            f.write(db + "\n")
    sqlite_dir, pg_dir, marker = root / "sqlite", root / "pg", root / "seeded.json"
    pg_env = dict(env, DATABASE_URL=f"{args.pg_base}/{db}")
    if args.data and marker.exists() and (sqlite_dir / "demo.db").exists():
        kept = json.loads(marker.read_text())
        _, found = run(["psql", "-X", "-qtA", args.pg_admin, "-c",
                        f"SELECT 1 FROM pg_database WHERE datname = '{db}'"], what="psql")
        if {k: kept.get(k) for k in wanted} == wanted and found.stdout.strip() == "1":
            log(f"using the demo seeded earlier in {root} (delete it to seed again)")
            r["seed"] = kept["seed"]
            return sqlite_dir, pg_dir, pg_env, True
    if args.data:
        log(f"seeding into {root}, kept for later runs")
        for d in (sqlite_dir, pg_dir):
            shutil.rmtree(d, ignore_errors=True)
        marker.unlink(missing_ok=True)
    run(["psql", "-X", "-q", args.pg_admin, "-c", f"DROP DATABASE IF EXISTS {db} WITH (FORCE)"],
        what="dropdb")
    run(["psql", "-X", "-q", args.pg_admin, "-c", f"CREATE DATABASE {db}"], what="createdb")
    for backend, data_dir, benv in (("sqlite", sqlite_dir, env), ("postgres", pg_dir, pg_env)):
        log(f"seeding the demo with {args.people} people on {backend}")
        took, _ = run(demo_cmd(args, data_dir, None, *demo_args), env=benv,
                      what=f"seeding on {backend}", log_to=work.logs / f"seed-{backend}.log")
        r["seed"][backend] = took
        log(f"{took:.0f} s")
    if args.data:
        marker.write_text(json.dumps(dict(wanted, seed=r["seed"]), indent=2) + "\n")
    return sqlite_dir, pg_dir, pg_env, False


def machine_line() -> str:
    m = machine()
    return f"{m['nproc']} cores ({m['cpu']}), {m['memory']} of memory, Linux {m['kernel']}"


if __name__ == "__main__":
    try:
        sys.exit(main())
    except BenchError as e:
        print(f"bench/analysis: {e}", file=sys.stderr)
        sys.exit(1)
