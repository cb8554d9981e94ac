//! The command line: clap definitions, and one function per subcommand that turns its
//! arguments into library calls and prints the answer.

mod examples;
mod extract;
mod ingest;
mod manual;
mod output;
mod search;
#[cfg(feature = "serve")]
mod serve;
mod show;
mod similar;
mod timeline;
mod watch;

use crate::index::ClippingIndex;
use crate::render::terminal::shown;
use crate::render::{self, Style};
use anyhow::Result;
use clap::{Parser, Subcommand, ValueEnum};
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

/// Folder a new user's clippings are read from when no index exists yet.
pub const DEFAULT_ARCHIVE: &str = "archive";

/// morgue: a searchable, dated archive of news clippings.
#[derive(Debug, Parser)]
#[command(name = "morgue", version, long_version = long_version(), about, long_about = None)]
pub struct Cli {
    /// Index folder.
    #[arg(long, global = true, env = "MORGUE_INDEX", default_value = "index")]
    pub index: PathBuf,
    /// When to colour output.
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
    /// Print nothing on stderr but errors.
    #[arg(short, long, global = true)]
    pub quiet: bool,
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// `--version`: the release and the index schema it reads and writes.
fn long_version() -> String {
    format!(
        "{} (index schema {})",
        env!("CARGO_PKG_VERSION"),
        crate::index::SCHEMA_VERSION
    )
}

/// When to colour human output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    /// Colour when writing to a terminal and `NO_COLOR` is not set.
    Auto,
    /// Always colour.
    Always,
    /// Never colour.
    Never,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Add or update clippings in the index (default: ./archive).
    #[command(after_long_help = examples::help("ingest"))]
    Ingest(ingest::Args),
    /// Ingest, then keep the index in step with the folders as files change.
    #[command(after_long_help = examples::help("watch"))]
    Watch(watch::Args),
    /// Normalize files or folders and print the records, without indexing.
    #[command(after_long_help = examples::help("extract"))]
    Extract(extract::Args),
    /// Passages ranked by relevance, with filters.
    #[command(after_long_help = examples::help("search"))]
    Search(search::Args),
    /// One record in full.
    #[command(after_long_help = examples::help("show"))]
    Show(show::Args),
    /// The articles closest to one record (more like this), its copies left out.
    #[command(after_long_help = examples::help("similar"))]
    Similar(similar::Args),
    /// What the index holds.
    #[command(after_long_help = examples::help("stats"))]
    Stats(show::StatsArgs),
    /// Persons in the archive; with NAME, one person's profile.
    #[command(after_long_help = examples::help("persons"))]
    Persons(show::PersonsArgs),
    /// Topics with article counts.
    #[command(after_long_help = examples::help("topics"))]
    Topics(show::TopicsArgs),
    /// Counts over time, with a representative passage per period.
    #[command(after_long_help = examples::help("timeline"))]
    Timeline(timeline::Args),
    /// The archive as local web pages and a JSON API (http://127.0.0.1:8080/).
    #[cfg(feature = "serve")]
    #[command(after_long_help = examples::help("serve"))]
    Serve(serve::Args),
    /// Prints a shell completion script (bash, zsh, fish, powershell, elvish).
    #[command(after_long_help = examples::help("completions"))]
    Completions(manual::CompletionArgs),
    /// Writes the manual pages (roff), or prints the main one.
    #[command(after_long_help = examples::help("man"))]
    Man(manual::ManArgs),
    /// Reads a PDF on stdin and prints its pages as JSON: the child process that keeps the
    /// PDF library away from the ingest.
    #[command(hide = true)]
    PdfText,
}

/// How a command ended, as the process exit status.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExitStatus {
    /// Results were printed.
    Results = 0,
    /// The command ran, but nothing matched.
    NoResults = 1,
    /// Bad input, bad query or unreadable index.
    Error = 2,
    /// Ingest finished, but some files were skipped.
    SomeSkipped = 3,
}

