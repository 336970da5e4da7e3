//! `marsad train triggers` end to end on our own fixtures (`tests/fixtures/events/`,
//! fictional articles written for the event tests).

use assert_cmd::Command;
use marsad_extract::events::detect::TriggerModel;
use std::path::{Path, PathBuf};

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/events")
        .join(name)
}

fn train(out: &Path, folds: &str) -> Command {
    let mut c = Command::cargo_bin("marsad").unwrap();
    c.args(["train", "triggers", "--gold"])
        .arg(fixture("gold.jsonl"))
        .arg("--corpus")
        .arg(fixture("corpus.jsonl"))
        .arg("--out")
        .arg(out)
        .args(["--folds", folds, "--min-count", "1", "--prune", "0"]);
    c
}

#[test]
fn training_is_deterministic_leaves_the_held_out_part_out_and_writes_a_threshold() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (dir.path().join("a.tsv"), dir.path().join("b.tsv"));
    let out = train(&a, "2").assert().success();
    let report = String::from_utf8(out.get_output().stderr.clone()).unwrap();
    // Orders 3 and 200 train; 130 and 140 are held out.
    assert!(
        report.contains("2 articles (held-out order 120..180 left out)"),
        "{report}"
    );
    assert!(report.contains("words no rule took"), "{report}");
    assert!(report.contains("(best, written to the model)"), "{report}");
    train(&b, "2").assert().success();
    let (a, b) = (
        std::fs::read_to_string(&a).unwrap(),
        std::fs::read_to_string(&b).unwrap(),
    );
    assert_eq!(a, b);
    assert!(a.starts_with("# marsad trigger detector"), "{a}");
    assert!(a.contains("# rebuild: marsad train triggers --gold gold.jsonl"));
    for header in ["@classes\t", "@threshold\t", "@bias\t"] {
        assert!(a.lines().any(|l| l.starts_with(header)), "{header} in {a}");
    }
    // The written file is a model marsad reads, with the words of the training articles.
    let m = TriggerModel::parse(&a).expect("parses");
    assert!(!m.is_empty());
}

#[test]
fn fewer_articles_than_folds_is_an_error_naming_both() {
    let dir = tempfile::tempdir().unwrap();
    let out = train(&dir.path().join("m.tsv"), "5").assert().code(2);
    let err = String::from_utf8(out.get_output().stderr.clone()).unwrap();
    assert!(
        err.contains("2 articles") && err.contains("5 folds"),
        "{err}"
    );
}
