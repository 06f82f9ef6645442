//! Files named on the command line, with the real binary: every `-o`
//! (import, export, overview) writes only a regular file, replaced
//! atomically with its mode and group kept, and refuses devices, pipes
//! and folders leaving them as they were; every file read (a plan's text,
//! a follow-up, a plan, a keymap, the config file) is read with a bound,
//! so `/dev/zero` or a huge sparse file ends in a clear error.
//!
//! The binary runs with its address space limited, so a reader without a
//! bound fails here instead of exhausting the machine's memory.
// Sets up processes and files through libc as the program's users would.
#![allow(unsafe_code)]

mod common;
use common::{Sandbox, text};
use std::os::unix::fs::{FileTypeExt, MetadataExt, PermissionsExt};
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::Output;

/// Far more than any command here needs, far less than reading
/// `/dev/zero` until it fails would take.
const ADDRESS_SPACE: u64 = 2 << 30;

use common::skip::is_root;

/// Runs the binary with `args`, its address space limited and `umask`
/// set when given.
fn run(sb: &Sandbox, args: &[&str], umask: Option<u32>) -> Output {
    let mut cmd = sb.cmd();
    cmd.args(args).current_dir(sb.path());
    // Safe: only async-signal-safe calls between fork and exec.
    unsafe {
        cmd.pre_exec(move || {
            let limit = libc::rlimit {
                rlim_cur: ADDRESS_SPACE,
                rlim_max: ADDRESS_SPACE,
            };
            libc::setrlimit(libc::RLIMIT_AS, &limit);
            if let Some(mask) = umask {
                libc::umask(mask as libc::mode_t);
            }
            Ok(())
        });
    }
    cmd.output().unwrap()
}

fn fixture(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(path)
}

/// The three commands with `-o`, each with the arguments that make it
/// write something, in a workspace with a committed T1.
struct Commands {
    sb: Sandbox,
    runs: Vec<(&'static str, Vec<String>)>,
}

impl Commands {
    fn new() -> Commands {
        let sb = Sandbox::new();
        let ws = sb.init_samples("ws");
        let out = sb.record(
            &ws,
            "bestallarenhet-2",
            "2025-T1",
            &fixture("bestallarenhet-2-2025-T1.toml"),
            "Anna Chef <anna@example.invalid>",
            &[],
        );
        assert!(out.status.success(), "{}", text(&out.stderr));
        let ws = ws.to_str().unwrap().to_string();
        let seed = fixture("import/seed-001.txt");
        let runs = vec![
            (
                "import",
                vec!["import".into(), seed.to_str().unwrap().into()],
            ),
            (
                "export",
                [
                    "export",
                    &ws,
                    "--unit",
                    "bestallarenhet-2",
                    "--period",
                    "2025-T1",
                ]
                .map(String::from)
                .to_vec(),
            ),
            (
                "overview",
                ["overview", &ws, "--period", "2025-T1"]
                    .map(String::from)
                    .to_vec(),
            ),
        ];
        Commands { sb, runs }
    }

    /// Each command with `-o out` (after `umask` when given).
    fn each_to(&self, out: &Path, umask: Option<u32>) -> Vec<(&'static str, Output)> {
        self.runs
            .iter()
            .map(|(name, _)| (*name, self.one_to(name, out, umask)))
            .collect()
    }

    /// The command `name` with `-o out`.
    fn one_to(&self, name: &str, out: &Path, umask: Option<u32>) -> Output {
        let (_, args) = self.runs.iter().find(|(n, _)| *n == name).unwrap();
        let mut args: Vec<&str> = args.iter().map(String::as_str).collect();
        args.extend(["-o", out.to_str().unwrap()]);
        run(&self.sb, &args, umask)
    }

    /// What each command writes to standard output.
    fn expected(&self, name: &str) -> Vec<u8> {
        let (_, args) = self.runs.iter().find(|(n, _)| *n == name).unwrap();
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let out = run(&self.sb, &args, None);
        assert!(out.status.success(), "{}", text(&out.stderr));
        out.stdout
    }