/// What every command needs besides its own arguments.
pub struct Context {
    /// Index folder.
    pub index_dir: PathBuf,
    /// Style for human output on stdout.
    pub style: Style,
    /// Whether stderr may carry progress and notes.
    pub quiet: bool,
    /// Whether stderr is a terminal (for progress bars).
    pub stderr_tty: bool,
}

impl Context {
    /// Prints a note on stderr unless `--quiet`.
    pub fn note(&self, message: &str) {
        if !self.quiet {
            eprintln!("{}", shown(message));
        }
    }
}

/// Prints a library's note on stderr.
pub fn print_note(message: &str) {
    eprintln!("{}", shown(message));
}

/// Runs the parsed command line.
pub fn run(cli: Cli) -> Result<ExitStatus> {
    let stdout_tty = std::io::stdout().is_terminal();
    let color = match cli.color {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            stdout_tty && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
        }
    };
    let context = Context {
        index_dir: cli.index,
        style: Style {
            color,
            width: terminal_width(stdout_tty),
        },
        quiet: cli.quiet,
        stderr_tty: std::io::stderr().is_terminal(),
    };
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let status = match cli.command {
        Command::Ingest(args) => ingest::run(args, &context, &mut out),
        Command::Watch(args) => watch::run(args, &context, &mut out),
        Command::Extract(args) => extract::run(args, &context, &mut out),
        Command::Search(args) => search::run(args, &context, &mut out),
        Command::Show(args) => show::run(args, &context, &mut out),
        Command::Similar(args) => similar::run(args, &context, &mut out),
        Command::Stats(args) => show::stats(args, &context, &mut out),
        Command::Topics(args) => show::topics(args, &context, &mut out),
        Command::Persons(args) => show::persons(args, &context, &mut out),
        Command::Timeline(args) => timeline::run(args, &context, &mut out),
        #[cfg(feature = "serve")]
        Command::Serve(args) => serve::run(args, &context, &mut out),
        Command::Completions(args) => manual::completions(args, &mut out),
        Command::Man(args) => manual::man(args, &context, &mut out),
        Command::PdfText => {
            crate::input::pdf::serve_child(&mut std::io::stdin().lock(), &mut out)?;
            Ok(ExitStatus::Results)
        }
    }?;
    out.flush()?;
    Ok(status)
}

fn terminal_width(tty: bool) -> usize {
    let columns = std::env::var("COLUMNS").ok().and_then(|c| c.parse().ok());
    match columns {
        Some(n) if tty => n,
        _ => render::Style::plain().width,
    }
}

/// The index for a command that reads it until the process ends, as [`open_index`]
/// opens it, and never closed: unmapping each segment file one by one took about a
/// millisecond of a search's eight, and the end of the process releases them all at once.
pub fn read_index(context: &Context) -> Result<&'static ClippingIndex> {
    Ok(Box::leak(Box::new(open_index(context)?)))
}

/// Opens the index for reading; when there is none and `./archive` exists, builds it
/// from there first (the embedded default a new user runs into).
pub fn open_index(context: &Context) -> Result<ClippingIndex> {
    let archive = Path::new(DEFAULT_ARCHIVE);
    if !ClippingIndex::exists(&context.index_dir) && archive.is_dir() {
        context.note(&format!(
            "no index in {}/ yet: building it from {DEFAULT_ARCHIVE}/ (first use)",
            context.index_dir.display()
        ));
        // The same options as a plain `morgue ingest archive`.
        let options = ingest::ingest_options(false, false, &Default::default(), context)?;
        let summary =
            crate::ingest::ingest(&context.index_dir, &[archive.to_path_buf()], &options)?;
        if !context.quiet {
            render::human::ingest_summary(&mut std::io::stderr(), &summary)?;
        }
    }
    Ok(ClippingIndex::open(&context.index_dir)?)
}
