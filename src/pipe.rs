//! A reader that stops reading (`tertial log | head -1`): the subcommands
//! then end quietly and successfully, as other command-line tools do,
//! instead of panicking ("failed printing to stdout") or reporting an
//! error about the pipe.

/// Whether an I/O error is the reader having gone away.
pub fn is_closed(e: &std::io::Error) -> bool {
    e.kind() == std::io::ErrorKind::BrokenPipe
}

/// Whether an error (or one of its causes) is the reader having gone away.
pub fn closed_in(e: &anyhow::Error) -> bool {
    e.chain()
        .any(|c| c.downcast_ref::<std::io::Error>().is_some_and(is_closed))
}

/// Makes printing to a closed standard output or error end the program
/// with success and no text. `print!` and `eprint!` panic when they cannot
/// write; the panic for a closed pipe is turned into a quiet exit, every
/// other panic is reported as before.
pub fn quiet_when_closed() {
    let report = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let text = info
            .payload()
            .downcast_ref::<String>()
            .map(String::as_str)
            .or_else(|| info.payload().downcast_ref::<&str>().copied())
            .unwrap_or("");
        // std's words for it: "failed printing to stdout: Broken pipe (os
        // error 32)".
        if text.starts_with("failed printing to std")
            && text.contains(&std::io::Error::from_raw_os_error(libc::EPIPE).to_string())
        {
            std::process::exit(0);
        }
        report(info);
    }));
}
