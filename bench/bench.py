#!/usr/bin/env python3
"""The steps of bench/run, one subcommand each (Python 3.11 standard library only).

Each step writes its figures as JSON to WORK/results/STEP.json; `report` turns them into
docs/performance.md. Every process a step starts is recorded in WORK/pids/ while it runs, so
that bench/run's exit trap can stop it if the step dies half way.

    bench.py sites     --bin B --work W
    bench.py coldstart --bin B --work W [--runs 20]
    bench.py rss       --bin B --work W
    bench.py import    --bin B --work W --file F --backend sqlite|postgres [--pg-admin URL]
    bench.py http      --bin B --work W [--duration 10s]
    bench.py survey    --bin B --work W [--respondents 50000] [--items 60]
    bench.py report    --work W --out docs/performance.md
    bench.py survey-report --work W --out docs/performance.md   (only the survey section)
    bench.py flood-report  --work W --out docs/performance.md   (only the sign-in flood section)
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import re
import signal
import socket
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

DEMO_ADMIN = "admin@afon.example"
DEMO_PASSWORD = "skillgym-demo"
IMPORT_ROWS_GOAL = 50_000
SURVEY_GOAL_S = 30
SURVEY_START = "<!-- survey-import:start -->"
SURVEY_END = "<!-- survey-import:end -->"
STAFF_START = "<!-- staff-import:start -->"
STAFF_END = "<!-- staff-import:end -->"
FLOOD_START = "<!-- sign-in-flood:start -->"
FLOOD_END = "<!-- sign-in-flood:end -->"
COLD_START_GOAL_MS = 300
RSS_GOAL_MB = 40


class BenchError(Exception):
    """A step cannot go on; the message says why."""


# ---------------------------------------------------------------------------------------------
# Helpers


def log(msg: str) -> None:
    print(f"    {msg}", flush=True)


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def base_env() -> dict[str, str]:
    """The environment for skillgym: English messages, no settings leaking in from outside."""
    env = dict(os.environ)
    for name in ("DATABASE_URL", "SKILLGYM_DATA_DIR", "SKILLGYM_CONFIG", "SKILLGYM_BIND",
                 "SKILLGYM_PUBLIC_URL", "SKILLGYM_LOG", "SKILLGYM_LOG_FORMAT",
                 "SKILLGYM_PSEUDO_LOCALE"):
        env.pop(name, None)
    env["LANG"] = env["LC_ALL"] = "C.UTF-8"
    env["NO_COLOR"] = "1"
    return env


def plain(text: str) -> str:
    """Text without the Unicode isolation marks Fluent puts round placeables."""
    return text.replace("\u2068", "").replace("\u2069", "")


class Work:
    def __init__(self, root: str):
        self.root = Path(root)
        self.results = self.root / "results"
        self.pids = self.root / "pids"
        self.logs = self.root / "logs"
        for d in (self.results, self.pids, self.logs):
            d.mkdir(parents=True, exist_ok=True)

    def save(self, name: str, data: dict) -> None:
        (self.results / f"{name}.json").write_text(json.dumps(data, indent=2) + "\n")

    def load(self, name: str) -> dict | None:
        path = self.results / f"{name}.json"
        return json.loads(path.read_text()) if path.exists() else None


class Proc:
    """A background process, recorded in WORK/pids while it runs."""

    def __init__(self, work: Work, name: str, cmd: list[str], env=None, cwd=None):
        self.work, self.name = work, name
        self.log_path = work.logs / f"{name}.log"
        self.log_file = open(self.log_path, "wb")
        self.started = time.perf_counter()
        self.p = subprocess.Popen(cmd, stdout=self.log_file, stderr=subprocess.STDOUT,
                                  stdin=subprocess.DEVNULL, env=env, cwd=cwd)
        self.pid_file = work.pids / f"{self.p.pid}.pid"
        self.pid_file.write_text(f"{self.p.pid}\n")

    def alive(self) -> bool:
        return self.p.poll() is None

    def tail(self, lines: int = 15) -> str:
        self.log_file.flush()
        text = self.log_path.read_text(errors="replace").splitlines()
        return "\n".join(text[-lines:])

    def stop(self, sig=signal.SIGTERM, timeout: float = 10.0) -> float | None:
        """Stops the process; returns how long it took to exit after the signal, in ms."""
        took = None
        if self.alive():
            t0 = time.perf_counter()
            self.p.send_signal(sig)
            try:
                self.p.wait(timeout)
                took = (time.perf_counter() - t0) * 1000
            except subprocess.TimeoutExpired:
                self.p.kill()
                self.p.wait()
        self.log_file.close()
        self.pid_file.unlink(missing_ok=True)
        return took


def http_get(port: int, path: str, timeout: float = 0.25, headers: str = "") -> tuple[int, bytes]:
    """A minimal HTTP/1.1 GET on loopback; raises OSError if the server is not there."""
    with socket.create_connection(("127.0.0.1", port), timeout=timeout) as s:
        s.sendall(f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n{headers}"
                  "Connection: close\r\n\r\n".encode())
        chunks = []
        while True:
            chunk = s.recv(65536)
            if not chunk:
                break
            chunks.append(chunk)
    data = b"".join(chunks)
    status = int(data.split(b" ", 2)[1]) if data.startswith(b"HTTP/") else 0
    return status, data


def wait_healthy(proc: Proc, port: int, deadline_s: float = 15.0) -> float:
    """Polls /healthz as fast as possible; returns ms from spawn to the first 200."""
    limit = proc.started + deadline_s
    while True:
        try:
            status, _ = http_get(port, "/healthz")
            if status == 200:
                return (time.perf_counter() - proc.started) * 1000
        except OSError:
            pass
        if not proc.alive():
            raise BenchError(f"{proc.name} exited with status {proc.p.returncode} before "
                             f"/healthz answered:\n{proc.tail()}")
        if time.perf_counter() > limit:
            raise BenchError(f"{proc.name}: no 200 from /healthz within {deadline_s:.0f} s:\n"
                             f"{proc.tail()}")
        # Leave the CPU to the server (the machine may have only two cores).
        time.sleep(0.0005)


def run(cmd: list[str], env=None, what: str = "", check: bool = True,
        log_to: Path | None = None) -> tuple[float, subprocess.CompletedProcess]:
    """Runs a command to completion; returns its wall time in seconds and the result."""
    t0 = time.perf_counter()
    done = subprocess.run(cmd, env=env, capture_output=True, text=True, stdin=subprocess.DEVNULL)
    took = time.perf_counter() - t0
    if log_to is not None:
        log_to.write_text(f"$ {' '.join(cmd)}\n--- stdout\n{done.stdout}\n--- stderr\n"
                          f"{done.stderr}\n--- exit {done.returncode}\n")
    if check and done.returncode != 0:
        raise BenchError(f"{what or cmd[0]} failed (exit {done.returncode}):\n"
                         f"$ {' '.join(cmd)}\n{done.stdout[-2000:]}{done.stderr[-2000:]}")
    return took, done


def read_status(pid: int) -> dict[str, str]:
    out = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        key, _, value = line.partition(":")
        out[key] = value.strip()
    return out


def kb_to_mb(value: str) -> float:
    return int(value.split()[0]) / 1024  # /proc reports kB (KiB); MB here means MiB


def summary(values: list[float]) -> dict:
    return {"min": min(values), "median": statistics.median(values), "max": max(values),
            "runs": len(values), "all": [round(v, 1) for v in values]}


def demo_cmd(args, data_dir: Path, port: int | None = None, *extra: str) -> list[str]:
    cmd = [args.bin, "demo", "--data-dir", str(data_dir)]
    if port is not None:
        cmd += ["--bind", f"127.0.0.1:{port}"]
    return cmd + list(extra)


# ---------------------------------------------------------------------------------------------
# Steps


def step_sites(args, work: Work) -> None:
    """The site codes people work at in the default demo organisation, from its staff export."""
    data = work.root / "sites-demo"
    env = base_env()
    env["DATABASE_URL"] = f"sqlite://{data}/demo.db"
    data.mkdir(parents=True, exist_ok=True)
    run(demo_cmd(args, data, None, "--no-serve"), env, "skillgym demo --no-serve")
    _, done = run([args.bin, "export", "staff", "--data-dir", str(data)], env,
                  "skillgym export staff")
    import csv
    import io
    rows = list(csv.DictReader(io.StringIO(done.stdout.lstrip("\ufeff"))))
    codes = sorted({c.strip() for r in rows for c in r["sites"].split(";") if c.strip()})
    if not codes:
        raise BenchError("the demo organisation's staff export lists no sites")
    work.save("sites", {"codes": codes, "demo_people": len(rows)})
    print(";".join(codes))


def step_coldstart(args, work: Work) -> None:
    data = work.root / "coldstart"
    data.mkdir(parents=True, exist_ok=True)
    env = base_env()
    t, _ = run(demo_cmd(args, data, None, "--no-serve"), env, "skillgym demo --no-serve",
               log_to=work.logs / "coldstart-create.log")
    log(f"demo database created in {t:.2f} s")
    results = {"create_s": t}
    variants = [("demo", lambda port: demo_cmd(args, data, port), env)]
    # The same database served by `skillgym serve`, which skips the demo's set-up work.
    serve_env = dict(env, DATABASE_URL=f"sqlite://{data}/demo.db")
    variants.append(("serve", lambda port: [args.bin, "serve", "--data-dir", str(data),
                                            "--bind", f"127.0.0.1:{port}"], serve_env))
    for name, make, venv in variants:
        starts, stops = [], []
        for i in range(args.runs):
            port = free_port()
            proc = Proc(work, f"coldstart-{name}-{i:02d}", make(port), env=venv)
            try:
                starts.append(wait_healthy(proc, port))
            finally:
                stop = proc.stop()
            if stop is not None:
                stops.append(stop)
            time.sleep(0.05)
        results[name] = summary(starts)
        results[name]["stop_ms"] = summary(stops) if stops else None
        log(f"{name}: start to first 200 min {min(starts):.0f} / median "
            f"{statistics.median(starts):.0f} / max {max(starts):.0f} ms "
            f"({args.runs} runs)")
    work.save("coldstart", results)


def step_rss(args, work: Work) -> None:
    data = work.root / "rss"
    data.mkdir(parents=True, exist_ok=True)
    env = base_env()
    run(demo_cmd(args, data, None, "--no-serve"), env, "skillgym demo --no-serve")
    port = free_port()
    proc = Proc(work, "rss-demo", demo_cmd(args, data, port), env=env)
    try:
        wait_healthy(proc, port)
        after_start = kb_to_mb(read_status(proc.p.pid)["VmRSS"])
        for path in ["/healthz", "/sign-in"]:
            http_get(port, path, timeout=5)
        time.sleep(0.5)
        before_sign_in = kb_to_mb(read_status(proc.p.pid)["VmRSS"])
        session = sign_in(port)
        time.sleep(0.5)
        after_sign_in = kb_to_mb(read_status(proc.p.pid)["VmRSS"])
        cookie = f"Cookie: sg_session={session}\r\n"
        for path in ["/", "/people", "/sites", "/teams", "/"]:
            http_get(port, path, timeout=5, headers=cookie)
        time.sleep(2)
        status = read_status(proc.p.pid)
        results = {
            "after_start_mb": after_start,
            "before_sign_in_mb": before_sign_in,
            "after_sign_in_mb": after_sign_in,
            "idle_rss_mb": kb_to_mb(status["VmRSS"]),
            "peak_rss_mb": kb_to_mb(status["VmHWM"]),
            "threads": int(status["Threads"]),
            "requests": 9,
        }
    finally:
        proc.stop()
    log(f"idle RSS {results['idle_rss_mb']:.1f} MB (peak {results['peak_rss_mb']:.1f} MB, "
        f"{results['threads']} threads)")
    work.save("rss", results)


def import_message(stdout: str) -> str:
    lines = [plain(line).strip() for line in stdout.splitlines() if "Imported" in plain(line)]
    return lines[-1] if lines else plain(stdout).strip()[:200]


def step_import(args, work: Work) -> None:
    rows = sum(1 for _ in open(args.file, encoding="utf-8")) - 1
    env = base_env()
    dbname = None
    if args.backend == "sqlite":
        data = work.root / "import-sqlite"
        data.mkdir(parents=True, exist_ok=True)
        env["DATABASE_URL"] = f"sqlite://{data}/demo.db"
    else:
        data = work.root / "import-postgres"
        data.mkdir(parents=True, exist_ok=True)
        dbname = f"sg_bench_{os.getpid()}"
        with (work.root / "pg-databases").open("a") as f:
            f.write(dbname + "\n")
        run(["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", args.pg_admin, "-c",
             f"CREATE DATABASE {dbname}"], what="creating the PostgreSQL database")
        env["DATABASE_URL"] = f"{args.pg_base}/{dbname}"
    try:
        t_demo, _ = run(demo_cmd(args, data, None, "--no-serve"), env, "skillgym demo --no-serve",
                        log_to=work.logs / f"import-{args.backend}-demo.log")
        cmd = [args.bin, "import", "staff", args.file, "--data-dir", str(data)]
        load = os.getloadavg()[0]
        # sqlx logs each statement with its duration at debug level: a few hundred lines to
        # stderr, which show where the import's time goes.
        t_first, first = run(cmd, dict(env, SKILLGYM_LOG="info,sqlx::query=debug",
                                       SKILLGYM_LOG_FORMAT="json"),
                             "skillgym import staff (first)",
                             log_to=work.logs / f"import-{args.backend}-first.log")
        t_again, again = run(cmd, env, "skillgym import staff (again)",
                             log_to=work.logs / f"import-{args.backend}-again.log")
        t_export, export = run([args.bin, "export", "staff", "--data-dir", str(data)], env,
                               "skillgym export staff")
        exported = len(export.stdout.splitlines()) - 1
        size = None
        if args.backend == "sqlite":
            size = sum(f.stat().st_size for f in data.glob("demo.db*")) / 1024 / 1024
        else:
            _, out = run(["psql", "-X", "-At", args.pg_admin, "-c",
                          f"SELECT pg_database_size('{dbname}')"], what="psql")
            size = int(out.stdout.strip()) / 1024 / 1024
    finally:
        if dbname:
            run(["psql", "-X", "-q", args.pg_admin, "-c",
                 f"DROP DATABASE IF EXISTS {dbname} WITH (FORCE)"], what="dropping the database",
                check=False)
    statements: dict[str, list] = {}
    for line in first.stderr.splitlines():
        if not line.startswith("{"):
            continue
        fields = json.loads(line).get("fields", {})
        if "elapsed_secs" in fields:
            words = " ".join(fields.get("summary", "?").replace("…", "").split()[:4])
            entry = statements.setdefault(words, [0, 0.0])
            entry[0] += 1
            entry[1] += fields["elapsed_secs"]
    results = {
        "statements": sorted(([k, n, t] for k, (n, t) in statements.items()),
                             key=lambda e: -e[2])[:5],
        "backend": args.backend,
        "rows": rows,
        "file_mb": os.path.getsize(args.file) / 1024 / 1024,
        "demo_s": t_demo,
        "first_s": t_first,
        "first_rate": rows / t_first,
        "first_message": import_message(first.stdout),
        "again_s": t_again,
        "again_rate": rows / t_again,
        "again_message": import_message(again.stdout),
        "export_s": t_export,
        "exported_rows": exported,
        "database_mb": size,
        "load_before": load,
    }
    if f"{rows} added" not in results["first_message"]:
        raise BenchError(f"the first import did not add {rows} people: "
                         f"{results['first_message']}")
    if f"{rows} unchanged" not in results["again_message"]:
        raise BenchError(f"the second import changed something: {results['again_message']}")
    log(f"{args.backend}: import {t_first:.2f} s = {rows / t_first:,.0f} rows/s "
        f"({results['first_message']}); again {t_again:.2f} s; export {t_export:.2f} s")
    work.save(f"import-{args.backend}", results)


def sign_in(port: int, email: str = DEMO_ADMIN) -> str:
    """Signs in (as the demo administrator unless told) with curl; returns the session
    cookie's value."""
    import tempfile
    base = f"http://127.0.0.1:{port}"
    with tempfile.TemporaryDirectory() as tmp:
        jar = os.path.join(tmp, "jar")
        form = subprocess.run(["curl", "-sS", "--max-time", "10", "-c", jar, f"{base}/sign-in"],
                              capture_output=True, text=True, check=True).stdout
        m = re.search(r'name="csrf" value="([^"]+)"', form)
        if not m:
            raise BenchError("the sign-in page has no csrf input")
        post = subprocess.run(
            ["curl", "-sS", "--max-time", "10", "-b", jar, "-c", jar, "-o", "/dev/null",
             "-w", "%{http_code}", "--data-urlencode", f"csrf={m.group(1)}",
             "--data-urlencode", f"email={email}",
             "--data-urlencode", f"password={DEMO_PASSWORD}", f"{base}/sign-in"],
            capture_output=True, text=True, check=True).stdout
        if post.strip() not in ("302", "303"):
            raise BenchError(f"signing in as {email} answered HTTP {post}, not a redirect")
        for line in open(jar):
            fields = line.rstrip("\n").split("\t")
            if len(fields) == 7 and fields[5] == "sg_session" and fields[6]:
                return fields[6]
    raise BenchError("signing in gave no sg_session cookie")


