//! Links the command-line binary as a fixed-address executable on Linux.
//!
//! Every `morgue` command is a new process, and a position-independent executable of
//! this size spends about two milliseconds at start-up applying its relocations (and
//! faulting in the pages they touch) before `main` runs. The code is still compiled
//! position-independent; only the final link resolves the addresses.

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    let linux = std::env::var("CARGO_CFG_TARGET_OS").is_ok_and(|os| os == "linux");
    let gnu = std::env::var("CARGO_CFG_TARGET_ENV").is_ok_and(|env| env == "gnu");
    if linux && gnu {
        println!("cargo:rustc-link-arg-bins=-no-pie");
    }
}
