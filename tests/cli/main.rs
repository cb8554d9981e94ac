//! Command-line tests: each builds a small archive in a temporary folder, runs the
//! `morgue` binary on it, and checks what a user would see.

mod common;

mod copies;
mod crash;
mod docs;
mod export_pages;
mod exports;
mod extract;
mod formats;
mod gauntlet;
mod hostile;
mod ingest;
mod persons;
mod query_language;
mod ranking;
mod search;
mod seed;
mod serve;
mod show;
mod takeaway;
mod timeline;
mod watch;
