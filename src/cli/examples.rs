//! Worked examples shown at the end of each subcommand's `--help`; the README carries the
//! same lines, and a test keeps the two in step.

/// One worked example: the subcommand it belongs to, the command line, what it does.
pub struct Example {
    /// Subcommand name, as typed.
    pub command: &'static str,
    /// The whole command line.
    pub line: &'static str,
    /// What it shows, in a few words.
    pub what: &'static str,
}

const fn example(command: &'static str, line: &'static str, what: &'static str) -> Example {
    Example {
        command,
        line,
        what,
    }
}

/// Every example, grouped by subcommand in the order of `morgue --help`.
pub const EXAMPLES: &[Example] = &[
    example(
        "ingest",
        "morgue ingest archive",
        "add new clippings, replace changed ones",
    ),
    example(
        "ingest",
        "morgue ingest ~/clippings --rebuild",
        "start the index over",
    ),
    example(
        "ingest",
        "morgue ingest ~/clippings --wait --max-file-size 200",
        "wait for another ingest; allow files up to 200 MB",
    ),
    example(
        "watch",
        "morgue watch",
        "keep the index in step with ./archive",
    ),
    example(
        "watch",
        "morgue watch ~/clippings --poll 30",
        "a network folder, looked at every 30 s",
    ),
    example(
        "extract",
        "morgue extract --json archive/2025/orrick-injunction.txt",
        "the record a file becomes, without indexing",
    ),
    example(
        "search",
        "morgue search \"sanctuary cities\" --on 2025-04",
        "passages of April 2025 with both words",
    ),
    example(
        "search",
        "morgue search judge injunction --limit 5",
        "passages with both words first, then either",
    ),
    example(
        "search",
        "morgue search '\"executive order\" -tariff'",
        "a phrase, excluding a word",
    ),
    example(
        "search",
        "morgue search 'pope OR vatican' --from 2025-04 --to 2025-05",
        "either word, in a date range",
    ),
    example(
        "search",
        "morgue search --topic \"sanctuary cities\"",
        "filters only: newest first",
    ),
    example(
        "search",
        "morgue search --person orrick",
        "passages of articles naming Judge William Orrick",
    ),
    example(
        "search",
        "morgue search 'person:\"Keith Wilson\" funding'",
        "a person and words",
    ),
    example(
        "search",
        "morgue search trawler --all-copies",
        "every copy of a story, not one hit per story",
    ),
    example(
        "search",
        "morgue search 'sanctuar* AND (orrick OR breyer)' --from 30d --sort newest",
        "a prefix, grouping, the last 30 days, newest first",
    ),
    example(
        "search",
        "morgue search --batch names.csv --summary --csv",
        "a list of names against the archive, counts as CSV",
    ),
    example(
        "show",
        "morgue show 23a85bbd",
        "one record in full, by id prefix",
    ),
    example(
        "similar",
        "morgue similar 23a85bbd --limit 5",
        "the five articles closest to one record",
    ),
    example(
        "stats",
        "morgue stats --json",
        "what the index holds, as JSON",
    ),
    example("persons", "morgue persons orrick", "one person's profile"),
    example(
        "persons",
        "morgue persons wilson --json",
        "profiles of everyone called Wilson",
    ),
    example("topics", "morgue topics", "topics with article counts"),
    example(
        "timeline",
        "morgue timeline \"sanctuary cities\" --by month",
        "stories per month, with the top passage of each",
    ),
    example(
        "timeline",
        "morgue timeline trump --from 2024-07 --to 2025-07 --svg trump.svg",
        "chart in the terminal and as SVG",
    ),
    example(
        "timeline",
        "morgue timeline --topic immigration --by week --csv",
        "weekly counts as CSV",
    ),
    example(
        "serve",
        "morgue serve",
        "the archive at http://127.0.0.1:8080/",
    ),
    example(
        "serve",
        "morgue serve --watch",
        "serve, and show new clippings as they are saved",
    ),
    example(
        "serve",
        "morgue serve --bind 0.0.0.0:8080",
        "readable by other machines on the network",
    ),
    example(
        "completions",
        "morgue completions bash",
        "the bash completion script",
    ),
    example("man", "morgue man man/", "write the manual pages into man/"),
];

/// The `Examples:` block for one subcommand's long help.
pub fn help(command: &str) -> String {
    let lines: Vec<&Example> = EXAMPLES.iter().filter(|e| e.command == command).collect();
    let width = lines.iter().map(|e| e.line.len()).max().unwrap_or(0);
    let mut text = String::from("Examples:\n");
    for e in lines {
        text.push_str(&format!("  {:width$}   # {}\n", e.line, e.what));
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn help_lists_only_the_subcommands_examples() {
        let text = help("persons");
        assert!(text.starts_with("Examples:\n"));
        assert!(text.contains("morgue persons orrick"));
        assert!(!text.contains("morgue search"));
        assert_eq!(text.lines().count(), 3);
    }
}
