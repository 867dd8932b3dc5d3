//! Many sign-ins at once hold skillgym's memory to a few password checks' worth: the real
//! binary, its resident memory read from /proc.

use skillgym_test_db::{Backend, TestDb, both_backends};
use std::process::Stdio;
use std::time::Duration;
use tokio::io::{AsyncBufReadExt, BufReader};
use tokio::process::Command;

both_backends!(many_sign_ins_at_once_keep_memory_to_a_few_checks);

/// What one Argon2 check takes with the default parameters.
const CHECK_MIB: f64 = 19.0;

fn skillgym(db: &TestDb, data: &std::path::Path) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_skillgym"));
    command
        .env("DATABASE_URL", &db.url)
        .env("SKILLGYM_LOG", "warn")
        .env_remove("SKILLGYM_PASSWORD_CHECKS")
        .env_remove("SKILLGYM_TRUSTED_PROXIES")
        .env_remove("SKILLGYM_LANG")
        .env("LANG", "C.UTF-8")
        .arg("demo")
        .arg("--people")
        .arg("60")
        .arg("--data-dir")
        .arg(data);
    command
}

fn status_mib(pid: u32, field: &str) -> f64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap();
    let kb: f64 = status
        .lines()
        .find(|l| l.starts_with(field))
        .and_then(|l| l.split_whitespace().nth(1))
        .unwrap()
        .parse()
        .unwrap();
    kb / 1024.0
}

fn csrf_in(html: &str) -> String {
    let marker = "name=\"csrf\" value=\"";
    let start = html.find(marker).unwrap() + marker.len();
    html[start..start + html[start..].find('"').unwrap()].to_string()
}

/// Signs in with a wrong password as `email`, from a browser of its own; the answer's status.
async fn wrong_sign_in(url: &str, email: String) -> u16 {
    let client = reqwest::Client::builder()
        .cookie_store(true)
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let page = client
        .get(format!("{url}/sign-in"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let csrf = csrf_in(&page);
    client
        .post(format!("{url}/sign-in"))
        .form(&[
            ("csrf", csrf.as_str()),
            ("email", email.as_str()),
            ("password", "a wrong password"),
        ])
        .send()
        .await
        .unwrap()
        .status()
        .as_u16()
}

async fn many_sign_ins_at_once_keep_memory_to_a_few_checks(backend: Backend) {
    let db = TestDb::unmigrated(backend).await;
    let dir = tempfile::tempdir().unwrap();
    let seeded = skillgym(&db, dir.path())
        .arg("--no-serve")
        .output()
        .await
        .unwrap();
    assert!(seeded.status.success());
    let mut child = skillgym(&db, dir.path())
        .args(["--bind", "127.0.0.1:0", "--password-checks", "2"])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .kill_on_drop(true)
        .spawn()
        .unwrap();
    let pid = child.id().unwrap();
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let url = loop {
        let line = lines.next_line().await.unwrap().expect("skillgym listens");
        if let Some(at) = line.find("http://127.0.0.1:") {
            break line[at..].trim_end_matches('/').to_string();
        }
    };
    tokio::spawn(async move { while let Ok(Some(_)) = lines.next_line().await {} });

    // One check first, as in service; then 30 more, ten at a time.
    assert_eq!(wrong_sign_in(&url, "first@afon.example".into()).await, 422);
    let before = status_mib(pid, "VmRSS:");
    let mut checked = 0;
    for wave in 0..3 {
        let asks: Vec<_> = (0..10)
            .map(|i| tokio::spawn(wrong_sign_in_owned(url.clone(), wave * 10 + i)))
            .collect();
        for ask in asks {
            match ask.await.unwrap() {
                422 => checked += 1,
                503 => {}
                other => panic!("a sign-in was answered {other}"),
            }
        }
    }
    let peak = status_mib(pid, "VmHWM:");
    assert!(checked >= 20, "only {checked} of 30 were checked");
    // Two checks at a time, each on a thread that keeps its memory for the next: at most two
    // checks' worth more, and a little for everything else. Each check used to leave its
    // 19 MiB behind, on whichever thread it ran.
    assert!(
        peak - before < 2.0 * CHECK_MIB + 30.0,
        "{checked} checks took resident memory from {before:.1} MiB to a peak of {peak:.1} MiB"
    );
    let _ = tokio::time::timeout(Duration::from_secs(5), child.kill()).await;
}

async fn wrong_sign_in_owned(url: String, n: usize) -> u16 {
    wrong_sign_in(&url, format!("memory{n}@afon.example")).await
}
