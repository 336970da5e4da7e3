//! Fuzzes the plain-text scrape reader and the date parser: neither may panic, and an
//! accepted date must render as ISO 8601 that parses back.
//!
//! Run: `cargo fuzz run text_and_dates -- -max_total_time=60` (from this folder, nightly).
#![no_main]

use libfuzzer_sys::fuzz_target;
use marsad_core::{Published, Source};
use marsad_ingest::dates::parse_date;
use marsad_ingest::text::read_text;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Some(p) = parse_date(text) {
        let iso = p.published.to_string();
        assert!(Published::parse_iso(&iso).is_some(), "{iso}");
    }
    if let Ok(a) = read_text(Source::file("fuzz.txt"), text) {
        // The body invariant: paragraphs joined by a blank line, none empty.
        assert!(a.paragraphs().all(|p| !p.is_empty() && !p.contains("\n\n")));
    }
    for line in text.lines().take(8) {
        let _ = parse_date(line);
    }
});
