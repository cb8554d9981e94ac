//! morgue turns a folder of news clippings into a searchable, dated archive.
//!
//! The modules are declared in the order data flows through them: `input` finds files
//! and reads their bytes; `normalize` turns each file into [`clipping::Clipping`]s (one
//! entry point, `normalize::file`, for every format); `ingest` keeps an index in step
//! with folders (reading behind a fence, grouping copies of one story); `index` stores
//! clippings in tantivy and is the only module that knows tantivy; `catalog` counts what
//! the archive holds from the index's manifest; `query` describes what a user asks for;
//! `timeline` counts matches over time; `render` prints answers for people and programs;
//! `serve` answers the same questions as web pages and a JSON API;
//! `cli` wires it all to the command line.
#![warn(missing_docs)]
#![warn(clippy::string_slice)]

pub mod error;
pub mod input;
pub mod normalize;
pub mod clipping;
pub mod ingest;
pub mod index;
pub mod catalog;
pub mod query;
pub mod timeline;
pub mod render;
#[cfg(feature = "serve")]
pub mod serve;
pub mod cli;
pub(crate) mod fasthash;
pub(crate) mod words;

pub use error::{Error, Result};