    fn dir(&self, name: &str) -> PathBuf {
        let d = self.sb.path().join(name);
        std::fs::create_dir_all(&d).unwrap();
        d
    }
}

fn names(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    v.sort();
    v
}

/// Exit status 2 with `words` in the message and "nothing written".
fn assert_refused(name: &str, out: &Output, words: &str) {
    let err = text(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{name}: {err}");
    assert!(err.contains(words), "{name}: {err}");
    assert!(err.contains("inget har skrivits"), "{name}: {err}");
}

fn c_path(p: &Path) -> std::ffi::CString {
    use std::os::unix::ffi::OsStrExt;
    std::ffi::CString::new(p.as_os_str().as_bytes()).unwrap()
}

#[test]
fn a_device_is_refused_and_stays_a_device() {
    let c = Commands::new();
    // First a null device of the test's own: were it replaced, /dev/null
    // below is never tried.
    if common::skip::ready_or_skip(
        is_root(),
        "ROOT",
        "a device node of the test's own",
        "only root can make one",
    ) {
        let dir = c.dir("dev");
        let null = dir.join("null");
        let dev = libc::makedev(1, 3);
        // Safe: a valid path; mknod has no other preconditions.
        let made = unsafe { libc::mknod(c_path(&null).as_ptr(), libc::S_IFCHR | 0o666, dev) };
        assert_eq!(made, 0, "mknod");
        for (name, out) in c.each_to(&null, None) {
            assert_refused(name, &out, "är en teckenenhet");
            let meta = std::fs::symlink_metadata(&null).unwrap();
            assert!(meta.file_type().is_char_device(), "{name} replaced it");
            assert_eq!(meta.rdev(), dev);
        }
        assert_eq!(names(&dir), ["null"]);
    }
    let before = std::fs::symlink_metadata("/dev/null").unwrap();
    assert!(before.file_type().is_char_device());
    for (name, out) in c.each_to(Path::new("/dev/null"), None) {
        assert_refused(name, &out, "är en teckenenhet");
        let after = std::fs::symlink_metadata("/dev/null").unwrap();
        assert!(after.file_type().is_char_device(), "{name} replaced it");
        assert_eq!((after.ino(), after.rdev()), (before.ino(), before.rdev()));
    }
}

#[test]
fn a_named_pipe_is_refused_and_stays_a_pipe() {
    let c = Commands::new();
    let dir = c.dir("out");
    let fifo = dir.join("pipe");
    // Safe: a valid path.
    assert_eq!(unsafe { libc::mkfifo(c_path(&fifo).as_ptr(), 0o644) }, 0);
    for (name, out) in c.each_to(&fifo, None) {
        assert_refused(name, &out, "namngiven rörledning");
        assert!(
            std::fs::symlink_metadata(&fifo)
                .unwrap()
                .file_type()
                .is_fifo()
        );
    }
    assert_eq!(names(&dir), ["pipe"]);
}

#[test]
fn a_folder_is_refused_and_left_as_it_was() {
    let c = Commands::new();
    let dir = c.dir("out");
    std::fs::write(dir.join("keep.txt"), "keep").unwrap();
    for (name, out) in c.each_to(&dir, None) {
        assert_refused(name, &out, "är en mapp");
        assert_eq!(names(&dir), ["keep.txt"], "{name}");
    }
}

#[test]
fn a_link_is_followed_and_its_file_replaced_in_its_own_folder() {
    let c = Commands::new();
    let real_dir = c.dir("real");
    let link_dir = c.dir("links");
    let real = real_dir.join("report");
    let link = link_dir.join("report");
    std::os::unix::fs::symlink(&real, &link).unwrap();
    for (name, out) in c.each_to(&link, None) {
        // A link to nothing is refused: nothing is made where it points.
        assert_refused(name, &out, "länk till något som inte finns");
        assert!(!real.exists(), "{name}");
    }
    std::fs::write(&real, "old").unwrap();
    std::fs::set_permissions(&real, std::fs::Permissions::from_mode(0o640)).unwrap();
    for (name, _) in &c.runs {
        let out = c.one_to(name, &link, None);
        assert!(out.status.success(), "{name}: {}", text(&out.stderr));
        let meta = std::fs::symlink_metadata(&link).unwrap();
        assert!(meta.file_type().is_symlink(), "{name} replaced the link");
        assert_eq!(std::fs::read_link(&link).unwrap(), real);
        assert!(std::fs::read(&real).unwrap() == c.expected(name), "{name}");
        let mode = std::fs::metadata(&real).unwrap().permissions().mode();
        assert_eq!(mode & 0o7777, 0o640, "{name}");
        // No temporary file left in either folder.
        assert_eq!(names(&real_dir), ["report"]);
        assert_eq!(names(&link_dir), ["report"]);
        std::fs::write(&real, "old").unwrap();
    }
}

#[test]
fn an_existing_file_keeps_its_mode_and_owner() {
    let c = Commands::new();
    let dir = c.dir("out");
    let file = dir.join("shared");
    let as_root = common::skip::ready_or_skip(
        is_root(),
        "ROOT",
        "the owner and group kept on a replaced file",
        "only root can give a file to another owner",
    );
    for (name, _) in &c.runs {
        std::fs::write(&file, "old").unwrap();
        std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o664)).unwrap();
        if as_root {
            std::os::unix::fs::chown(&file, Some(4243), Some(4242)).unwrap();
        }
        let out = c.one_to(name, &file, Some(0o077));
        assert!(out.status.success(), "{name}: {}", text(&out.stderr));
        assert!(std::fs::read(&file).unwrap() == c.expected(name), "{name}");
        let meta = std::fs::metadata(&file).unwrap();
        assert_eq!(meta.permissions().mode() & 0o7777, 0o664, "{name}");
        if as_root {
            assert_eq!((meta.uid(), meta.gid()), (4243, 4242), "{name}");
        }
        assert_eq!(names(&dir), ["shared"]);
    }
}

