//! `morgue serve`: the archive in a browser, and a JSON API, on this machine only unless
//! told otherwise.

use super::{Context, ExitStatus, open_index};
use anyhow::{Context as _, Result};
use std::io::Write;
use std::net::SocketAddr;

/// Arguments of `morgue serve`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Address and port to listen on; anything but 127.0.0.1 / ::1 lets other machines
    /// read the archive. Port 0 picks a free one.
    #[arg(long, default_value = "127.0.0.1:8080", value_name = "ADDR:PORT")]
    pub bind: SocketAddr,
    /// Open the search page in the default browser once listening.
    #[arg(long)]
    pub open: bool,
}

/// Runs `morgue serve` until Ctrl-C.
pub fn run(args: Args, context: &Context, out: &mut dyn Write) -> Result<ExitStatus> {
    let index = open_index(context)?;
    if crate::serve::is_public(&args.bind) {
        context.note(&format!(
            "warning: listening on {}: anyone who can reach this machine on the network can read the archive",
            args.bind
        ));
    }
    let index_dir = context.index_dir.display().to_string();
    crate::serve::serve(index, args.bind, |address| {
        let url = format!("http://{address}/");
        let _ = writeln!(out, "{url}");
        let _ = out.flush();
        context.note(&format!("serving {index_dir}/ at {url} (Ctrl-C stops)"));
        if args.open {
            open_browser(&url);
        }
    })
    .with_context(|| format!("cannot serve on {}", args.bind))?;
    context.note("stopped");
    Ok(ExitStatus::Results)
}

fn open_browser(url: &str) {
    let opener = if cfg!(target_os = "macos") {
        "open"
    } else if cfg!(windows) {
        "explorer"
    } else {
        "xdg-open"
    };
    if std::process::Command::new(opener).arg(url).spawn().is_err() {
        eprintln!("could not start {opener}; open {url} yourself");
    }
}