def parse_wrk(text: str) -> dict:
    def unit(value: str) -> float:
        """A wrk duration (e.g. 1.23ms, 850.00us, 1.20s) in ms."""
        m = re.fullmatch(r"([\d.]+)(us|ms|s|m)", value)
        if not m:
            raise BenchError(f"cannot read wrk duration {value!r}")
        return float(m.group(1)) * {"us": 0.001, "ms": 1, "s": 1000, "m": 60000}[m.group(2)]

    def size(value: str) -> float:
        m = re.fullmatch(r"([\d.]+)([KMGT]?B)", value)
        return float(m.group(1)) * {"B": 1, "KB": 1024, "MB": 1024**2, "GB": 1024**3,
                                    "TB": 1024**4}[m.group(2)]

    out = {}
    m = re.search(r"Requests/sec:\s+([\d.]+)", text)
    if not m:
        raise BenchError(f"cannot read wrk's output:\n{text}")
    out["rps"] = float(m.group(1))
    for pct in ("50", "75", "90", "99"):
        m = re.search(rf"^\s+{pct}%\s+(\S+)", text, re.M)
        out[f"p{pct}_ms"] = unit(m.group(1)) if m else None
    m = re.search(r"(\d+) requests in ([\d.]+\w+), ([\d.]+[KMGT]?B) read", text)
    out["requests"] = int(m.group(1))
    out["bytes_read"] = size(m.group(3))
    m = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
    out["errors_non2xx"] = int(m.group(1)) if m else 0
    m = re.search(r"Socket errors: (.*)", text)
    out["socket_errors"] = m.group(1).strip() if m else None
    return out


