//! A flood of sign-ins: peak resident memory of the real release binary while hundreds of
//! password checks are asked for at once.
//!
//! A benchmark, not a test (`harness = false`; only `cargo bench` builds it). It seeds the demo
//! organisation on SQLite, starts `skillgym demo` on it, and gives each of N clients its own
//! HTTP connection from its own loopback address (127.1.x.y), so that the sign-in throttle
//! (per email and per address) turns none of them away: every one asks for an Argon2 check
//! (19 MiB each). Each fetches the sign-in page first, then all post a wrong password for an
//! email of their own at the same moment. skillgym's peak resident memory is `VmHWM` in
//! `/proc/PID/status`.
//!
//! ```sh
//! cargo bench -p skillgym --bench sign_in_flood -- [--flood N] [--password-checks N] [--json FILE]
//! ```
//!
//! `--flood N`: clients (500). `--password-checks N`: passed to skillgym (default: its own, two
//! per core); set it to the flood's size to see what memory the checks take with no limit.
//! Exits non-zero when a request fails in a way skillgym should never answer (no answer, a
//! 5xx other than 503, a 429).

use std::collections::BTreeMap;
use std::net::{IpAddr, Ipv4Addr};
use std::process::{ExitCode, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant};
use tokio::io::{AsyncBufReadExt, BufReader};
use tokio::process::Command;
use tokio::sync::Barrier;

const BIN: &str = env!("CARGO_BIN_EXE_skillgym");

type Res<T> = Result<T, Box<dyn std::error::Error + Send + Sync>>;

struct Options {
    flood: usize,
    password_checks: Option<usize>,
    json: Option<String>,
}

fn options() -> Res<Options> {
    let mut o = Options {
        flood: 500,
        password_checks: None,
        json: None,
    };
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let mut value = || args.next().ok_or_else(|| format!("{a} needs a value"));
        match a.as_str() {
            "--bench" => {}
            "--flood" => o.flood = value()?.parse()?,
            "--password-checks" => o.password_checks = Some(value()?.parse()?),
            "--json" => o.json = Some(value()?),
            other => return Err(format!("unknown argument {other}").into()),
        }
    }
    Ok(o)
}

fn command(data_dir: &std::path::Path) -> Command {
    let mut cmd = Command::new(BIN);
    for name in [
        "DATABASE_URL",
        "SKILLGYM_CONFIG",
        "SKILLGYM_BIND",
        "SKILLGYM_PUBLIC_URL",
        "SKILLGYM_TRUSTED_PROXIES",
        "SKILLGYM_PASSWORD_CHECKS",
        "SKILLGYM_LOG_FORMAT",
    ] {
        cmd.env_remove(name);
    }
    cmd.env("LANG", "C.UTF-8")
        .env("NO_COLOR", "1")
        .env("SKILLGYM_LOG", "warn")
        .arg("demo")
        .arg("--data-dir")
        .arg(data_dir)
        .arg("--people")
        .arg("60");
    cmd
}

/// A figure from `/proc/PID/status`, in MiB.
fn status_mib(pid: u32, field: &str) -> Res<f64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status"))?;
    let line = status
        .lines()
        .find(|l| l.starts_with(field))
        .ok_or_else(|| format!("no {field} in /proc/{pid}/status"))?;
    let kb: f64 = line.split_whitespace().nth(1).ok_or("no value")?.parse()?;
    Ok(kb / 1024.0)
}

fn csrf_in(html: &str) -> Option<String> {
    let marker = "name=\"csrf\" value=\"";
    let start = html.find(marker)? + marker.len();
    Some(html[start..start + html[start..].find('"')?].to_string())
}

/// The `i`th client's own loopback address.
fn address(i: usize) -> IpAddr {
    IpAddr::V4(Ipv4Addr::new(127, 1, (i / 250) as u8, (i % 250 + 1) as u8))
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    sorted[((sorted.len() - 1) as f64 * p).round() as usize]
}

#[tokio::main]
async fn main() -> ExitCode {
    match run().await {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::FAILURE,
        Err(e) => {
            eprintln!("sign_in_flood: {e}");
            ExitCode::FAILURE
        }
    }
}

