//! A real SMTP server for tests: Python's aiosmtpd, writing every message into a Maildir
//! that Python's own email parser reads back.

use skillgym_web::Mailer;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

/// An aiosmtpd process that writes every message it receives into a Maildir.
pub struct SmtpServer {
    child: Child,
    port: u16,
    dir: tempfile::TempDir,
}

impl SmtpServer {
    pub async fn start() -> Self {
        let dir = tempfile::tempdir().unwrap();
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let child = Command::new("python3")
            .args(["-m", "aiosmtpd", "-n", "-c", "aiosmtpd.handlers.Mailbox"])
            .arg(dir.path().join("mail"))
            .args(["-l", &format!("127.0.0.1:{port}")])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("python3 -m aiosmtpd runs (scripts/install-test-deps installs it)");
        // Held from here on, so that Drop stops the process whatever happens.
        let server = Self { child, port, dir };
        for _ in 0..100 {
            if tokio::net::TcpStream::connect(("127.0.0.1", port))
                .await
                .is_ok()
            {
                return server;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        panic!("aiosmtpd did not start on port {port}");
    }

    pub fn mailer(&self) -> Mailer {
        Mailer::new(
            &format!("smtp://127.0.0.1:{}", self.port),
            "Afon Skills <skills@afon.example>",
        )
        .unwrap()
    }

    /// Every message delivered so far, decoded by Python's email parser.
    pub fn messages(&self) -> Vec<Delivered> {
        let script = r#"
import email, email.policy, json, os, sys
root = sys.argv[1]
out = []
for sub in ("new", "cur"):
    folder = os.path.join(root, sub)
    if not os.path.isdir(folder):
        continue
    for name in sorted(os.listdir(folder)):
        with open(os.path.join(folder, name), "rb") as f:
            m = email.message_from_binary_file(f, policy=email.policy.default)
        out.append({"to": str(m["To"]), "subject": str(m["Subject"]),
                    "message_id": str(m["Message-ID"]), "body": m.get_content()})
print(json.dumps(out))
"#;
        let output = Command::new("python3")
            .args(["-c", script])
            .arg(self.dir.path().join("mail"))
            .output()
            .unwrap();
        assert!(
            output.status.success(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
        let parsed: Vec<serde_json::Value> = serde_json::from_slice(&output.stdout).unwrap();
        parsed
            .into_iter()
            .map(|m| Delivered {
                to: m["to"].as_str().unwrap().to_string(),
                subject: m["subject"].as_str().unwrap().to_string(),
                message_id: m["message_id"].as_str().unwrap().to_string(),
                body: m["body"].as_str().unwrap().replace("\r\n", "\n"),
            })
            .collect()
    }

    /// Waits until `n` messages have arrived (delivery is written just after the SMTP reply).
    pub async fn wait_for(&self, n: usize) -> Vec<Delivered> {
        for _ in 0..50 {
            let messages = self.messages();
            if messages.len() >= n {
                return messages;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        self.messages()
    }
}

impl Drop for SmtpServer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

#[derive(Debug, Clone)]
pub struct Delivered {
    pub to: String,
    pub subject: String,
    pub message_id: String,
    pub body: String,
}

impl Delivered {
    /// The first address in the body that starts with `base`.
    pub fn link(&self, base: &str) -> Option<String> {
        self.body
            .split_whitespace()
            .find(|w| w.starts_with(base))
            .map(str::to_string)
    }
}
