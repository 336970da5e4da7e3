//! `marsad train roles` end to end on our own fixtures (`tests/fixtures/events/`, fictional
//! articles written for the event tests).

use assert_cmd::Command;
use std::path::{Path, PathBuf};

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/events")
        .join(name)
}

fn train(dir: &Path, tag: &str, folds: &str) -> Command {
    let mut c = Command::cargo_bin("marsad").unwrap();
    c.args(["train", "roles", "--gold"])
        .arg(fixture("gold.jsonl"))
        .arg("--corpus")
        .arg(fixture("corpus.jsonl"))
        .arg("--source-out")
        .arg(dir.join(format!("source-{tag}.tsv")))
        .arg("--target-out")
        .arg(dir.join(format!("target-{tag}.tsv")))
        .args(["--folds", folds, "--min-count", "1"]);
    c
}

#[test]
fn training_is_deterministic_leaves_the_held_out_part_out_and_writes_margins() {
    let dir = tempfile::tempdir().unwrap();
    let out = train(dir.path(), "a", "2").assert().success();
    let report = String::from_utf8(out.get_output().stderr.clone()).unwrap();
    // Orders 3 and 200 train; 130 and 140 are held out.
    assert!(
        report.contains("2 articles (held-out order 120..180 left out)"),
        "{report}"
    );
    assert!(report.contains("right participants"), "{report}");
    train(dir.path(), "b", "2").assert().success();
    for role in ["source", "target"] {
        let read = |tag: &str| {
            std::fs::read_to_string(dir.path().join(format!("{role}-{tag}.tsv"))).unwrap()
        };
        let (a, b) = (read("a"), read("b"));
        assert_eq!(a, b, "{role}");
        assert!(a.starts_with(&format!("# marsad {role} model")), "{a}");
        assert!(a.contains("# rebuild: marsad train roles --gold gold.jsonl"));
        for header in ["@bias\t", "@margin\t", "@threshold\t"] {
            assert!(a.lines().any(|l| l.starts_with(header)), "{header} in {a}");
        }
        // The written pair is a model marsad reads.
        let other = read("a");
        marsad_extract::events::roles::RoleModel::parse(&a, &other).expect("parses");
    }
}

#[test]
fn fewer_articles_than_folds_is_an_error_naming_both() {
    let dir = tempfile::tempdir().unwrap();
    let out = train(dir.path(), "m", "5").assert().code(2);
    let err = String::from_utf8(out.get_output().stderr.clone()).unwrap();
    assert!(
        err.contains("2 articles") && err.contains("5 folds"),
        "{err}"
    );
}
