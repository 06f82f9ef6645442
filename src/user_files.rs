//! Files the user names on the command line: read with a size bound, and
//! written as a command's output (standard output, or a regular file
//! replaced atomically, keeping its mode and group).

use crate::i18n::Lang;
use std::fs::{File, Metadata, Permissions};
use std::io::{ErrorKind, Read, Write};
use std::os::unix::fs::{FileTypeExt, MetadataExt, PermissionsExt};
use std::path::{Path, PathBuf};

fn os(e: &std::io::Error) -> String {
    crate::oserr::shown(e)
}

fn shown(path: &Path) -> String {
    crate::sanitize::line(&path.display().to_string()).into_owned()
}

fn size(bytes: usize) -> String {
    const MIB: usize = 1024 * 1024;
    if bytes >= MIB && bytes.is_multiple_of(MIB) {
        format!("{} MiB", bytes / MIB)
    } else {
        format!("{} KiB", bytes / 1024)
    }
}

/// Reads the file at `path` when it holds at most `limit` bytes, else
/// refuses. At most `limit + 1` bytes are ever read, so a device
/// (`/dev/zero`), a pipe or a huge sparse file ends in a clear error
/// instead of filling memory.
pub fn read_bounded(path: &Path, limit: usize) -> std::io::Result<Vec<u8>> {
    let lang = crate::i18n::current();
    let file = File::open(path)?;
    let meta = file.metadata()?;
    if meta.is_dir() {
        return Err(std::io::Error::new(
            ErrorKind::IsADirectory,
            lang.t("är en mapp, inte en fil", "is a folder, not a file"),
        ));
    }
    if meta.is_file() && meta.len() > limit as u64 {
        return Err(too_large(lang, Some(meta.len()), limit));
    }
    let expected = if meta.is_file() {
        meta.len() as usize + 1
    } else {
        64 * 1024
    };
    let mut bytes = Vec::with_capacity(expected.min(limit + 1));
    file.take(limit as u64 + 1).read_to_end(&mut bytes)?;
    if bytes.len() > limit {
        return Err(too_large(lang, None, limit));
    }
    Ok(bytes)
}

fn too_large(lang: Lang, len: Option<u64>, limit: usize) -> std::io::Error {
    let max = size(limit);
    let message = match (lang, len) {
        (Lang::Sv, Some(len)) => format!(
            "filen är {len} byte, mer än de {limit} byte ({max}) en sådan fil får vara; är det rätt fil?"
        ),
        (Lang::Sv, None) => format!(
            "filen är större än de {limit} byte ({max}) en sådan fil får vara; är det rätt fil?"
        ),
        (Lang::En, Some(len)) => format!(
            "the file is {len} bytes, more than the {limit} bytes ({max}) such a file may be; is it the right file?"
        ),
        (Lang::En, None) => format!(
            "the file is larger than the {limit} bytes ({max}) such a file may be; is it the right file?"
        ),
    };
    std::io::Error::new(ErrorKind::FileTooLarge, message)
}

/// The file `-o` names; `None` for standard output (no `-o`, or `-o -`).
pub fn output_file(output: Option<&Path>) -> Option<&Path> {
    output.filter(|p| p.as_os_str() != "-")
}

/// Writes a command's output to standard output or to the file `-o`
/// names (see [`write_file`]).
pub fn write_output(output: Option<&Path>, bytes: &[u8]) -> anyhow::Result<()> {
    match output_file(output) {
        Some(path) => write_file(path, bytes),
        None => {
            let mut out = std::io::stdout().lock();
            out.write_all(bytes)?;
            out.flush()?;
            Ok(())
        }
    }
}

/// Writes `bytes` to the regular file `path`, replacing what is there
/// atomically: a temporary file in the same folder is written, synced
/// and renamed over it, so a reader sees the old file or the whole new
/// one. An existing file keeps its permission bits, and its owner and
/// group where the user may set them; a new file gets the umask's mode.
///
/// Only regular files are written: a device, a named pipe, a socket or a
/// folder is refused and left as it is. A symbolic link is followed to
/// the regular file it names, which is replaced in its own folder (the
/// link stays a link); a link to nothing is refused, since following it
/// would create a file somewhere the user did not name. A read-only file
/// is refused, though its folder would let it be replaced. A missing
/// folder is not created. On any error nothing is changed.
///
/// Being a new file, the result has no other hard links (they keep the
/// old content), no ACLs or extended attributes, and no set-id bits. The
/// checks and the rename are not one step: someone who may write the
/// folder can swap the name between them, as with any editor's save.
pub fn write_file(path: &Path, bytes: &[u8]) -> anyhow::Result<()> {
    let lang = crate::i18n::current();
    let target = resolve(path, lang)?;
    replace(&target.path, target.existing.as_ref(), bytes).map_err(|e| {
        anyhow::anyhow!(
            "{}: {} {}; {}",
            shown(path),
            lang.t("kan inte skriva:", "cannot write:"),
            crate::oserr::text(&e, lang),
            lang.t("inget har skrivits", "nothing was written")
        )
    })
}