#[test]
fn a_read_only_file_is_left_alone_though_its_folder_is_writable() {
    let sb = Sandbox::new();
    let dir = sb.path().join("open");
    std::fs::create_dir(&dir).unwrap();
    let file = dir.join("plan.toml");
    std::fs::write(&file, "old").unwrap();
    std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o444)).unwrap();
    let mut cmd = sb.cmd();
    let seed = fixture("import/seed-001.txt");
    cmd.args([
        "import",
        seed.to_str().unwrap(),
        "-o",
        file.to_str().unwrap(),
    ]);
    if is_root() {
        // Root may write any file; the owner of nothing here may not.
        for d in [sb.path(), &dir] {
            std::fs::set_permissions(d, std::fs::Permissions::from_mode(0o777)).unwrap();
        }
        // Safe: setgid and setuid are async-signal-safe.
        unsafe {
            cmd.pre_exec(|| {
                if libc::setgid(65534) != 0 || libc::setuid(65534) != 0 {
                    return Err(std::io::Error::last_os_error());
                }
                Ok(())
            });
        }
    }
    let out = cmd.output().unwrap();
    assert_refused("import", &out, "skrivskyddad");
    assert_eq!(std::fs::read_to_string(&file).unwrap(), "old");
    assert_eq!(names(&dir), ["plan.toml"]);
}

#[test]
fn a_new_file_gets_the_mode_the_umask_gives() {
    let c = Commands::new();
    for (umask, mode) in [(0o027, 0o640), (0o002, 0o664)] {
        let dir = c.dir(&format!("umask-{umask:o}"));
        for (name, _) in &c.runs {
            let out = c.one_to(name, &dir.join("new"), Some(umask));
            assert!(out.status.success(), "{name}: {}", text(&out.stderr));
            let got = std::fs::metadata(dir.join("new")).unwrap().permissions();
            assert_eq!(got.mode() & 0o7777, mode, "{name} with umask {umask:o}");
            std::fs::remove_file(dir.join("new")).unwrap();
        }
    }
}

#[test]
fn a_missing_folder_is_a_clear_error_and_not_made() {
    let c = Commands::new();
    let missing = c.sb.path().join("nope");
    for (name, out) in c.each_to(&missing.join("x.toml"), None) {
        assert_refused(name, &out, "finns inte");
        assert!(!missing.exists(), "{name} made the folder");
    }
}