async fn run() -> Res<bool> {
    let o = options()?;
    let dir = tempfile::tempdir()?;
    let seeded = command(dir.path()).arg("--no-serve").output().await?;
    if !seeded.status.success() {
        return Err(format!(
            "seeding the demo failed: {}",
            String::from_utf8_lossy(&seeded.stderr)
        )
        .into());
    }
    let mut serve = command(dir.path());
    serve.arg("--bind").arg("127.0.0.1:0");
    if let Some(n) = o.password_checks {
        serve.arg("--password-checks").arg(n.to_string());
    }
    let mut child = serve
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .kill_on_drop(true)
        .spawn()?;
    let pid = child.id().ok_or("skillgym exited at once")?;
    let mut lines = BufReader::new(child.stdout.take().ok_or("no stdout")?).lines();
    let url = loop {
        let line = lines
            .next_line()
            .await?
            .ok_or("skillgym stopped before it listened")?;
        if let Some(at) = line.find("http://127.0.0.1:") {
            break line[at..].trim_end_matches('/').to_string();
        }
    };
    // Keep reading, so that skillgym never blocks on a full pipe.
    tokio::spawn(async move { while let Ok(Some(_)) = lines.next_line().await {} });

    // One sign-in first, as in service: the page and one check, so the flood starts from a
    // server that has already checked a password once.
    let warm = reqwest::Client::builder().cookie_store(true).build()?;
    let page = warm
        .get(format!("{url}/sign-in"))
        .send()
        .await?
        .text()
        .await?;
    let csrf = csrf_in(&page).ok_or("no CSRF token on the sign-in page")?;
    warm.post(format!("{url}/sign-in"))
        .form(&[
            ("csrf", csrf.as_str()),
            ("email", "warm-up@afon.example"),
            ("password", "a guess"),
        ])
        .send()
        .await?;
    let before_mib = status_mib(pid, "VmRSS:")?;
    let before_hwm_mib = status_mib(pid, "VmHWM:")?;

    // Every client ready (its own address, connection, cookie and token) before any posts.
    let mut clients = Vec::with_capacity(o.flood);
    for i in 0..o.flood {
        let client = reqwest::Client::builder()
            .local_address(address(i))
            .cookie_store(true)
            .redirect(reqwest::redirect::Policy::none())
            .timeout(Duration::from_secs(120))
            .build()?;
        let page = client
            .get(format!("{url}/sign-in"))
            .send()
            .await?
            .text()
            .await?;
        let csrf = csrf_in(&page).ok_or("no CSRF token on the sign-in page")?;
        clients.push((client, csrf));
    }
    // Other work on the machine shares the cores (and so the time a check takes).
    let load_before: f64 = std::fs::read_to_string("/proc/loadavg")?
        .split_whitespace()
        .next()
        .ok_or("no load average")?
        .parse()?;
    let start = Arc::new(Barrier::new(o.flood));
    let began = Instant::now();
    let tasks: Vec<_> = clients
        .into_iter()
        .enumerate()
        .map(|(i, (client, csrf))| {
            let (start, url) = (start.clone(), url.clone());
            tokio::spawn(async move {
                start.wait().await;
                let sent = Instant::now();
                let email = format!("flood{i}@afon.example");
                let answer = client
                    .post(format!("{url}/sign-in"))
                    .form(&[
                        ("csrf", csrf.as_str()),
                        ("email", email.as_str()),
                        ("password", "a wrong password"),
                    ])
                    .send()
                    .await;
                let ms = sent.elapsed().as_secs_f64() * 1000.0;
                let status = match answer {
                    Ok(r) => {
                        let code = r.status().as_u16();
                        let retry = r.headers().contains_key("retry-after");
                        let _ = r.bytes().await;
                        if code == 503 && !retry { 0 } else { code }
                    }
                    Err(_) => 0,
                };
                (status, ms)
            })
        })
        .collect();
    let mut by_status: BTreeMap<u16, Vec<f64>> = BTreeMap::new();
    for task in tasks {
        let (status, ms) = task.await?;
        by_status.entry(status).or_default().push(ms);
    }
    let wall_s = began.elapsed().as_secs_f64();
    let peak_mib = status_mib(pid, "VmHWM:")?;
    let after_mib = status_mib(pid, "VmRSS:")?;
    let _ = std::process::Command::new("kill")
        .arg("-TERM")
        .arg(pid.to_string())
        .status();
    let _ = tokio::time::timeout(Duration::from_secs(10), child.wait()).await;

    let at_once = o
        .password_checks
        .map_or_else(|| "default (two per core)".to_string(), |n| n.to_string());
    println!(
        "{} sign-ins at once, password checks at once: {at_once}",
        o.flood
    );
    println!(
        "resident memory: {before_mib:.1} MiB before (peak so far {before_hwm_mib:.1}), \
         peak {peak_mib:.1} MiB during the flood, {after_mib:.1} MiB after"
    );
    let mut answers = serde_json::Map::new();
    for (status, times) in &mut by_status {
        times.sort_by(f64::total_cmp);
        println!(
            "  {status}: {} answers, p50 {:.0} ms, max {:.0} ms",
            times.len(),
            percentile(times, 0.5),
            percentile(times, 1.0)
        );
        answers.insert(
            status.to_string(),
            serde_json::json!({
                "count": times.len(),
                "p50_ms": percentile(times, 0.5),
                "max_ms": percentile(times, 1.0),
            }),
        );
    }
    println!("  all answered in {wall_s:.2} s");
    if let Some(path) = &o.json {
        let figures = serde_json::json!({
            "flood": o.flood,
            "password_checks": o.password_checks,
            "default_password_checks": 2 * std::thread::available_parallelism()?.get(),
            "before_mib": before_mib,
            "peak_mib": peak_mib,
            "after_mib": after_mib,
            "wall_s": wall_s,
            "load_before": load_before,
            "answers": answers,
        });
        std::fs::write(path, serde_json::to_string_pretty(&figures)?)?;
    }
    // A wrong password (422) or "busy, come back" (503 with Retry-After) are the only right
    // answers; anything else (no answer, 0 here) means the flood broke something.
    let wrong = by_status.keys().any(|s| ![422, 503].contains(s));
    if wrong {
        println!("FAIL: answers other than 422 and 503 with Retry-After");
    }
    Ok(!wrong)
}
