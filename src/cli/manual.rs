//! Shell completions and manual pages, generated from the same clap definitions as the
//! parser so they cannot drift from it.

use super::{Cli, Context, ExitStatus};
use anyhow::{Context as _, Result};
use clap::CommandFactory;
use clap_complete::Shell;
use std::io::Write;
use std::path::PathBuf;

/// Arguments of `morgue completions`.
#[derive(Debug, clap::Args)]
pub struct CompletionArgs {
    /// The shell to write the script for.
    #[arg(value_enum)]
    pub shell: Shell,
}

/// Arguments of `morgue man`.
#[derive(Debug, clap::Args)]
pub struct ManArgs {
    /// Folder to write `morgue.1` and one page per subcommand into; without it, the main
    /// page goes to stdout.
    pub dir: Option<PathBuf>,
}

/// Prints the completion script for one shell.
pub fn completions(args: CompletionArgs, out: &mut dyn Write) -> Result<ExitStatus> {
    clap_complete::generate(args.shell, &mut Cli::command(), "morgue", out);
    Ok(ExitStatus::Results)
}

/// Writes the manual pages, or prints the main one.
pub fn man(args: ManArgs, context: &Context, out: &mut dyn Write) -> Result<ExitStatus> {
    let command = Cli::command();
    match args.dir {
        None => clap_mangen::Man::new(command).render(out)?,
        Some(dir) => {
            std::fs::create_dir_all(&dir)
                .with_context(|| format!("cannot create {}", dir.display()))?;
            clap_mangen::generate_to(command, &dir)
                .with_context(|| format!("cannot write manual pages into {}", dir.display()))?;
            context.note(&format!(
                "wrote morgue.1 and a page per subcommand into {}",
                dir.display()
            ));
        }
    }
    Ok(ExitStatus::Results)
}
