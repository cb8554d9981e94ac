//! morgue turns a folder of news clippings into a searchable, dated archive.
//!
//! Data flows through the modules in the order they are declared:
//! `input` reads files into [`input::RawClipping`]s, `normalize` turns each into a
//! [`clipping::Clipping`], `story` groups copies of one story, `index` stores clippings in a tantivy index (and is the only
//! module that knows tantivy), `ingest` keeps that index in step with a folder,
//! `query` describes what a user asks for, `timeline` counts matches over time, `render` prints answers for people or
//! programs, and `cli` wires it all to the command line.
#![warn(missing_docs)]
#![warn(clippy::string_slice)]

pub mod cli;
pub mod clipping;
pub mod error;
pub mod fasthash;
pub mod index;
pub mod ingest;
pub mod input;
pub mod normalize;
pub mod query;
pub mod render;
pub mod story;
pub mod timeline;

pub use error::{Error, Result};
