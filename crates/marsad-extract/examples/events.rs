//! Prints the events `marsad_extract::events::extract_text` finds in a text file (or stdin),
//! one per line: type, CAMEO, mode, certainty, cue, source → target, place, date,
//! attribution.
//!
//! `cargo run --release -p marsad-extract --example events -- FILE`

use std::io::Read;

fn main() -> std::io::Result<()> {
    let mut text = String::new();
    match std::env::args().nth(1) {
        Some(path) => text = std::fs::read_to_string(path)?,
        None => {
            std::io::stdin().read_to_string(&mut text)?;
        }
    }
    for e in marsad_extract::events::extract_text(&text) {
        let name = |a: &Option<marsad_core::Argument>| {
            a.as_ref()
                .map(|a| a.name.clone())
                .unwrap_or_else(|| "-".into())
        };
        println!(
            "{}\t{}\t{}\t{}\t[{}]\t{} → {}\t@{}\t{}\t«{}»",
            e.kind,
            e.cameo.as_deref().unwrap_or("-"),
            e.mode.as_deref().unwrap_or("-"),
            e.certainty.label,
            e.cue,
            name(&e.source),
            name(&e.target),
            name(&e.location),
            e.date
                .as_ref()
                .and_then(|d| d.text.clone())
                .unwrap_or_else(|| "-".into()),
            e.attributed_to.as_deref().unwrap_or("-"),
        );
    }
    Ok(())
}
