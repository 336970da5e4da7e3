//! Golden test of `recognize` over a short news paragraph written for this test (not taken
//! from any corpus). The expected rendering has one entity per line:
//! `start..end<TAB>KIND<TAB>text`, char offsets into the input.
//!
//! To accept a new rendering after a deliberate change (a retrained model, new gazetteer
//! entries): `UPDATE_EXPECT=1 cargo test -p marsad-extract --test ner_golden`, then review the
//! diff.

use marsad_extract::NerModel;
use std::fmt::Write;
use std::path::Path;

fn render(text: &str) -> String {
    let mut out = String::new();
    for e in NerModel::embedded().recognize(text) {
        let _ = writeln!(out, "{}..{}\t{}\t{}", e.start, e.end, e.kind, e.text);
    }
    out
}

fn check(name: &str) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden");
    let input = std::fs::read_to_string(dir.join(format!("{name}.txt"))).unwrap();
    let got = render(&input);
    let expected_path = dir.join(format!("{name}.expected"));
    if std::env::var_os("UPDATE_EXPECT").is_some() {
        std::fs::write(&expected_path, &got).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&expected_path).unwrap_or_default();
    assert!(
        got == expected,
        "{name}: rendering changed; rerun with UPDATE_EXPECT=1 and review.\n--- expected\n{expected}\n--- got\n{got}"
    );
}

#[test]
fn news_paragraph() {
    check("paragraph");
}
