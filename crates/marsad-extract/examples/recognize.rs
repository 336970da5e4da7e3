//! Prints the entities `recognize` finds in a text file (or stdin), one per line:
//! `start..end<TAB>KIND<TAB>text`, char offsets into the input.
//!
//! `cargo run --release -p marsad-extract --example recognize -- FILE`

use marsad_extract::NerModel;
use std::io::Read;

fn main() -> std::io::Result<()> {
    let mut text = String::new();
    match std::env::args().nth(1) {
        Some(path) => text = std::fs::read_to_string(path)?,
        None => {
            std::io::stdin().read_to_string(&mut text)?;
        }
    }
    for e in NerModel::embedded().recognize(&text) {
        println!("{}..{}\t{}\t{}", e.start, e.end, e.kind, e.text);
    }
    Ok(())
}