/// Where the bytes go: the regular file itself (a link resolved), and
/// what it is now when it exists.
struct Target {
    path: PathBuf,
    existing: Option<Metadata>,
}

fn resolve(path: &Path, lang: Lang) -> anyhow::Result<Target> {
    let nothing = lang.t("inget har skrivits", "nothing was written");
    let cannot = lang.t("kan inte skriva:", "cannot write:");
    let refuse = |who: &str, what: &str| anyhow::anyhow!("{who}: {what}; {nothing}");
    let name = shown(path);
    let meta = match std::fs::symlink_metadata(path) {
        Ok(m) => m,
        Err(e) if e.kind() == ErrorKind::NotFound => {
            return new_file(path, lang).map_err(|what| refuse(&name, &what));
        }
        Err(e) => return Err(refuse(&name, &format!("{cannot} {}", os(&e)))),
    };
    let (real, meta) = if meta.file_type().is_symlink() {
        let real = match std::fs::canonicalize(path) {
            Ok(r) => r,
            Err(e) if e.kind() == ErrorKind::NotFound => {
                let what = lang.t(
                    "är en symbolisk länk till något som inte finns",
                    "is a symbolic link to nothing",
                );
                return Err(refuse(&name, what));
            }
            Err(e) => return Err(refuse(&name, &format!("{cannot} {}", os(&e)))),
        };
        let meta =
            std::fs::metadata(&real).map_err(|e| refuse(&name, &format!("{cannot} {}", os(&e))))?;
        (real, meta)
    } else {
        (path.to_path_buf(), meta)
    };
    let who = if real == path {
        name
    } else {
        format!(
            "{name} ({} {})",
            lang.t("länkad till", "linked to"),
            shown(&real)
        )
    };
    let ft = meta.file_type();
    if ft.is_dir() {
        let what = lang.t(
            "är en mapp; ange en fil i den",
            "is a folder; name a file in it",
        );
        return Err(refuse(&who, what));
    }
    if !ft.is_file() {
        let kind = if ft.is_char_device() {
            lang.t("är en teckenenhet", "is a character device")
        } else if ft.is_block_device() {
            lang.t("är en blockenhet", "is a block device")
        } else if ft.is_fifo() {
            lang.t(
                "är en namngiven rörledning (FIFO)",
                "is a named pipe (FIFO)",
            )
        } else if ft.is_socket() {
            lang.t("är ett uttag (socket)", "is a socket")
        } else {
            lang.t("är något annat", "is something else")
        };
        let hint = lang.t(
            "inte en vanlig fil (skriv till en vanlig fil, eller -o - för standard ut)",
            "not a regular file (write to a regular file, or -o - for standard output)",
        );
        return Err(refuse(&who, &format!("{kind}, {hint}")));
    }
    if !writable(&real) {
        let what = lang.t("filen är skrivskyddad", "the file is read-only");
        return Err(refuse(&who, what));
    }
    Ok(Target {
        path: real,
        existing: Some(meta),
    })
}

/// A file that does not exist yet: its folder must.
fn new_file(path: &Path, lang: Lang) -> Result<Target, String> {
    if path.file_name().is_none() {
        return Err(lang.t("ange ett filnamn", "name a file").to_string());
    }
    let dir = folder_of(path);
    match std::fs::metadata(&dir) {
        Ok(m) if m.is_dir() => Ok(Target {
            path: path.to_path_buf(),
            existing: None,
        }),
        Ok(_) => Err(format!(
            "{} {}",
            shown(&dir),
            lang.t("är inte en mapp", "is not a folder")
        )),
        Err(e) if e.kind() == ErrorKind::NotFound => Err(format!(
            "{} {} {}",
            lang.t("mappen", "the folder"),
            shown(&dir),
            lang.t(
                "finns inte; skapa den först",
                "does not exist; create it first"
            )
        )),
        Err(e) => Err(format!("{}: {}", shown(&dir), crate::oserr::shown(&e))),
    }
}

