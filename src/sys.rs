//! Facts about the running system: user and host names for drafts, locks
//! and messages.

pub fn user_name() -> String {
    for var in ["USER", "LOGNAME", "USERNAME"] {
        if let Ok(v) = std::env::var(var)
            && !v.is_empty()
        {
            return v;
        }
    }
    // Not in the environment (a cron job, a bare SSH command): the
    // account's own name.
    // Safe: getpwuid returns a pointer into static storage or null; the
    // name is copied out at once.
    #[allow(unsafe_code)]
    unsafe {
        let pw = libc::getpwuid(libc::getuid());
        if !pw.is_null()
            && !(*pw).pw_name.is_null()
            && let Ok(name) = std::ffi::CStr::from_ptr((*pw).pw_name).to_str()
        {
            return name.to_string();
        }
    }
    "okänd".to_string()
}

pub fn host_name() -> String {
    if let Ok(h) = std::fs::read_to_string("/proc/sys/kernel/hostname") {
        let h = h.trim();
        if !h.is_empty() {
            return h.to_string();
        }
    }
    std::env::var("HOSTNAME")
        .ok()
        .filter(|h| !h.is_empty())
        .unwrap_or_else(|| "localhost".to_string())
}

/// In a folder shared by a Unix group (group-writable, as an administrator
/// sets up a shared workspace), files and folders tertial creates are made
/// group-readable and -writable too, so the next chief can use them.
pub fn share_like_parent(path: &std::path::Path) {
    use std::os::unix::fs::PermissionsExt;
    let Some(parent) = path.parent() else { return };
    let Ok(meta) = std::fs::metadata(parent) else {
        return;
    };
    if meta.permissions().mode() & 0o020 == 0 {
        return;
    }
    if let Ok(own) = std::fs::metadata(path) {
        let mode = own.permissions().mode();
        let wanted = if own.is_dir() {
            mode | 0o2070
        } else {
            mode | 0o060
        };
        if wanted != mode {
            let _ = std::fs::set_permissions(path, std::fs::Permissions::from_mode(wanted));
        }
    }
}

/// `create_dir_all` that shares each new folder like its parent.
pub fn create_dirs(path: &std::path::Path) -> std::io::Result<()> {
    if path.is_dir() {
        return Ok(());
    }
    if let Some(parent) = path.parent() {
        create_dirs(parent)?;
    }
    match std::fs::create_dir(path) {
        Ok(()) => {
            share_like_parent(path);
            Ok(())
        }
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Ok(()),
        Err(e) => Err(e),
    }
}
