//! `marsad train events` and `marsad analyze --candidates` end to end on our own fixtures
//! (`tests/fixtures/events/`, fictional articles written for these tests).

use assert_cmd::Command;
use std::path::PathBuf;

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/events")
        .join(name)
}

fn train(out: &std::path::Path, folds: &str) -> Command {
    let mut c = Command::cargo_bin("marsad").unwrap();
    c.args(["train", "events", "--gold"])
        .arg(fixture("gold.jsonl"))
        .arg("--corpus")
        .arg(fixture("corpus.jsonl"))
        .arg("--out")
        .arg(out)
        .args(["--folds", folds]);
    c
}

#[test]
fn training_is_deterministic_and_leaves_the_held_out_part_out() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (dir.path().join("a.tsv"), dir.path().join("b.tsv"));
    let out = train(&a, "2").assert().success();
    let report = String::from_utf8(out.get_output().stderr.clone()).unwrap();
    // Orders 3 and 200 train; 130 and 140 are held out.
    assert!(
        report.contains("2 articles (held-out order 120..180 left out), 5 gold events"),
        "{report}"
    );
    assert!(report.contains("the rules alone)"), "{report}");
    assert!(report.contains("best, written to the model"), "{report}");
    train(&b, "2").assert().success();
    let (ta, tb) = (
        std::fs::read_to_string(&a).unwrap(),
        std::fs::read_to_string(&b).unwrap(),
    );
    assert_eq!(ta, tb);
    // The file is a model: provenance, bias, threshold, then sorted features.
    assert!(ta.starts_with("# marsad event filter"), "{ta}");
    assert!(ta.contains("# rebuild: marsad train events --gold gold.jsonl --corpus corpus.jsonl"));
    assert!(ta.lines().any(|l| l.starts_with("@bias\t")));
    assert!(ta.lines().any(|l| l.starts_with("@threshold\t")));
    let features: Vec<&str> = ta
        .lines()
        .filter(|l| !l.starts_with(['#', '@']))
        .map(|l| l.split('\t').next().unwrap())
        .collect();
    assert!(!features.is_empty());
    assert!(
        features.windows(2).all(|w| w[0] < w[1]),
        "features not sorted"
    );
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

#[test]
fn analyze_candidates_lists_kept_and_vetoed_candidates() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.txt");
    // The first line is the title. A criticism with no one named is vetoed (no participant);
    // a meeting between two named people is the rules' own event.
    std::fs::write(
        &path,
        "عنوان تجريبي\nالتقى الوزير سامي الحوراني أمس نظيره الكندي جون سميث في عمّان.\nما أثار انتقادات من منظمات دعم اللاجئين.\n",
    )
    .unwrap();
    let out = Command::cargo_bin("marsad")
        .unwrap()
        .args(["analyze", "--candidates"])
        .arg(&path)
        .assert()
        .success();
    let text = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert!(
        lines[0].starts_with("# ") && lines[0].contains("candidates"),
        "{text}"
    );
    let kept = lines
        .iter()
        .find(|l| l.contains("CONSULT"))
        .unwrap_or_else(|| panic!("no CONSULT candidate in:\n{text}"));
    assert!(kept.starts_with("+ ") && !kept.contains("vetoed"), "{kept}");
    let vetoed = lines
        .iter()
        .find(|l| l.contains("[انتقادات]"))
        .unwrap_or_else(|| panic!("no vetoed candidate in:\n{text}"));
    assert!(
        vetoed.contains("vetoed: ") && vetoed.contains("no_actor"),
        "{vetoed}"
    );
    // Each candidate line carries a probability in [0, 1].
    for l in lines[1..].iter().filter(|l| !l.starts_with(' ')) {
        let p: f64 = l.split_whitespace().nth(1).unwrap().parse().unwrap();
        assert!((0.0..=1.0).contains(&p), "{l}");
    }
    // Under the kept event: its learned participants, then the candidates weighed for them.
    let at = lines.iter().position(|l| l == kept).unwrap();
    assert!(
        lines[at + 1].starts_with("    participants: ") && lines[at + 1].contains('→'),
        "{text}"
    );
    assert!(lines[at + 2].starts_with("      source "), "{text}");
}
