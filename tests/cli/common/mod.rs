//! A temporary archive and a clean way to run `morgue` on it.

pub mod pdf;

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// A temporary folder holding `archive/` and, after ingest, `index/`.
pub struct TestContext {
    dir: tempfile::TempDir,
}

/// What a run of the binary printed and how it exited.
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    /// Parses stdout as JSON Lines.
    pub fn json_lines(&self) -> Vec<Value> {
        self.stdout
            .lines()
            .map(|line| {
                serde_json::from_str(line).unwrap_or_else(|e| panic!("bad JSON line {line}: {e}"))
            })
            .collect()
    }

    /// Parses stdout as one JSON object.
    pub fn json(&self) -> Value {
        let lines = self.json_lines();
        assert_eq!(
            lines.len(),
            1,
            "expected one JSON object, got: {}",
            self.stdout
        );
        lines.into_iter().next().unwrap()
    }
}

impl TestContext {
    /// An empty temporary folder.
    pub fn new() -> Self {
        TestContext {
            dir: tempfile::tempdir().unwrap(),
        }
    }

    /// A folder with the standard fixture archive.
    pub fn with_archive() -> Self {
        let ctx = Self::new();
        for (path, text) in FIXTURES {
            ctx.write(path, text);
        }
        ctx
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    pub fn write(&self, relative: &str, text: &str) -> PathBuf {
        self.write_bytes(relative, text.as_bytes())
    }

    pub fn write_bytes(&self, relative: &str, bytes: &[u8]) -> PathBuf {
        let path = self.dir.path().join(relative);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, bytes).unwrap();
        path
    }

    /// Runs `morgue ARGS` in the folder with a clean environment.
    pub fn run(&self, args: &[&str]) -> Run {
        let output: Output = Command::new(env!("CARGO_BIN_EXE_morgue"))
            .args(args)
            .current_dir(self.dir.path())
            .env_remove("MORGUE_INDEX")
            .env_remove("NO_COLOR")
            .env_remove("COLUMNS")
            .output()
            .unwrap();
        Run {
            code: output.status.code().unwrap_or(-1),
            stdout: String::from_utf8(output.stdout).unwrap(),
            stderr: String::from_utf8(output.stderr).unwrap(),
        }
    }

    /// Runs `morgue ingest` on `archive/` and checks that it succeeded.
    pub fn ingest(&self) -> Value {
        let run = self.run(&["ingest", "archive", "--json"]);
        assert_eq!(run.code, 0, "ingest failed: {}", run.stderr);
        run.json()
    }
}

/// The text of `hit` at each highlight range.
pub fn highlighted(hit: &Value) -> Vec<String> {
    let text = hit["text"].as_str().unwrap();
    hit["highlights"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            let (a, b) = (
                r[0].as_u64().unwrap() as usize,
                r[1].as_u64().unwrap() as usize,
            );
            text[a..b].to_string()
        })
        .collect()
}

/// A small archive of invented local news whose answers are known by heart.
pub const FIXTURES: &[(&str, &str)] = &[
    (
        "archive/harbour-road.txt",
        "Harbour road closes after storm\nPublished: 3 March 2025\n\nThe council closed the harbour road on Monday after engineers found cracks in the sea wall.\nAdvert\nMayor Ellen Price said the road would reopen in June.\n.jpg)\nTopics: Local News, Transport\n",
    ),
    (
        "archive/wall-ruling.txt",
        "Judge halts sea wall contract\nBy Sam Roe | April 10, 2025\nSource: Harbourton Gazette\n\nA judge in Harbourton halted the sea wall contract on Tuesday, granting an injunction sought by residents.\nShare this article\nJudge Ada Quinn said the council had not consulted the public before signing.\nThe council said it would appeal.\nTopics: Courts, Local News\n",
    ),
    (
        "archive/2024/storm.md",
        "---\ntitle: Winter storm batters the coast\ndate: 2024-11-20\ntags: [Weather, Local News]\nsource: Coast Weekly\n---\n\nA winter storm brought gales and flooding to the coast overnight, closing the ferry.\n\n## Damage\n\nWaves damaged the sea wall in three places, the harbour master said.\n",
    ),
    (
        "archive/2025-06-01-festival.txt",
        "Harbour festival returns\n\nThe harbour festival returned on Saturday with boat races and a fish market.\nOrganisers said ten thousand people came.\n",
    ),
];
