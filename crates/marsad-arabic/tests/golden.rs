//! Golden tests: each `tests/golden/NAME.txt` is tokenized, split into sentences and
//! normalized; the rendering is compared with `tests/golden/NAME.expected`.
//!
//! Refresh the expectations after an intended change with:
//! `UPDATE_EXPECT=1 cargo test -p marsad-arabic --test golden`, then review the diff.

use marsad_arabic::normalize::{Folds, normalize};
use marsad_arabic::sentence::sentences_from_tokens;
use marsad_arabic::token::tokenize;
use std::fmt::Write as _;
use std::path::Path;

/// One line per token (`start..end bytes kind text`), then one per sentence
/// (`S start..end tokens`), then the lossless and search normalizations.
fn render(input: &str) -> String {
    let mut out = String::new();
    let tokens = tokenize(input);
    for t in &tokens {
        writeln!(out, "{}", t.line(input)).unwrap();
    }
    for s in sentences_from_tokens(input, &tokens) {
        writeln!(
            out,
            "S {}..{} tokens {}..{}",
            s.start, s.end, s.tokens.start, s.tokens.end
        )
        .unwrap();
    }
    writeln!(
        out,
        "LOSSLESS {}",
        normalize(input, Folds::LOSSLESS)
            .text
            .trim_end()
            .replace('\n', "⏎")
    )
    .unwrap();
    writeln!(
        out,
        "SEARCH {}",
        normalize(input, Folds::SEARCH)
            .text
            .trim_end()
            .replace('\n', "⏎")
    )
    .unwrap();
    out
}

fn check(input_path: &Path) {
    let input = std::fs::read_to_string(input_path).unwrap();
    let actual = render(&input);
    let expected_path = input_path.with_extension("expected");
    if std::env::var_os("UPDATE_EXPECT").is_some() {
        std::fs::write(&expected_path, &actual).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&expected_path).unwrap_or_else(|_| {
        panic!(
            "{} is missing: run with UPDATE_EXPECT=1",
            expected_path.display()
        )
    });
    if actual != expected {
        let diff: Vec<String> = expected
            .lines()
            .zip(actual.lines())
            .filter(|(e, a)| e != a)
            .take(10)
            .map(|(e, a)| format!("- {e}\n+ {a}"))
            .collect();
        panic!(
            "{} differs from its golden file (UPDATE_EXPECT=1 to refresh):\n{}",
            input_path.display(),
            diff.join("\n")
        );
    }
}

#[test]
fn golden_files() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden");
    let mut inputs: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    inputs.sort();
    assert!(!inputs.is_empty());
    for input in inputs {
        check(&input);
    }
}