def wrk(url: str, cookie: str, threads: int, conns: int, duration: str, name: str,
        work: Work) -> dict:
    cmd = ["wrk", f"-t{threads}", f"-c{conns}", f"-d{duration}", "--latency",
           "-H", f"Cookie: sg_session={cookie}", url]
    done = subprocess.run(cmd, capture_output=True, text=True)
    (work.logs / f"wrk-{name}.log").write_text(done.stdout + done.stderr)
    if done.returncode != 0:
        raise BenchError(f"wrk failed against {url}:\n{done.stdout}{done.stderr}")
    result = parse_wrk(done.stdout)
    result["command"] = " ".join(cmd[:-3] + ['-H "Cookie: sg_session=…"', url])
    return result


# Kernel functions that are the scheduler handing the CPU from one thread to another: each
# query on SQLite goes from a tokio worker to the connection's own thread and back.
SWITCHING = ("finish_task_switch", "_raw_spin_unlock_irqrestore", "__schedule", "schedule",
             "futex", "try_to_wake_up", "_raw_spin_unlock_irq", "pick_next_task",
             "dequeue_task", "enqueue_task", "switch_mm", "__switch_to")


def profile_server(pid: int, url: str, session: str, args, work: Work) -> dict:
    """Samples the server with `perf record` while wrk loads it for 6 s; the share of samples
    by where they fall (the kernel switching threads, the rest of the kernel, SQLite, the C
    library, the rest of skillgym) and the top functions."""
    data = work.root / "home.perf.data"
    perf = subprocess.Popen(["perf", "record", "-F", "999", "-p", str(pid), "-o", str(data),
                             "--", "sleep", "6"], stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    time.sleep(0.5)
    wrk(url, session, args.threads, args.connections, "6s", "skillgym-profiled", work)
    perf.wait(timeout=60)
    done = subprocess.run(["perf", "report", "-i", str(data), "--no-children", "--stdio",
                           "--sort", "dso,sym", "-g", "none"], capture_output=True, text=True)
    (work.logs / "perf-home.txt").write_text(done.stdout + done.stderr)
    shares = {"kernel: switching threads": 0.0, "kernel: the rest (network, system calls)": 0.0,
              "SQLite": 0.0, "C library (malloc, memcpy…)": 0.0, "skillgym and its crates": 0.0}
    top = []
    for line in done.stdout.splitlines():
        parts = line.split()
        if len(parts) < 4 or not parts[0].endswith("%"):
            continue
        share, dso, symbol = float(parts[0][:-1]), parts[1], parts[3]
        if dso == "[kernel.kallsyms]":
            key = ("kernel: switching threads" if symbol.startswith(SWITCHING)
                   else "kernel: the rest (network, system calls)")
        elif dso.startswith("libc"):
            key = "C library (malloc, memcpy…)"
        elif symbol.startswith(("sqlite3", "btree", "vdbe", "pager", "Vdbe")) or \
                symbol in ("walFindFrame", "getPageNormal", "pcache1Fetch"):
            key = "SQLite"
        else:
            key = "skillgym and its crates"
        shares[key] += share
        if len(top) < 8:
            top.append((share, dso, symbol))
    return {"shares": shares, "top": top, "command": "perf record -F 999 -p PID -- sleep 6"}


def step_http(args, work: Work) -> None:
    data = work.root / "http"
    data.mkdir(parents=True, exist_ok=True)
    env = base_env()
    run(demo_cmd(args, data, None, "--no-serve"), env, "skillgym demo --no-serve")
    results = {"threads": args.threads, "connections": args.connections,
               "duration": args.duration}

    def bench_skillgym(name: str, penv: dict) -> None:
        port = free_port()
        proc = Proc(work, f"http-{name}", demo_cmd(args, data, port), env=penv)
        try:
            wait_healthy(proc, port)
            session = sign_in(port)
            status, raw = http_get(port, "/", timeout=5,
                                   headers=f"Cookie: sg_session={session}\r\n")
            head, _, body = raw.partition(b"\r\n\r\n")
            if status != 200 or b"Transfer-Encoding: chunked" in head:
                raise BenchError(f"the signed-in home page answered {status}:\n"
                                 f"{head.decode(errors='replace')}")
            if name == "skillgym":
                (work.root / "home.html").write_bytes(body)
                results["page_bytes"] = len(body)
                results["page_head_bytes"] = len(head) + 4
                results["page_is_signed_in"] = b"/sign-out" in body
            url = f"http://127.0.0.1:{port}/"
            wrk(url, session, args.threads, args.connections, "2s", f"{name}-warmup", work)
            r = wrk(url, session, args.threads, args.connections, args.duration, name, work)
            r["rss_after_mb"] = kb_to_mb(read_status(proc.p.pid)["VmRSS"])
            r["peak_rss_mb"] = kb_to_mb(read_status(proc.p.pid)["VmHWM"])
            # The session must still be good: a redirect to /sign-in would count as success.
            status, raw = http_get(port, "/", timeout=5,
                                   headers=f"Cookie: sg_session={session}\r\n")
            if status != 200:
                raise BenchError(f"after wrk the home page answered {status}")
            r["bytes_per_response"] = r["bytes_read"] / max(r["requests"], 1)
            r["expected_bytes_per_response"] = len(raw)
            if name == "skillgym" and shutil.which("perf"):
                # Where the time goes: a separate wrk run with perf sampling the server (not
                # the run above, which perf would slow down).
                r["profile"] = profile_server(proc.p.pid, url, session, args, work)
            results[name] = r
            log(f"{name}: {r['rps']:,.0f} requests/s, p50 {r['p50_ms']:.2f} ms, "
                f"p99 {r['p99_ms']:.2f} ms, ~{r['bytes_per_response']:,.0f} bytes/response "
                f"(expected {len(raw):,})")
        finally:
            proc.stop()

    bench_skillgym("skillgym", env)
    # The same with request logging off, to show what logging costs.
    bench_skillgym("skillgym_quiet", dict(env, SKILLGYM_LOG="warn"))

    # nginx serving a file the same size as the page (the page itself).
    prefix = work.root / "nginx"
    www = prefix / "www"
    for d in ("www", "logs", "tmp"):
        (prefix / d).mkdir(parents=True, exist_ok=True)
    (www / "index.html").write_bytes((work.root / "home.html").read_bytes())
    # nginx's workers run as an unprivileged user when started by root: let them reach the
    # file (the run's folder is private to its owner otherwise).
    os.chmod(work.root, 0o711)
    os.chmod(prefix, 0o711)
    os.chmod(www, 0o755)
    os.chmod(www / "index.html", 0o644)
    port = free_port()
    conf = prefix / "nginx.conf"
    conf.write_text(f"""# Written by bench/bench.py for one benchmark run.
daemon off;
worker_processes {args.nginx_workers};
pid {prefix}/nginx.pid;
error_log {prefix}/logs/error.log warn;
events {{ worker_connections 1024; }}
http {{
    default_type text/html;
    access_log off;
    sendfile on;
    tcp_nopush on;
    keepalive_requests 1000000;
    client_body_temp_path {prefix}/tmp/body;
    proxy_temp_path {prefix}/tmp/proxy;
    fastcgi_temp_path {prefix}/tmp/fastcgi;
    uwsgi_temp_path {prefix}/tmp/uwsgi;
    scgi_temp_path {prefix}/tmp/scgi;
    server {{
        listen 127.0.0.1:{port};
        root {www};
        location / {{ index index.html; }}
    }}
}}
""")
    nginx = Proc(work, "nginx", ["nginx", "-p", str(prefix), "-e", f"{prefix}/logs/error.log",
                                 "-c", str(conf)])
    try:
        deadline = time.perf_counter() + 10
        while True:
            try:
                status, raw = http_get(port, "/", timeout=1)
                if status == 200:
                    break
            except OSError:
                pass
            if not nginx.alive() or time.perf_counter() > deadline:
                errors = (prefix / "logs/error.log").read_text(errors="replace").splitlines()
                raise BenchError(f"nginx did not answer 200 on port {port}:\n{nginx.tail(5)}\n"
                                 + "\n".join(errors[-5:]))
            time.sleep(0.01)
        body = raw.partition(b"\r\n\r\n")[2]
        if len(body) != results["page_bytes"]:
            raise BenchError(f"nginx served {len(body)} bytes, not {results['page_bytes']}")
        url = f"http://127.0.0.1:{port}/"
        wrk(url, "x", args.threads, args.connections, "2s", "nginx-warmup", work)
        r = wrk(url, "x" * 43, args.threads, args.connections, args.duration, "nginx", work)
        r["bytes_per_response"] = r["bytes_read"] / max(r["requests"], 1)
        r["expected_bytes_per_response"] = len(raw)
        r["workers"] = args.nginx_workers
        results["nginx"] = r
        log(f"nginx: {r['rps']:,.0f} requests/s, p50 {r['p50_ms']:.2f} ms, "
            f"p99 {r['p99_ms']:.2f} ms")
    finally:
        nginx.stop(signal.SIGQUIT)
    _, v = run(["nginx", "-v"], what="nginx -v")
    results["nginx_version"] = v.stderr.strip().removeprefix("nginx version: ")
    _, v = run(["wrk", "-v"], what="wrk -v", check=False)
    results["wrk_version"] = (v.stdout + v.stderr).strip().splitlines()[0]
    results["ratio"] = results["skillgym"]["rps"] / results["nginx"]["rps"]
    log(f"skillgym/nginx = {results['ratio']:.3f}")
    work.save("http", results)


# ---------------------------------------------------------------------------------------------
# The report



def bench_framework(items: int) -> dict:
    """A made-up framework of `items` competences in areas of six, in skillgym's own JSON shape
    (which bench/gen_surveymonkey.py reads too)."""
    levels = ["Not yet", "With help", "On my own", "Confidently", "Could teach others"]
    areas = []
    for a in range((items + 5) // 6):
        competences = [{"code": f"B{a + 1}-{c + 1}", "identifier": "",
                        "title": {"en": f"Benchmark skill {a + 1}.{c + 1}"}}
                       for c in range(6) if a * 6 + c < items]
        areas.append({"code": f"B{a + 1}", "identifier": "",
                      "title": {"en": f"Benchmark area {a + 1}"}, "competences": competences})
    return {"identifier": "", "code": f"BENCH-{items}", "title": {"en": f"Benchmark {items}"},
            "levels": [{"en": t} for t in levels], "areas": areas}


def framework_csv(f: dict, path: Path) -> None:
    import csv
    with open(path, "w", newline="", encoding="utf-8") as out:
        w = csv.writer(out)
        w.writerow(["kind", "code", "area", "title_en"])
        w.writerow(["framework", f["code"], "", f["title"]["en"]])
        for i, level in enumerate(f["levels"]):
            w.writerow(["level", str(i + 1), "", level["en"]])
        for area in f["areas"]:
            w.writerow(["area", area["code"], "", area["title"]["en"]])
            for c in area["competences"]:
                w.writerow(["competence", c["code"], area["code"], c["title"]["en"]])


def curl(args: list[str]) -> str:
    return subprocess.run(["curl", "-sS", "--max-time", "30"] + args, capture_output=True,
                          text=True, check=True).stdout


def step_survey(args, work: Work) -> None:
    """Imports a generated SurveyMonkey export of N respondents x M items, every item a
    self-rating of a competence of an M-competence framework, into a campaign that rates them
    all (on SQLite): the framework is imported with `skillgym import framework`, the campaign
    opened on the web as an admin would, and the file imported twice with
    `skillgym import responses` (the second time replaces the first)."""
    n, m = args.respondents, args.items
    data = work.root / "survey-sqlite"
    data.mkdir(parents=True, exist_ok=True)
    env = base_env()
    env["DATABASE_URL"] = f"sqlite://{data}/demo.db"
    run(demo_cmd(args, data, None, "--no-serve"), env, "skillgym demo --no-serve",
        log_to=work.logs / "survey-demo.log")
    framework = bench_framework(m)
    (work.root / "survey-framework.json").write_text(json.dumps(framework))
    framework_csv(framework, work.root / "survey-framework.csv")
    run([args.bin, "import", "framework", str(work.root / "survey-framework.csv"),
         "--data-dir", str(data)], env, "skillgym import framework",
        log_to=work.logs / "survey-framework.log")

    # The campaign, opened on the web like an admin would: every area of the framework.
    port = free_port()
    server = Proc(work, "survey-serve", [args.bin, "serve", "--data-dir", str(data), "--bind",
                                         f"127.0.0.1:{port}"], env=env)
    try:
        wait_healthy(server, port)
        cookie = f"sg_session={sign_in(port)}"
        base = f"http://127.0.0.1:{port}"
        frameworks = curl(["-b", cookie, f"{base}/frameworks"])
        found = re.search(r'href="/frameworks/(\d+)"[^>]*>Benchmark ' + str(m) + "<", frameworks)
        if not found:
            raise BenchError(f"the imported framework BENCH-{m} is not on /frameworks")
        form = curl(["-b", cookie, f"{base}/campaigns/new"])
        csrf = re.search(r'name="csrf" value="([^"]+)"', form).group(1)
        today = datetime.date.today()
        fields = [("csrf", csrf), ("title_en", f"Survey import benchmark ({m} items)"),
                  ("framework", found.group(1)), ("opens_on", today.isoformat()),
                  ("closes_on", (today + datetime.timedelta(days=28)).isoformat()),
                  ("anonymous", "yes")]
        fields += [("area", a["code"]) for a in framework["areas"]]
        posted = []
        for k, v in fields:
            posted += ["--data-urlencode", f"{k}={v}"]
        headers = curl(["-b", cookie, "-o", "/dev/null", "-D", "-"] + posted
                       + [f"{base}/campaigns/new"])
        where = re.search(r"(?im)^location: /campaigns/(\d+)", headers)
        if not where:
            raise BenchError(f"opening the campaign did not redirect to it:\n{headers}")
        campaign = where.group(1)
    finally:
        server.stop()

    content = work.root / "survey-content.json"
    content.write_text(json.dumps({"title": {"en": "x"}, "profile_questions": [], "quiz": []}))
    csv_path, mapping = work.root / "survey.csv", work.root / "survey-mapping.json"
    t_gen, _ = run([sys.executable, str(Path(__file__).with_name("gen_surveymonkey.py")), str(n),
                    str(m), str(csv_path), "--mapping", str(mapping), "--framework",
                    str(work.root / "survey-framework.json"), "--content", str(content)],
                   what="bench/gen_surveymonkey.py")
    mapped = len(json.loads(mapping.read_text())["columns"])
    if mapped != m:
        raise BenchError(f"the mapping names {mapped} columns, not {m}")
    cmd = [args.bin, "import", "responses", str(csv_path), "--campaign", campaign,
           "--mapping", str(mapping), "--data-dir", str(data)]
    load = os.getloadavg()[0]
    t_first, first = run(cmd, env, "skillgym import responses (first)",
                         log_to=work.logs / "survey-first.log")
    t_again, again = run(cmd, env, "skillgym import responses (again)",
                         log_to=work.logs / "survey-again.log")
    size = sum(f.stat().st_size for f in data.glob("demo.db*")) / 1024 / 1024
    results = {
        "backend": "sqlite", "respondents": n, "items": m, "competences": m,
        "file_mb": csv_path.stat().st_size / 1024 / 1024, "generate_s": t_gen,
        "first_s": t_first, "first_message": plain(first.stdout).strip(),
        "again_s": t_again, "again_message": plain(again.stdout).strip(),
        "ratings": n * m, "database_mb": size, "load_before": load,
    }
    if f"{n:,}" not in results["first_message"] and str(n) not in results["first_message"]:
        raise BenchError(f"the first import did not add {n} responses: "
                         f"{results['first_message']}")
    log(f"survey import: {n} x {m} in {t_first:.2f} s ({results['first_message']}); "
        f"again {t_again:.2f} s ({results['again_message']})")
    work.save("survey-sqlite", results)


def survey_section(work: Work) -> list[str] | None:
    """The survey import's section of docs/performance.md, between its markers."""
    r = work.load("survey-sqlite")
    if r is None:
        return None
    meta = work.load("meta") or {}
    m = machine()
    out = [SURVEY_START, "## Survey import\n"]
    w = out.append
    w(f"A generated SurveyMonkey \"all responses\" export (`bench/gen_surveymonkey.py`) of "
      f"{r['respondents']:,} anonymous respondents × {r['items']} items, every item a "
      f"self-rating of one competence of a {r['competences']}-competence framework "
      f"({r['file_mb']:.1f} MB), imported into a campaign that rates all "
      f"{r['competences']} with `skillgym import responses FILE --campaign N --mapping M` on "
      f"SQLite: {r['ratings']:,} ratings. The framework is imported from a framework CSV "
      f"and the campaign opened on the web, as an admin would. Wall time of the whole command, "
      f"from start to exit (reading, checking every row, and writing in one transaction).\n")
    load = r.get("load_before")
    w(f"Run on {m['date']} (commit `{meta.get('commit', '?')}`), {m['nproc']} CPU cores, "
      f"{m['cpu']}: `bench/survey_import` (or as part of `bench/run`)."
      + (f" The one-minute load average just before the import was {load:.1f}: other work "
         f"shared the cores." if load is not None and load >= 1 else "") + "\n")
    w("| Figure | Goal | SQLite |")
    w("|---|---|---|")
    w(f"| First import, wall time | < {SURVEY_GOAL_S} s | {r['first_s']:.2f} s "
      f"{verdict(r['first_s'] < SURVEY_GOAL_S)} |")
    w(f"| Respondents a second | – | {r['respondents'] / r['first_s']:,.0f} |")
    w(f"| Ratings a second | – | {r['ratings'] / r['first_s']:,.0f} |")
    w(f"| Same file again (every response replaced), wall time | – | {r['again_s']:.2f} s |")
    w(f"| Database size afterwards | – | {r['database_mb']:.0f} MB |")
    w("")
    w(f"What the command printed: \"{r['first_message']}\", then \"{r['again_message']}\".\n")
    w(SURVEY_END)
    return out


def step_survey_report(args, work: Work) -> None:
    """Replaces the survey section of an existing report, or adds it at the end."""
    section = survey_section(work)
    if section is None:
        raise BenchError("no survey results: run the survey step first")
    path = Path(args.out)
    text = path.read_text() if path.exists() else "# Performance\n"
    block = "\n".join(section)
    if SURVEY_START in text and SURVEY_END in text:
        head, rest = text.split(SURVEY_START, 1)
        tail = rest.split(SURVEY_END, 1)[1]
        text = head + block + tail
    else:
        text = text.rstrip("\n") + "\n\n" + block + "\n"
    path.write_text(text)
    print(f"    wrote the survey import section of {args.out}")

def flood_section(work: Work) -> list[str] | None:
    """The sign-in flood's section of docs/performance.md, between its markers: the figures
    bench/sign_in_flood (or bench/run) wrote as WORK/results/flood-*.json."""
    runs = [(name, work.load(f"flood-{name}")) for name in ("limited", "small-limited",
                                                             "small-unlimited")]
    runs = [(name, r) for name, r in runs if r is not None]
    if not runs:
        return None
    meta = work.load("meta") or {}
    m = machine()
    main = dict(runs).get("limited") or runs[0][1]
    default = main["default_password_checks"]

    def column(r: dict) -> str:
        limit = (f"limit of {default} at a time (the default)" if r["password_checks"] is None
                 else f"no limit (`--password-checks {r['password_checks']}`)")
        return f"{r['flood']} at once, {limit}"

    def answers(r: dict, status: str) -> str:
        a = r["answers"].get(status)
        if not a:
            return "0"
        return f"{a['count']:,} (p50 {a['p50_ms']:,.0f} ms, max {a['max_ms']:,.0f} ms)"

    out = [FLOOD_START, "## A flood of sign-ins\n"]
    w = out.append
    w("Peak resident memory of `skillgym demo` (release build, SQLite) while N sign-ins arrive "
      "at the same moment, each from its own loopback address and for an email of its own, so "
      "that the sign-in throttle turns none away and every one asks for an Argon2 check "
      "(19 MiB each, the argon2 crate's default parameters). Each client fetches the sign-in "
      "page first; then all post a wrong password at once. The peak is `VmHWM` in "
      "`/proc/PID/status` of the skillgym process, read after the last answer; MB here means "
      "MiB. The benchmark is `crates/skillgym/benches/sign_in_flood.rs`:\n")
    w("```sh")
    for _, r in runs:
        extra = f" --password-checks {r['password_checks']}" if r["password_checks"] else ""
        w(f"cargo bench -p skillgym --bench sign_in_flood -- --flood {r['flood']}{extra}")
    w("```\n")
    w(f"Run on {m['date']} (commit `{meta.get('commit', '?')}`), {m['nproc']} CPU cores, "
      f"{m['cpu']}, by `bench/sign_in_flood` (or as part of `bench/run`). Without the limit, "
      f"{main['flood']} checks at once would take about {main['flood'] * 19 / 1024:.1f} GB, "
      "more than a shared machine should be asked for, so the comparison without it is made "
      "with fewer. One-minute load average just before each flood: "
      + ", ".join(f"{r.get('load_before', 0):.1f}" for _, r in runs)
      + f" (above {m['nproc']}, the number of cores, other work shared them and the checks "
      "took longer).\n")
    w("| Figure | " + " | ".join(column(r) for _, r in runs) + " |")
    w("|---" * (len(runs) + 1) + "|")
    w("| **Peak resident memory** (`VmHWM`) | "
      + " | ".join(f"**{r['peak_mib']:,.1f} MB**" for _, r in runs) + " |")
    w("| Resident before the flood (after one sign-in) | "
      + " | ".join(f"{r['before_mib']:,.1f} MB" for _, r in runs) + " |")
    w("| Resident after it | " + " | ".join(f"{r['after_mib']:,.1f} MB" for _, r in runs) + " |")
    w("| Checked: wrong password (422) | " + " | ".join(answers(r, "422") for _, r in runs) + " |")
    w("| Turned away: busy (503 with `Retry-After`) | "
      + " | ".join(answers(r, "503") for _, r in runs) + " |")
    others = sorted({s for _, r in runs for s in r["answers"] if s not in ("422", "503")})
    for s in others:
        w(f"| Other answers ({'no answer' if s == '0' else s}) | "
          + " | ".join(answers(r, s) for _, r in runs) + " |")
    w("| Every answer in | " + " | ".join(f"{r['wall_s']:.2f} s" for _, r in runs) + " |")
    w("")
    w(f"With the limit, at most {default} checks run at once, each on one of skillgym's "
      f"{default} password threads, which takes 19 MiB for the check and gives it back after; the others "
      "wait up to 2 s for a turn and are then told to come back (503, with `Retry-After`, not "
      "counted against anyone by the throttle). So the peak is what one sign-in takes plus "
      f"about {default} × 19 MB, however many arrive. Without it, every check runs at once on "
      "a thread of its own and memory grows by about 19 MB with each.\n")
    w(FLOOD_END)
    return out


def step_flood_report(args, work: Work) -> None:
    """Replaces the sign-in flood section of an existing report, or adds it at the end."""
    section = flood_section(work)
    if section is None:
        raise BenchError("no sign-in flood results: run the benchmark first")
    path = Path(args.out)
    text = path.read_text() if path.exists() else "# Performance\n"
    block = "\n".join(section)
    if FLOOD_START in text and FLOOD_END in text:
        head, rest = text.split(FLOOD_START, 1)
        tail = rest.split(FLOOD_END, 1)[1]
        text = head + block + tail
    elif "<!-- analysis:begin -->" in text:
        # Where bench/run puts it: before the section bench/analysis owns.
        head, tail = text.split("<!-- analysis:begin -->", 1)
        text = head + block + "\n\n<!-- analysis:begin -->" + tail
    else:
        text = text.rstrip("\n") + "\n\n" + block + "\n"
    path.write_text(text)
    print(f"    wrote the sign-in flood section of {args.out}")


def staff_section(work: Work, imp: dict) -> list[str]:
    """The staff import's section of docs/performance.md, between its markers: the figures of
    the import step on both backends (bench/run, or bench/staff_import on its own)."""
    meta = work.load("meta") or {}
    m = machine()
    f0 = lambda v: f"{v:,.0f}"  # noqa: E731
    f1 = lambda v: f"{v:,.1f}"  # noqa: E731
    f2 = lambda v: f"{v:,.2f}"  # noqa: E731
    out = [STAFF_START]
    w = out.append
    s, p = imp["sqlite"], imp["postgres"]
    w("## Staff import\n")
    w(f"`skillgym import staff FILE` on a made-up file of {s['rows']:,} people "
      f"({f1(s['file_mb'])} MB) written by `bench/gen_staff.py`: valid rows on the default demo "
      f"organisation's sites, unique emails, every 20th person the line manager of the next 19, "
      f"20 teams (all new). Each import goes into a fresh default demo database "
      f"(`skillgym demo --no-serve`, 230 people). The rate is rows divided by the wall time of "
      f"the whole command: start, reading, parsing and checking the file, writing it in one "
      f"transaction, and exit. The file is then imported a second time (nothing changes) and "
      f"exported.\n")
    loads = [r.get("load_before") for r in (s, p) if r.get("load_before") is not None]
    w(f"Run on {m['date']} (commit `{meta.get('commit', '?')}`), {m['nproc']} CPU cores, "
      f"{m['cpu']}: `bench/staff_import` (or as part of `bench/run`)."
      + (f" The one-minute load average just before the imports was "
         f"{' and '.join(f'{v:.1f}' for v in loads)} (SQLite, PostgreSQL): other work shared "
         f"the cores." if loads and max(loads) >= 1 else "") + "\n")
    w("| Figure | Goal | SQLite | PostgreSQL |")
    w("|---|---|---|---|")
    w(f"| First import, rows/s | ≥ {IMPORT_ROWS_GOAL:,} rows/s on SQLite | "
      f"{f0(s['first_rate'])} rows/s {verdict(s['first_rate'] >= IMPORT_ROWS_GOAL)} | "
      f"{f0(p['first_rate'])} rows/s |")
    w(f"| First import, wall time | – | {f2(s['first_s'])} s | {f2(p['first_s'])} s |")
    w(f"| Same file again (all unchanged), wall time | – | {f2(s['again_s'])} s "
      f"({f0(s['again_rate'])} rows/s) | {f2(p['again_s'])} s ({f0(p['again_rate'])} rows/s) |")
    w(f"| `skillgym export staff` of all {s['exported_rows']:,} people | – | "
      f"{f2(s['export_s'])} s | {f2(p['export_s'])} s |")
    w(f"| Database size afterwards | – | {f0(s['database_mb'])} MB | "
      f"{f0(p['database_mb'])} MB |")
    w("")
    w(f"The first import reported “{s['first_message']}” (the new teams are listed too); the "
      f"second “{s['again_message']}”.\n")
    w("Where the first import's time goes, from sqlx's own timing of each statement (the "
      "timed import runs with `SKILLGYM_LOG=info,sqlx::query=debug`, which logs one line per "
      "statement; the rest of the wall time is start-up, reading, parsing and checking the "
      "file, loading what is stored, and exit):\n")
    w("| Statement | SQLite: count | SQLite: time | PostgreSQL: count | PostgreSQL: time |")
    w("|---|---|---|---|---|")
    kinds = []
    for e in s["statements"] + p["statements"]:
        if e[0] not in kinds:
            kinds.append(e[0])
    for kind in kinds:
        cells = []
        for r in (s, p):
            e = next((e for e in r["statements"] if e[0] == kind), None)
            cells += [f"{e[1]:,}", f"{f2(e[2])} s ({e[2] / r['first_s']:.0%})"] if e \
                else ["–", "–"]
        w(f"| `{kind} …` | " + " | ".join(cells) + " |")
    rest = [r["first_s"] - sum(e[2] for e in r["statements"]) for r in (s, p)]
    w(f"| everything else | | {f2(rest[0])} s | | {f2(rest[1])} s |")
    w("")
    w("How the new people are written (`crates/store/src/staff.rs`). On both backends their "
      "ids are known before any row is written, so every line manager's id is too, and each "
      "statement takes its rows as one JSON parameter (binding a dozen values a row through "
      "sqlx's `Any` driver cost more than writing them); the next statement's JSON is built "
      "while the database runs the one before. On SQLite the ids are the ones after the "
      "largest (the import holds the write lock). On PostgreSQL they are drawn from the "
      "table's sequence in one statement that looks the sequence up once and returns the "
      "ids as one text value: looking it up for every row and reading a row per id took "
      "0.35 s for 100,000 people.\n")
    w("Nearly all that remains on PostgreSQL is its own work on each row, whichever way the "
      "rows arrive: a person goes into seven indexes and is checked against three foreign "
      "keys (each check a trigger that runs a query), and each of their sites into two "
      "indexes and two more checks. Inserting the same 100,000 people from a table already "
      "inside PostgreSQL, with nothing to send or decode (the most `COPY … FROM STDIN` could "
      "save), took 2.4 to 2.8 s with `psql` on this machine: more than the 2.0 s the whole "
      "command may take at 50,000 rows/s. Decoding the JSON is a small part: 0.3 to 0.4 s for "
      "100,000 people, against 0.2 s for the same rows as tab-separated text. The store's "
      "queries go through sqlx's `Any` driver, which has no `COPY`.\n")
    w(STAFF_END)
    return out


def step_staff_report(args, work: Work) -> None:
    """Replaces the staff import section of an existing report (bench/run writes it whole)."""
    imp = {b: work.load(f"import-{b}") for b in ("sqlite", "postgres")}
    missing = [b for b, v in imp.items() if v is None]
    if missing:
        raise BenchError(f"no staff import results for: {', '.join(missing)}")
    path = Path(args.out)
    text = path.read_text() if path.exists() else "# Performance\n"
    block = "\n".join(staff_section(work, imp))
    if STAFF_START in text and STAFF_END in text:
        head, rest = text.split(STAFF_START, 1)
        tail = rest.split(STAFF_END, 1)[1]
        text = head + block + tail
    elif "\n## Staff import\n" in text:
        # A report from before the markers: its section runs to the next heading.
        head, rest = text.split("\n## Staff import\n", 1)
        tail = rest[rest.index("\n## "):] if "\n## " in rest else "\n"
        text = head + "\n" + block + "\n" + tail
    else:
        text = text.rstrip("\n") + "\n\n" + block + "\n"
    path.write_text(text)
    print(f"    wrote the staff import section of {args.out}")


def machine() -> dict:
    cpu = "unknown"
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            cpu = line.split(":", 1)[1].strip()
            break
    free = subprocess.run(["free", "-h"], capture_output=True, text=True).stdout.strip()
    mem = next((ln.split()[1] for ln in free.splitlines() if ln.startswith("Mem:")), "?")
    return {"nproc": os.cpu_count(), "cpu": cpu, "memory": mem, "free": free,
            "kernel": platform.release(),
            "date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")}


def write_section(out: Path, text: str, begin: str, end: str) -> None:
    """Puts `text` (which starts with `begin` and ends with `end`) in place of the section
    between those markers in `out`, or at its end."""
    old = out.read_text() if out.exists() else ""
    if begin in old and end in old:
        new = old[:old.index(begin)] + text + old[old.index(end) + len(end):]
    else:
        new = old.rstrip("\n") + "\n\n" + text + "\n"
    out.write_text(new)


def verdict(ok: bool) -> str:
    return "**pass**" if ok else "**FAIL**"


def step_report(args, work: Work) -> None:
    m = machine()
    cs, rss, http = work.load("coldstart"), work.load("rss"), work.load("http")
    imp = {b: work.load(f"import-{b}") for b in ("sqlite", "postgres")}
    meta = work.load("meta") or {}
    resp = {b: work.load(f"respondents-{b}") for b in ("sqlite", "postgres")}
    missing = [n for n, v in [("coldstart", cs), ("rss", rss), ("http", http),
                              ("import-sqlite", imp["sqlite"]),
                              ("import-postgres", imp["postgres"]),
                              ("respondents-sqlite", resp["sqlite"]),
                              ("respondents-postgres", resp["postgres"])] if v is None]
    if missing:
        raise BenchError(f"no results for: {', '.join(missing)}")
    f0 = lambda v: f"{v:,.0f}"  # noqa: E731
    f1 = lambda v: f"{v:,.1f}"  # noqa: E731
    f2 = lambda v: f"{v:,.2f}"  # noqa: E731
    out = []
    w = out.append
    w("# Performance\n")
    w("<!-- Generated by bench/run: do not edit by hand; run the script again instead. -->\n")
    w("How fast skillgym starts, how much memory it holds when idle, how quickly it imports a "
      "large staff file, how many signed-in pages it serves a second next to nginx serving "
      "a static file of the same size, how long submitting an audit page takes with 200 "
      "people answering at once, and how much memory a flood of sign-ins at once takes. "
      "These are benchmarks, not tests: nothing fails the "
      "build, and the figures depend on the machine.\n")
    w("## How these figures were made\n")
    w("```sh\nbench/run\n```\n")
    w(f"- Run on {m['date']}, skillgym {meta.get('version', '?')} "
      f"(commit `{meta.get('commit', '?')}`), release build.")
    w(f"- Machine: {m['nproc']} CPU cores (`nproc`), {m['cpu']}; {m['memory']} memory "
      f"(`free -h`); Linux {m['kernel']}.")
    w(f"- PostgreSQL {meta.get('postgres', '?')} on the same machine over TCP loopback; "
      f"{http['wrk_version']}; nginx {http['nginx_version']}.")
    w("- Everything runs on the same machine at once: the load generator (`wrk`), the server "
      "and, for imports, PostgreSQL share the same cores.\n")
    w("Details of `free -h` at the time of the run:\n")
    w("```text\n" + m["free"] + "\n```\n")

    w("## Cold start\n")
    w(f"From spawning `skillgym demo --data-dir D --bind 127.0.0.1:PORT` to the first `200` "
      f"from `/healthz`, with the database already created and migrated "
      f"(`skillgym demo --no-serve` ran once before). `/healthz` is polled in a tight loop "
      f"(a new loopback connection every 0.5 ms until one answers). {cs['demo']['runs']} "
      f"starts, each stopped with SIGTERM.\n")
    ok = cs["demo"]["median"] <= COLD_START_GOAL_MS
    w("| Figure | Goal | min | median | max | Result |")
    w("|---|---|---|---|---|---|")
    w(f"| Start to first `/healthz` 200, `skillgym demo` | ≤ {COLD_START_GOAL_MS} ms | "
      f"{f0(cs['demo']['min'])} ms | {f0(cs['demo']['median'])} ms | "
      f"{f0(cs['demo']['max'])} ms | {verdict(ok)} (median"
      f"{'' if cs['demo']['max'] <= COLD_START_GOAL_MS else '; the slowest run missed it'}) |")
    w(f"| The same database with `skillgym serve` (for comparison) | – | "
      f"{f0(cs['serve']['min'])} ms | {f0(cs['serve']['median'])} ms | "
      f"{f0(cs['serve']['max'])} ms | – |")
    stop = cs["demo"].get("stop_ms")
    if stop:
        w(f"| SIGTERM to exit, `skillgym demo` | – | {f0(stop['min'])} ms | "
          f"{f0(stop['median'])} ms | {f0(stop['max'])} ms | – |")
    w("")

    w("## Idle memory\n")
    w(f"Resident memory (`VmRSS` in `/proc/PID/status`) of `skillgym demo` after it started, "
      f"served {rss['requests']} requests (health check, sign-in page, signing in as the "
      f"administrator, and the home, people, sites and teams pages signed in) and then sat "
      f"idle for 2 s. "
      f"MB here means MiB.\n")
    ok = rss["idle_rss_mb"] <= RSS_GOAL_MB
    w("| Figure | Goal | Result |")
    w("|---|---|---|")
    w(f"| Idle resident memory | ≤ {RSS_GOAL_MB} MB | {f1(rss['idle_rss_mb'])} MB "
      f"{verdict(ok)} |")
    w(f"| Just after start (first `/healthz` 200) | – | {f1(rss['after_start_mb'])} MB |")
    w(f"| After `/healthz` and the sign-in page, before signing in | – | "
      f"{f1(rss['before_sign_in_mb'])} MB |")
    w(f"| Just after one sign-in (one Argon2 password check) | – | "
      f"{f1(rss['after_sign_in_mb'])} MB |")
    w(f"| Peak (`VmHWM`) during those requests | – | {f1(rss['peak_rss_mb'])} MB |")
    sg = http["skillgym"]
    w(f"| After the {http['duration']} `wrk` run below | – | {f1(sg['rss_after_mb'])} MB "
      f"(peak {f1(sg['peak_rss_mb'])} MB) |")
    w("")

    out += staff_section(work, imp)
    w("")

    n = http["nginx"]
    w("## Requests per second\n")
    w(f"The signed-in administrator's home page (`GET /` with the `sg_session` cookie; "
      f"{http['page_bytes']:,} bytes of HTML plus {http['page_head_bytes']:,} bytes of headers) "
      f"served by `skillgym demo` (SQLite), against nginx serving a static file of exactly the "
      f"same size (a copy of that page) on another loopback port, in the same run. nginx runs "
      f"with a private configuration: `worker_processes {n['workers']}` (on this machine "
      f"{m['nproc']} workers, as many as tokio's worker threads), `access_log off`, "
      f"`sendfile on`. Each server gets a 2 s warm-up, then:\n")
    w(f"```sh\n{sg['command']}\n```\n")
    ratio = http["ratio"]
    w("| Server | Requests/s | p50 latency | p99 latency | Errors |")
    w("|---|---|---|---|---|")
    for label, r in [("skillgym (default logging: one line per request)", sg),
                     ("skillgym with `SKILLGYM_LOG=warn` (for comparison)",
                      http["skillgym_quiet"]),
                     ("nginx, static file of the same size", n)]:
        errors = r["errors_non2xx"]
        w(f"| {label} | {f0(r['rps'])} | {f2(r['p50_ms'])} ms | {f2(r['p99_ms'])} ms | "
          f"{errors:,} non-2xx{', socket: ' + r['socket_errors'] if r['socket_errors'] else ''} |")
    w("")
    w("| Figure | Goal | Result |")
    w("|---|---|---|")
    w(f"| skillgym / nginx requests per second | ≥ 0.25 | **{ratio:.3f}** "
      f"(1 : {1 / ratio:,.1f}) {verdict(ratio >= 0.25)} |")
    w(f"| skillgym p99 latency | ≤ 10 ms | {f2(sg['p99_ms'])} ms "
      f"{verdict(sg['p99_ms'] <= 10)} |")
    w(f"| skillgym with `SKILLGYM_LOG=warn` / nginx | – | "
      f"{http['skillgym_quiet']['rps'] / n['rps']:.3f} |")
    w("")
    prof = sg.get("profile")
    if prof:
        w("### Where the time goes\n")
        w(f"A separate 6 s wrk run with `{prof['command']}` sampling the server (on-CPU time "
          "of all its threads). Share of samples:\n")
        w("| Where | Share |")
        w("|---|---|")
        for where, share in prof["shares"].items():
            w(f"| {where} | {share:.1f} % |")
        w("")
        w("The functions with the most samples:\n")
        w("| Share | Where | Function |")
        w("|---|---|---|")
        for share, dso, symbol in prof["top"]:
            w(f"| {share:.1f} % | `{dso}` | `{symbol}` |")
        w("")
        w("Until commit 28766b6 most of the time was the kernel handing the CPU between "
          "threads (37 % of samples, against 14 % for SQLite): sqlx runs each SQLite "
          "connection on a thread of its own, so every query went from a tokio worker to that "
          "thread and back, and each row came back on its own; the page asks four queries "
          "(the session with its roles in one row; the person with their sites and roles; the "
          "people, site and team counts; the open audits) and served 0.097 × nginx (measured "
          "at b30d3eb) to 0.111 × (at 28766b6, with no ping of a connection before each use). "
          "A signed-in page that reads only the session served three times as many (measured "
          "by hand: 16,500 against 5,600 a second). What "
          "changed it: on SQLite those four reads now run on the thread that serves the "
          "request, through connections of their own (`crates/store/src/inline.rs`, rusqlite "
          "on the same libsqlite3), with the rows decoded by the same functions as sqlx's. "
          "SQLite's own work is now the largest part of the profile above; every other query, "
          "and every write, still goes through sqlx. PostgreSQL is not affected: its queries "
          "go over a socket either way.\n")

    rs, rp = resp["sqlite"], resp["postgres"]
    w("## Submitting an audit page under load\n")
    w(f"{rs['respondents']} respondents answer an audit at once on loopback "
      f"(`cargo bench -p skillgym --bench respondents -- latency --backend sqlite|postgres`; "
      f"`crates/skillgym/benches/respondents.rs`). The benchmark spawns the release binary on a "
      f"demo organisation of {rs['people']} people, copies its open campaign so that nobody has "
      f"answered it yet, and gives each respondent a session through the store. Each "
      f"respondent (a tokio task with its own HTTP client and connection) starts the audit, "
      f"then for each of the {rs['sections']} sections fetches the page, pauses 0.5 to 1.5 × "
      f"{rs['think_ms']} ms, and posts random answers, and finally submits. A real person takes "
      f"a minute or more over a page, so this is far more load than {rs['respondents']} people "
      f"would make. The time to submit a page is the `POST` of a section, from sending the "
      f"request to the end of the `303` answer; the rate counts every request.\n")
    w("| Figure | Goal | SQLite | PostgreSQL |")
    w("|---|---|---|---|")
    for label, key in [("Submitting a page (`POST` section, `303`)", "save"),
                       ("Fetching a section page (`GET`, `200`)", "page"),
                       ("Finishing (`POST` check, `303`)", "submit")]:
        a, b = rs[key], rp[key]
        w(f"| {label}: p50 / p95 | – | {f2(a['p50_ms'])} / {f2(a['p95_ms'])} ms | "
          f"{f2(b['p50_ms'])} / {f2(b['p95_ms'])} ms |")
        if key == "save":
            goal = rs["goal_p99_ms"]
            w(f"| Submitting a page: p99 | ≤ {goal:.0f} ms on SQLite | "
              f"{f2(a['p99_ms'])} ms {verdict(a['p99_ms'] <= goal)} | {f2(b['p99_ms'])} ms |")
            w(f"| Submitting a page: max | – | {f2(a['max_ms'])} ms | {f2(b['max_ms'])} ms |")
    w(f"| Pages submitted | – | {rs['save']['count']:,} | {rp['save']['count']:,} |")
    w(f"| Requests/s (all kinds), wall time | – | {f0(rs['requests_per_s'])} "
      f"({rs['requests']:,} in {f1(rs['elapsed_s'])} s) | {f0(rp['requests_per_s'])} "
      f"({rp['requests']:,} in {f1(rp['elapsed_s'])} s) |")
    errs = [sum(n for k, n in r["statuses"].items() if k == "no answer" or int(k) >= 500)
            for r in (rs, rp)]
    w(f"| Errors (5xx or no answer) | 0 | {errs[0]:,} | {errs[1]:,} |")
    w("")

    w("## Notes\n")
    notes = [
        f"The machine has {m['nproc']} cores, shared by `wrk` (2 threads, 32 connections) and "
        "the server under test, so requests per second are lower than on a server machine and "
        "the ratio to nginx matters more than the absolute figures.",
        "Cold start is a cold *process* start: the binary and database files are in the page "
        "cache after the first run. The demo start also regenerates the made-up organisation "
        "in memory and counts its people before it listens; `skillgym serve` on the same "
        "database shows the start without that.",
        "The home page is dynamic: for every request skillgym looks up the session "
        "(one query), the person, the people, site and team counts, and renders the template, "
        "and writes one log line to stderr (redirected to a file here). nginx sends a file "
        "from the page cache.",
        f"wrk counts redirects as successes, so the script checks the session still works "
        f"after the run and that the bytes read per response "
        f"(~{f0(sg['bytes_per_response'])}) match a full page response "
        f"({f0(sg['expected_bytes_per_response'])} bytes with headers).",
        "SQLite runs in WAL mode with `synchronous = NORMAL`, as skillgym configures it. "
        "PostgreSQL runs with its Debian defaults (`fsync` on).",
    ]
    notes.append(
        f"Resident memory was {f1(rss['before_sign_in_mb'])} MB before signing in and "
        f"{f1(rss['after_sign_in_mb'])} MB after: the password check (Argon2 with the argon2 "
        "crate's default parameters) takes 19 MiB for the check and gives it back after, as "
        "skillgym has glibc give blocks of 4 MiB or more pages of their own (since commit "
        "14ab6b8; before, a password thread kept the 19 MiB for the next check and the "
        "server idled at 41 MB).")
    notes += meta.get("notes", [])
    for note in notes:
        w(f"- {note}")
    w("")
    # The survey import: this run's figures, or else the section an earlier
    # bench/survey_import run wrote, kept as it was.
    section = survey_section(work)
    if section is not None:
        out += section
    elif Path(args.out).exists():
        before = Path(args.out).read_text()
        if SURVEY_START in before and SURVEY_END in before:
            kept = before.split(SURVEY_START, 1)[1].split(SURVEY_END, 1)[0]
            out += [SURVEY_START + kept + SURVEY_END]
    # The sign-in flood likewise: this run's figures, or the section kept as it was.
    section = flood_section(work)
    if section is not None:
        out += ["", *section]
    elif Path(args.out).exists():
        before = Path(args.out).read_text()
        if FLOOD_START in before and FLOOD_END in before:
            kept = before.split(FLOOD_START, 1)[1].split(FLOOD_END, 1)[0]
            out += ["", FLOOD_START + kept + FLOOD_END]
    out.append("")
    # bench/analysis, bench/network, bench/plans, bench/training, bench/find_help and the xAPI
    # benchmark (crates/web/benches/xapi.rs) own the sections between their markers: keep them.
    previous = Path(args.out).read_text() if Path(args.out).exists() else ""
    for name in ("analysis", "network", "plans", "training", "xapi", "find-help"):
        begin, end = f"<!-- {name}:begin -->", f"<!-- {name}:end -->"
        if begin in previous and end in previous:
            out.append(previous[previous.index(begin):previous.index(end) + len(end)])
            out.append("")
    Path(args.out).write_text("\n".join(out))
    print(f"    wrote {args.out}")


def main() -> int:
    parser = argparse.ArgumentParser(description="skillgym benchmark steps (see bench/run)")
    parser.add_argument("step", choices=["sites", "coldstart", "rss", "import", "http", "survey",
                                         "report", "survey-report", "flood-report",
                                         "staff-report"])
    parser.add_argument("--work", required=True, help="the run's private temporary folder")
    parser.add_argument("--bin", help="the skillgym binary")
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--file", help="the staff file to import")
    parser.add_argument("--backend", choices=["sqlite", "postgres"])
    parser.add_argument("--pg-admin", default="postgres://root@127.0.0.1:5432/test",
                        help="a PostgreSQL database to run CREATE/DROP DATABASE from")
    parser.add_argument("--pg-base", default="postgres://root@127.0.0.1:5432",
                        help="the PostgreSQL server URL without a database name")
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--duration", default="10s")
    parser.add_argument("--nginx-workers", default="auto")
    parser.add_argument("--respondents", type=int, default=50_000)
    parser.add_argument("--items", type=int, default=60)
    parser.add_argument("--out")
    args = parser.parse_args()
    work = Work(args.work)
    if args.step not in ("report", "survey-report", "flood-report", "staff-report") \
            and not args.bin:
        parser.error("--bin is required")
    steps = {"sites": step_sites, "coldstart": step_coldstart, "rss": step_rss,
             "import": step_import, "http": step_http, "survey": step_survey,
             "report": step_report, "survey-report": step_survey_report,
             "flood-report": step_flood_report, "staff-report": step_staff_report}
    try:
        steps[args.step](args, work)
    except BenchError as e:
        print(f"bench: {args.step}: {e}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
