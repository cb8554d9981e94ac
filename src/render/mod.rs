//! Presentation only: every answer printed for people (aligned, highlighted) or for
//! programs (JSON), always into a `Write`.

pub mod csv;
pub mod human;
pub mod json;
pub mod svg;
pub mod terminal;

/// How human output should look.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Style {
    /// Use ANSI colour and bold.
    pub color: bool,
    /// Wrap passages to this many columns.
    pub width: usize,
}

impl Style {
    /// Plain output for pipes and files.
    pub fn plain() -> Style {
        Style {
            color: false,
            width: 100,
        }
    }
}
