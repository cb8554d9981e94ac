//! Documentation that cannot rot: every example in the README parses with the real clap
//! definitions, `--help` carries the same examples, and the generated completions and
//! manual pages work.

use crate::common::TestContext;
use clap::Parser;
use morgue::cli::Cli;
use std::process::Command;

const README: &str = include_str!("../../README.md");

/// Splits a shell command line into words: single and double quotes, backslash escapes,
/// and the line cut at a comment, a pipe or a redirection.
fn shell_words(line: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut word: Option<String> = None;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\'' => {
                let w = word.get_or_insert_with(String::new);
                for q in chars.by_ref() {
                    if q == '\'' {
                        break;
                    }
                    w.push(q);
                }
            }
            '"' => {
                let w = word.get_or_insert_with(String::new);
                while let Some(q) = chars.next() {
                    match q {
                        '"' => break,
                        '\\' => w.extend(chars.next()),
                        _ => w.push(q),
                    }
                }
            }
            '\\' => word.get_or_insert_with(String::new).extend(chars.next()),
            '#' | '|' | '>' if word.is_none() => break,
            c if c.is_whitespace() => words.extend(word.take()),
            c => word.get_or_insert_with(String::new).push(c),
        }
    }
    words.extend(word);
    words
}

/// Every `morgue …` command the README shows: the command table's example column and
/// the lines of its shell blocks.
fn readme_examples() -> Vec<String> {
    let mut lines = Vec::new();
    let mut in_block = false;
    for line in README.lines() {
        if line.starts_with("```") {
            in_block = line.trim() == "```sh";
            continue;
        }
        if in_block && line.starts_with("morgue ") {
            lines.push(line.to_string());
        }
        if line.starts_with("| `") {
            for cell in line.split('|') {
                let cell = cell.trim();
                if let Some(command) = cell.strip_prefix("`morgue ") {
                    lines.push(format!("morgue {}", command.trim_end_matches('`')));
                }
            }
        }
    }
    lines
}

#[test]
fn shell_words_splits_like_a_shell() {
    assert_eq!(
        shell_words(r#"morgue search '"a b" -c' --to "x y" # note"#),
        ["morgue", "search", "\"a b\" -c", "--to", "x y"]
    );
    assert_eq!(
        shell_words("morgue search x | head -1"),
        ["morgue", "search", "x"]
    );
    assert_eq!(shell_words("morgue a\\ b > out"), ["morgue", "a b"]);
}

#[test]
fn every_readme_example_parses_with_the_real_cli() {
    let examples = readme_examples();
    assert!(
        examples.len() >= 30,
        "found only {} examples",
        examples.len()
    );
    for line in &examples {
        let words = shell_words(line);
        if let Err(e) = Cli::try_parse_from(&words) {
            panic!("README example does not parse: {line}\n{e}");
        }
    }
}

#[test]
fn a_wrong_example_would_be_caught() {
    assert!(Cli::try_parse_from(shell_words("morgue search --no-such-flag x")).is_err());
    assert!(Cli::try_parse_from(shell_words("morgue serch x")).is_err());
}

#[test]
fn help_examples_are_the_readmes_examples() {
    let examples = readme_examples();
    let ctx = TestContext::new();
    for command in [
        "ingest",
        "extract",
        "search",
        "show",
        "similar",
        "stats",
        "persons",
        "topics",
        "timeline",
        "watch",
        "serve",
        "completions",
        "man",
    ] {
        let help = ctx.run(&[command, "--help"]);
        assert_eq!(help.code, 0, "{command} --help: {}", help.stderr);
        let block = help
            .stdout
            .split("Examples:\n")
            .nth(1)
            .unwrap_or_else(|| panic!("{command} --help has no examples:\n{}", help.stdout));
        let mut shown = 0;
        for line in block
            .lines()
            .filter(|l| l.trim_start().starts_with("morgue "))
        {
            let command_line = line.split("   # ").next().unwrap().trim();
            assert!(
                examples.iter().any(|e| e.starts_with(command_line)),
                "`{command_line}` is in `{command} --help` but not in the README"
            );
            shown += 1;
        }
        assert!(shown > 0, "{command} --help shows no example");
    }
}

#[test]
fn version_names_the_index_schema() {
    let run = TestContext::new().run(&["--version"]);
    assert_eq!(run.code, 0);
    let expected = format!(
        "morgue {} (index schema {})",
        env!("CARGO_PKG_VERSION"),
        morgue::index::SCHEMA_VERSION
    );
    assert_eq!(run.stdout.trim(), expected);
}

/// What bash offers after the words typed so far, with the generated script loaded.
fn bash_completes(typed: &str) -> Vec<String> {
    let ctx = TestContext::new();
    let script = ctx.run(&["completions", "bash"]);
    assert_eq!(script.code, 0, "{}", script.stderr);
    let path = ctx.path().join("morgue.bash");
    std::fs::write(&path, &script.stdout).unwrap();
    let words: Vec<&str> = typed.split(' ').collect();
    let program = format!(
        "source '{}'; COMP_WORDS=({}); COMP_CWORD={}; COMP_LINE='{typed}'; COMP_POINT=${{#COMP_LINE}}; \
         _morgue morgue '{}' '{}'; printf '%s\\n' \"${{COMPREPLY[@]}}\"",
        path.display(),
        words
            .iter()
            .map(|w| format!("'{w}'"))
            .collect::<Vec<_>>()
            .join(" "),
        words.len() - 1,
        words[words.len() - 1],
        words[words.len() - 2],
    );
    let output = Command::new("bash")
        .arg("-c")
        .arg(program)
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout)
        .split_whitespace()
        .map(str::to_string)
        .collect()
}

#[test]
fn bash_completes_subcommands_and_flags() {
    assert_eq!(bash_completes("morgue sea"), ["search"]);
    assert_eq!(bash_completes("morgue search --to"), ["--topic", "--to"]);
    assert!(bash_completes("morgue ti").contains(&"timeline".to_string()));
}

#[test]
fn zsh_script_defines_every_subcommand_and_flag() {
    let run = TestContext::new().run(&["completions", "zsh"]);
    assert_eq!(run.code, 0);
    assert!(run.stdout.starts_with("#compdef morgue"));
    for needle in [
        "'search:",
        "'timeline:",
        "--topic=",
        "--batch=",
        "--all-copies",
    ] {
        assert!(run.stdout.contains(needle), "zsh script lacks {needle}");
    }
}

#[test]
fn man_pages_cover_every_subcommand() {
    let ctx = TestContext::new();
    let page = ctx.run(&["man"]);
    assert_eq!(page.code, 0);
    assert!(
        page.stdout.contains(".TH morgue 1"),
        "not roff: {}",
        &page.stdout[..200]
    );
    assert!(page.stdout.contains("morgue\\-search"));
    let dir = ctx.path().join("man");
    let written = ctx.run(&["man", dir.to_str().unwrap()]);
    assert_eq!(written.code, 0, "{}", written.stderr);
    for command in ["search", "ingest", "timeline", "persons", "completions"] {
        let sub = std::fs::read_to_string(dir.join(format!("morgue-{command}.1"))).unwrap();
        assert!(
            sub.contains(".TH morgue-"),
            "morgue-{command}.1 is not a man page"
        );
    }
}
