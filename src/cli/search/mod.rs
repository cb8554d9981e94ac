//! `morgue search`: passages ranked by relevance, with filters.

mod batch;

use super::output::{FormatArgs, OutputFormat};
use super::{Context, ExitStatus, read_index};
use crate::query::{FilterFlags, Filters, SearchRequest, Sort, TextQuery, parse_with_flags};
use crate::render;
use anyhow::{Result, anyhow};
use std::io::Write;
use std::path::PathBuf;

/// Arguments of `morgue search`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The query: words, "quoted phrases", prefixes (sanctuar*), wildcards (wom?n), fuzzy
    /// words (orick~1), proximity ("judge funds"~5, judge NEAR/5 funds), exact words
    /// (=police), AND/OR/NOT and -word, parentheses, title:/author:/path: fields, and
    /// filters such as topic:politics, source:reuters, date:2025-04, after:30d.
    /// Quote a query that starts with `-`: `morgue search "-draft budget"`.
    pub query: Vec<String>,
    /// Filters.
    #[command(flatten)]
    pub filters: FilterArgs,
    /// Most articles shown (per query with --batch).
    #[arg(long, default_value_t = 10, value_parser = clap::value_parser!(u16).range(1..))]
    pub limit: u16,
    /// Show every copy of a story (wire reprints, files saved twice) instead of one hit
    /// with a list of copies.
    #[arg(long)]
    pub all_copies: bool,
    /// Most passages shown per article (those that match, best first).
    #[arg(long, value_name = "N", default_value_t = 3, value_parser = clap::value_parser!(u16).range(1..))]
    pub passages: u16,
    /// Order of the articles.
    #[arg(long, value_enum, default_value_t = SortArg::Relevance)]
    pub sort: SortArg,
    /// Run every query of FILE (one per line, or a CSV with a `query` column and an
    /// optional `label` column) with the same filters.
    #[arg(long, value_name = "FILE", conflicts_with = "query")]
    pub batch: Option<PathBuf>,
    /// With --batch: one line per query (articles, stories, passages, first and last
    /// date) instead of its hits.
    #[arg(long, requires = "batch")]
    pub summary: bool,
    /// Output format.
    #[command(flatten)]
    pub output: FormatArgs,
}

/// Orders of results, as typed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum SortArg {
    /// Best match first (newest first when there are no words to rank by).
    Relevance,
    /// Newest first.
    Newest,
    /// Oldest first.
    Oldest,
}

impl From<SortArg> for Sort {
    fn from(sort: SortArg) -> Sort {
        match sort {
            SortArg::Relevance => Sort::Relevance,
            SortArg::Newest => Sort::Newest,
            SortArg::Oldest => Sort::Oldest,
        }
    }
}

/// Filters shared by `search` and `timeline`.
#[derive(Debug, clap::Args)]
pub struct FilterArgs {
    /// Only articles naming this person: full name, surname or alias (repeatable: all
    /// must match).
    #[arg(long, value_name = "NAME")]
    pub person: Vec<String>,
    /// Only articles with this topic (repeatable: all must match).
    #[arg(long)]
    pub topic: Vec<String>,
    /// Only articles from this source (publisher or site).
    #[arg(long)]
    pub source: Vec<String>,
    /// Only articles published within this year, month or day (YYYY, YYYY-MM, YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    pub on: Option<String>,
    /// Only articles published on or after this date.
    #[arg(long, value_name = "DATE")]
    pub from: Option<String>,
    /// Only articles published on or before this date.
    #[arg(long, value_name = "DATE")]
    pub to: Option<String>,
}

/// Finds which people of the archive each person filter means, and says on stderr when a
/// name means several people or nobody.
pub fn resolve_persons(
    index: &crate::index::ClippingIndex,
    filters: &mut Filters,
    context: &Context,
) -> Result<()> {
    if filters.persons.is_empty() {
        return Ok(());
    }
    for note in crate::catalog::Summary::resolve_filters(index, filters)? {
        context.note(&note);
    }
    Ok(())
}

impl FilterArgs {
    /// The flags as the library takes them.
    pub fn flags(&self) -> FilterFlags {
        FilterFlags {
            person: self.person.clone(),
            topic: self.topic.clone(),
            source: self.source.clone(),
            on: self.on.clone(),
            from: self.from.clone(),
            to: self.to.clone(),
        }
    }
}

/// Parses the query words and adds the filters given as flags to those written in them.
pub fn parse_with_filters(query: &[String], flags: &FilterArgs) -> Result<(TextQuery, Filters)> {
    parse_with_flags(&query.join(" "), &flags.flags()).map_err(|message| anyhow!("{message}"))
}

impl Args {
    /// Turns a query and the flags into a search request, checking every date.
    pub fn request_for(&self, query: &[String]) -> Result<SearchRequest> {
        let (text, filters) = parse_with_filters(query, &self.filters)?;
        let mut request = SearchRequest::new(text, filters, usize::from(self.limit));
        request.all_copies = self.all_copies;
        request.passages = usize::from(self.passages);
        request.sort = self.sort.into();
        Ok(request)
    }
}

/// Runs `morgue search`.
pub fn run(args: Args, context: &Context, out: &mut dyn Write) -> Result<ExitStatus> {
    if let Some(file) = &args.batch {
        return batch::run(&args, file, context, out);
    }
    let mut request = args.request_for(&args.query)?;
    let index = read_index(context)?;
    resolve_persons(index, &mut request.filters, context)?;
    let found = index.search(&request)?;
    for note in &found.notes {
        context.note(note);
    }
    let hits = found.hits;
    match args.output.get() {
        OutputFormat::Json => {
            render::json::lines(out, hits.iter().map(render::json::HitLine::from))?
        }
        OutputFormat::Csv => render::csv::hits(out, &hits)?,
        OutputFormat::Human => render::human::hits(out, &hits, context.style)?,
    }
    Ok(if hits.is_empty() {
        ExitStatus::NoResults
    } else {
        ExitStatus::Results
    })
}
