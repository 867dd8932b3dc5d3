//! Standard output for a reader who may stop reading: `skillgym export staff | head` must not
//! end in a panic (status 101, which looks like a crash) or "Error: Broken pipe".
//!
//! When the reader has gone there is no one left to tell anything, so the command stops at
//! once, quietly, with status 0, as `cat`, `grep` and most command-line tools that handle
//! EPIPE do. Restoring the default SIGPIPE action (death by signal, status 141) was the other
//! choice; it needs `unsafe` code and a new dependency, and would apply to every file
//! descriptor the process writes, not only to standard output.

use std::io::{self, Write};

/// Standard output, stopping the command quietly when the reader has gone.
pub fn stdout() -> Stdout {
    Stdout(io::stdout().lock())
}

/// See [`stdout`].
pub struct Stdout(io::StdoutLock<'static>);

impl Write for Stdout {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.0.write(buf).map_err(quit_if_closed)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.0.flush().map_err(quit_if_closed)
    }
}

/// Ends the process with status 0 when `e` says the reader closed the pipe; otherwise hands
/// the error back.
fn quit_if_closed(e: io::Error) -> io::Error {
    if e.kind() == io::ErrorKind::BrokenPipe {
        std::process::exit(0);
    }
    e
}

/// One line of text to standard output, in place of `println!` (which panics on a closed
/// pipe). Any other failure to write, such as a full disk, is reported on standard error.
pub fn line(text: std::fmt::Arguments) {
    let mut out = stdout();
    if let Err(e) = writeln!(out, "{text}").and_then(|()| out.flush()) {
        eprintln!("{e}");
        std::process::exit(1);
    }
}

/// `println!` for the command line's messages: see [`line`].
macro_rules! say {
    ($($arg:tt)*) => {
        $crate::output::line(format_args!($($arg)*))
    };
}
pub(crate) use say;
