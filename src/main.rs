//! The `morgue` binary: parse the command line, run it, map the outcome to an exit status.

use clap::Parser;
use morgue::cli::{Cli, ExitStatus, run};
use std::process::ExitCode;

fn main() -> ExitCode {
    match run(Cli::parse()) {
        Ok(status) => ExitCode::from(status as u8),
        Err(err) => {
            // A closed pipe (`morgue search x | head`) is the reader's choice, not an error.
            let broken_pipe = err.chain().any(|cause| {
                cause
                    .downcast_ref::<std::io::Error>()
                    .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
            });
            if broken_pipe {
                return ExitCode::SUCCESS;
            }
            eprintln!(
                "error: {}",
                morgue::render::terminal::shown(&format!("{err:#}"))
            );
            ExitCode::from(ExitStatus::Error as u8)
        }
    }
}
