//! `--format human|json|csv`, shared by every command that prints results, with `--json`
//! and `--csv` as its short forms.

use clap::ValueEnum;

/// How a command prints its answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, ValueEnum)]
pub enum OutputFormat {
    /// Aligned text for people, matches highlighted.
    #[default]
    Human,
    /// JSON: one object, or JSON Lines for lists.
    Json,
    /// CSV with a header row, for spreadsheets.
    Csv,
}

/// The output flags.
#[derive(Debug, Clone, Default, clap::Args)]
pub struct FormatArgs {
    /// Output format.
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub format: Option<OutputFormat>,
    /// Short for `--format json`.
    #[arg(long, conflicts_with_all = ["format", "csv"])]
    pub json: bool,
    /// Short for `--format csv`.
    #[arg(long, conflicts_with = "format")]
    pub csv: bool,
}

impl FormatArgs {
    /// The format asked for, human by default.
    pub fn get(&self) -> OutputFormat {
        match (self.format, self.json, self.csv) {
            (Some(format), _, _) => format,
            (None, true, _) => OutputFormat::Json,
            (None, _, true) => OutputFormat::Csv,
            _ => OutputFormat::Human,
        }
    }
}