fn folder_of(path: &Path) -> PathBuf {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// Whether the user may write the file itself (a read-only file is not
/// replaced behind the user's back, though its folder would allow it).
fn writable(path: &Path) -> bool {
    use std::os::unix::ffi::OsStrExt;
    let Ok(c) = std::ffi::CString::new(path.as_os_str().as_bytes()) else {
        return false;
    };
    // Safe: `c` is a valid NUL-terminated string for the whole call.
    #[allow(unsafe_code)]
    unsafe {
        libc::access(c.as_ptr(), libc::W_OK) == 0
    }
}

/// Writes a temporary file beside `target`, gives it the existing file's
/// owner, group and mode, syncs it and renames it over `target`, then
/// syncs the folder. On an error the temporary file is removed (when the
/// `NamedTempFile` is dropped) and `target` is untouched.
fn replace(target: &Path, existing: Option<&Metadata>, bytes: &[u8]) -> std::io::Result<()> {
    let dir = folder_of(target);
    let mut builder = tempfile::Builder::new();
    builder.prefix(".tertial-").suffix(".tmp");
    if existing.is_none() {
        // Created with 0666, which the kernel narrows by the umask.
        builder.permissions(Permissions::from_mode(0o666));
    }
    let mut tmp = builder.tempfile_in(&dir)?;
    tmp.write_all(bytes)?;
    match existing {
        Some(meta) => keep_owner_and_mode(tmp.as_file(), meta)?,
        None => crate::sys::share_like_parent(tmp.path()),
    }
    tmp.as_file().sync_all()?;
    tmp.persist(target).map_err(|e| e.error)?;
    // The rename itself is durable once the folder is synced; some file
    // systems cannot sync a folder, and the file is written by now.
    if let Ok(d) = File::open(&dir) {
        let _ = d.sync_all();
    }
    Ok(())
}

fn keep_owner_and_mode(file: &File, meta: &Metadata) -> std::io::Result<()> {
    use std::os::unix::fs::fchown;
    // Owner and group as before where allowed (root may set both, a
    // member of the group the group); else the file becomes the user's.
    if fchown(file, Some(meta.uid()), Some(meta.gid())).is_err() {
        let _ = fchown(file, None, Some(meta.gid()));
    }
    // After the chown, which may clear set-id bits; those are not kept.
    file.set_permissions(Permissions::from_mode(meta.mode() & 0o777))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(dir: &Path) -> Vec<String> {
        let mut v: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        v.sort();
        v
    }

    #[test]
    fn a_failed_rename_leaves_no_temporary_file() {
        let dir = tempfile::tempdir().unwrap();
        // A folder with a file in it cannot be renamed over.
        let busy = dir.path().join("busy");
        std::fs::create_dir(&busy).unwrap();
        std::fs::write(busy.join("x"), "x").unwrap();
        assert!(replace(&busy, None, b"new").is_err());
        assert_eq!(names(dir.path()), ["busy"]);
        assert_eq!(names(&busy), ["x"]);
    }

    #[test]
    fn read_bounded_takes_the_limit_and_refuses_one_more() {
        let dir = tempfile::tempdir().unwrap();
        let f = dir.path().join("f");
        std::fs::write(&f, "abcd").unwrap();
        assert_eq!(read_bounded(&f, 4).unwrap(), b"abcd");
        let e = read_bounded(&f, 3).unwrap_err();
        assert_eq!(e.kind(), ErrorKind::FileTooLarge);
        let e = read_bounded(Path::new("/dev/zero"), 10).unwrap_err();
        assert_eq!(e.kind(), ErrorKind::FileTooLarge);
        let e = read_bounded(dir.path(), 10).unwrap_err();
        assert_eq!(e.kind(), ErrorKind::IsADirectory);
    }

    #[test]
    fn dash_is_standard_output() {
        assert_eq!(output_file(Some(Path::new("-"))), None);
        assert_eq!(output_file(None), None);
        assert_eq!(output_file(Some(Path::new("./-"))), Some(Path::new("./-")));
    }
}