#[test]
fn dash_is_standard_output() {
    let c = Commands::new();
    let before = names(c.sb.path());
    for (name, out) in c.each_to(Path::new("-"), None) {
        assert!(out.status.success(), "{name}: {}", text(&out.stderr));
        assert!(out.stdout == c.expected(name), "{name}");
        assert_eq!(names(c.sb.path()), before, "{name} wrote a file");
    }
}

// ---- bounded reads -------------------------------------------------------

/// A sparse file of 16 GiB: nothing on disk, everything to read.
fn huge_sparse(path: &Path) {
    let f = std::fs::File::create(path).unwrap();
    f.set_len(16 << 30).unwrap();
}

fn assert_too_large(what: &str, out: &Output, code: i32) {
    let err = text(&out.stderr) + &text(&out.stdout);
    assert_eq!(out.status.code(), Some(code), "{what}: {err}");
    assert!(err.contains("en sådan fil får vara"), "{what}: {err}");
}

#[test]
fn import_and_record_of_a_device_or_a_huge_file_end_in_a_clear_error() {
    let sb = Sandbox::new();
    let ws = sb.init_samples("ws");
    let ws = ws.to_str().unwrap();
    let sparse = sb.path().join("huge.txt");
    huge_sparse(&sparse);
    let sparse = sparse.to_str().unwrap();
    for input in ["/dev/zero", sparse] {
        let out = run(&sb, &["import", input], None);
        assert_too_large(&format!("import {input}"), &out, 2);
        let record = [
            "record",
            ws,
            "--unit",
            "bestallarenhet-2",
            "--period",
            "2025-T1",
            "--from",
            input,
            "--author",
            "A <a@example.invalid>",
        ];
        assert_too_large(
            &format!("record --from {input}"),
            &run(&sb, &record, None),
            2,
        );
    }
}

#[test]
fn a_plan_that_is_a_device_or_huge_ends_in_a_clear_error() {
    let sb = Sandbox::new();
    let ws = sb.init_samples("ws");
    let plans = ws.join("plans/2025");
    std::os::unix::fs::symlink("/dev/zero", plans.join("zero.toml")).unwrap();
    huge_sparse(&plans.join("huge.toml"));
    let ws = ws.to_str().unwrap();
    for unit in ["zero", "huge"] {
        let record = [
            "record", ws, "--unit", unit, "--period", "2025-T1", "--from", "x.toml",
        ];
        assert_too_large(
            &format!("record --unit {unit}"),
            &run(&sb, &record, None),
            2,
        );
        let export = ["export", ws, "--unit", unit, "--period", "2025-T1"];
        assert_too_large(
            &format!("export --unit {unit}"),
            &run(&sb, &export, None),
            2,
        );
    }
    assert_too_large("check", &run(&sb, &["check", ws], None), 1);
}

#[test]
fn keymap_and_config_files_that_are_devices_or_huge_end_in_a_clear_error() {
    let sb = Sandbox::new();
    let sparse = sb.path().join("huge.toml");
    huge_sparse(&sparse);
    let sparse = sparse.to_str().unwrap();
    for file in ["/dev/zero", sparse] {
        let out = run(&sb, &["keymap", "check", file], None);
        assert_too_large(&format!("keymap check {file}"), &out, 2);
        let out = run(&sb, &["keymap", "print", "--keymap", file], None);
        assert_too_large(&format!("keymap print --keymap {file}"), &out, 1);
    }
    let config = sb.path().join(".config/tertial");
    std::fs::create_dir_all(&config).unwrap();
    std::os::unix::fs::symlink("/dev/zero", config.join("config.toml")).unwrap();
    std::os::unix::fs::symlink(sparse, config.join("keymap.toml")).unwrap();
    let out = run(&sb, &["keymap", "print"], None);
    assert_too_large("config.toml and keymap.toml", &out, 1);
    let err = text(&out.stderr);
    assert!(
        err.contains("config.toml") && err.contains("keymap.toml"),
        "{err}"
    );
}
