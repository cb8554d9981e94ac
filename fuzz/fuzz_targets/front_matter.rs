//! Any text as YAML or TOML front matter: splitting and reading fields never panics.
#![no_main]

use libfuzzer_sys::fuzz_target;
use morgue::normalize::frontmatter::split;

fuzz_target!(|text: &str| {
    for fence in ["---\n", "+++\n"] {
        let with_fence = format!("{fence}{text}");
        let _ = split(&with_fence, true);
        let _ = split(&with_fence, false);
    }
    let _ = split(text, true);
});
