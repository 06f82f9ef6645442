//! A real OpenSSH server on 127.0.0.1 for tests: a free port, a throwaway
//! host key, an `authorized_keys` of the test's own, logins only as the
//! user running the tests (root in CI). Stopped when dropped.
#![allow(dead_code)]

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// The server's program (an absolute path: sshd re-executes itself).
pub const SSHD: &str = "/usr/sbin/sshd";

/// How long to wait for the server to listen before giving up; a limit
/// on waiting, not a measurement.
const WAIT: Duration = Duration::from_secs(20);

pub struct Sshd {
    child: Child,
    pub port: u16,
    /// The user logged in as.
    pub user: String,
    /// What the server wrote (its log, -e), line by line.
    log: Arc<Mutex<Vec<String>>>,
    known_hosts: PathBuf,
}

/// A new key pair `dir/name` (ed25519, no passphrase): the private key's
/// path and the public key's line.
pub fn keypair(dir: &Path, name: &str) -> (PathBuf, String) {
    let key = dir.join(name);
    let out = Command::new("ssh-keygen")
        .args(["-q", "-t", "ed25519", "-N", "", "-C", name, "-f"])
        .arg(&key)
        .output()
        .expect("ssh-keygen runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let public = std::fs::read_to_string(key.with_extension("pub")).unwrap();
    (key, public.trim().to_string())
}

/// Why a server cannot be started here, if it cannot.
pub fn missing() -> Option<String> {
    if !Path::new(SSHD).exists() {
        return Some(format!("{SSHD} is not installed (openssh-server)"));
    }
    for tool in ["ssh", "ssh-keygen", "git-shell"] {
        let found = std::env::var_os("PATH")
            .is_some_and(|p| std::env::split_paths(&p).any(|d| d.join(tool).is_file()));
        if !found {
            return Some(format!("{tool} is not on PATH"));
        }
    }
    None
}

fn user_name() -> String {
    let out = Command::new("id").arg("-un").output().expect("id runs");
    String::from_utf8_lossy(&out.stdout).trim().to_string()
}

impl Sshd {
    /// Starts a server in `dir` (its keys, config and log stay there)
    /// admitting the keys of `authorized_keys` (the file's text). Err says
    /// why it could not serve a login.
    pub fn start(dir: &Path, authorized_keys: &str) -> Result<Sshd, String> {
        let user = user_name();
        // As root, sshd wants its privilege separation folder, which only
        // the system's service start makes.
        if super::skip::is_root() && !Path::new("/run/sshd").is_dir() {
            std::fs::create_dir_all("/run/sshd").map_err(|e| format!("/run/sshd: {e}"))?;
        }
        let host_key = dir.join("ssh_host_ed25519_key");
        if !host_key.exists() {
            keypair(dir, "ssh_host_ed25519_key");
        }
        let keys = dir.join("authorized_keys");
        std::fs::write(&keys, authorized_keys).map_err(|e| e.to_string())?;
        let known_hosts = dir.join("known_hosts");
        let mut last = String::new();
        // A free port can be taken by someone else before sshd binds it.
        for _attempt in 0..3 {
            let port = std::net::TcpListener::bind("127.0.0.1:0")
                .and_then(|l| l.local_addr())
                .map_err(|e| e.to_string())?
                .port();
            let config = dir.join("sshd_config");
            std::fs::write(
                &config,
                format!(
                    "ListenAddress 127.0.0.1\nPort {port}\nHostKey {}\nPidFile none\nAuthorizedKeysFile {}\nStrictModes no\nUsePAM no\nPermitRootLogin prohibit-password\nPasswordAuthentication no\nKbdInteractiveAuthentication no\nAllowUsers {user}\nAcceptEnv LANG LC_*\nPrintMotd no\nLogLevel VERBOSE\n",
                    host_key.display(),
                    keys.display()
                ),
            )
            .map_err(|e| e.to_string())?;
            let mut child = Command::new(SSHD)
                .args(["-D", "-e", "-f"])
                .arg(&config)
                .stdin(Stdio::null())
                .stdout(Stdio::null())
                .stderr(Stdio::piped())
                .spawn()
                .map_err(|e| format!("{SSHD}: {e}"))?;
            let log = Arc::new(Mutex::new(Vec::new()));
            let stderr = child.stderr.take().unwrap();
            let lines = Arc::clone(&log);
            std::thread::spawn(move || {
                for line in BufReader::new(stderr).lines().map_while(Result::ok) {
                    lines.lock().unwrap().push(line);
                }
            });
            let mut server = Sshd {
                child,
                port,
                user: user.clone(),
                log,
                known_hosts: known_hosts.clone(),
            };
            match server.wait_listening() {
                Ok(()) => return Ok(server),
                Err(why) => last = why,
            }
        }
        Err(last)
    }

    fn wait_listening(&mut self) -> Result<(), String> {
        let start = Instant::now();
        let listening = format!("Server listening on 127.0.0.1 port {}", self.port);
        loop {
            if self.log().contains(&listening) {
                return Ok(());
            }
            let exited = !matches!(self.child.try_wait(), Ok(None));
            if exited || start.elapsed() > WAIT {
                return Err(format!("sshd did not start: {}", self.log()));
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// Everything the server logged so far.
    pub fn log(&self) -> String {
        self.log.lock().unwrap().join("\n")
    }

    /// `GIT_SSH_COMMAND` for logging in with the private key `key`: this
    /// server's host key trusted on first sight, no other key or config
    /// tried, the client's LANG handed to the server.
    pub fn ssh_command(&self, key: &Path) -> String {
        let q = |p: &Path| format!("'{}'", p.display().to_string().replace('\'', r"'\''"));
        format!(
            "ssh -F /dev/null -i {} -o IdentitiesOnly=yes -o BatchMode=yes -o StrictHostKeyChecking=no -o UserKnownHostsFile={} -o SendEnv=LANG",
            q(key),
            q(&self.known_hosts)
        )
    }

    /// The ssh URL of the repository at `path` on this server.
    pub fn url(&self, path: &Path) -> String {
        format!(
            "ssh://{}@127.0.0.1:{}{}",
            self.user,
            self.port,
            path.display()
        )
    }
}

impl Drop for Sshd {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
