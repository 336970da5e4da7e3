//! End-to-end: `marsad train ner` and `marsad eval ner` on tiny data written here.

use assert_cmd::Command;
use std::path::Path;

fn marsad() -> Command {
    Command::cargo_bin("marsad").unwrap()
}

/// Sentences of our own: a name after قال, a place after في.
fn conll() -> String {
    let mut out = String::new();
    for name in ["زيد", "عمرو", "بكر", "خالد"] {
        for place in ["دمشق", "القاهرة", "بغداد"] {
            out.push_str(&format!(
                "قال O\n{name} B-PERS\nإنه O\nفي O\n{place} B-LOC\n. O\n\n"
            ));
        }
    }
    out
}

fn write_inputs(dir: &Path) {
    std::fs::write(dir.join("train.txt"), conll()).unwrap();
    std::fs::write(
        dir.join("clusters.tsv"),
        "# marsad word clusters v1\nقال\t10\t1.0.0\nفي\t9\t2.0.0\nدمشق\t3\t3.1.0\n",
    )
    .unwrap();
    // Raw text for the self-trained name lexicon (JSONL records with title and content).
    std::fs::write(
        dir.join("corpus.jsonl"),
        "{\"title\": \"قال زيد\", \"content\": \"قال زيد إنه في دمشق. قال بكر إنه في بغداد.\"}\n\
         {\"content\": \"قال عمرو إنه في القاهرة.\"}\n",
    )
    .unwrap();
}

fn train(dir: &Path, out: &str) {
    marsad()
        .current_dir(dir)
        .args([
            "train",
            "ner",
            "--train",
            "train.txt",
            "--clusters",
            "clusters.tsv",
            "--out",
            out,
            "--epochs",
            "3",
            "--ensemble",
            "2",
            "--dev-fraction",
            "0.25",
            "--corpus",
            "corpus.jsonl",
            "--folds",
            "2",
            "--doc-window",
            "2",
        ])
        .assert()
        .success();
}

#[test]
fn train_is_deterministic_and_eval_gates_on_the_floor() {
    let dir = tempfile::tempdir().unwrap();
    write_inputs(dir.path());
    train(dir.path(), "a.model");
    train(dir.path(), "b.model");
    let a = std::fs::read(dir.path().join("a.model")).unwrap();
    let b = std::fs::read(dir.path().join("b.model")).unwrap();
    assert_eq!(a, b, "two trainings gave different model files");

    let ok = marsad()
        .current_dir(dir.path())
        .args([
            "eval",
            "ner",
            "--gold",
            "train.txt",
            "--model",
            "a.model",
            "--floor",
            "90",
        ])
        .args(["--predictions", "pred.txt"])
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&ok.stdout);
    assert!(ok.status.success(), "{stdout}");
    assert!(stdout.contains("micro"), "{stdout}");
    assert!(
        stdout.contains("lexicon self-trained on corpus.jsonl (3 texts")
            && stdout.contains("document window 2"),
        "{stdout}"
    );
    let pred = std::fs::read_to_string(dir.path().join("pred.txt")).unwrap();
    assert!(pred.starts_with("قال O O\n"), "{pred}");

    marsad()
        .current_dir(dir.path())
        .args([
            "eval",
            "ner",
            "--gold",
            "train.txt",
            "--model",
            "a.model",
            "--floor",
            "100.5",
        ])
        .assert()
        .code(1);
}

#[test]
fn bad_inputs_are_errors_not_panics() {
    let dir = tempfile::tempdir().unwrap();
    write_inputs(dir.path());
    std::fs::write(dir.path().join("bad.txt"), "token\n").unwrap();
    marsad()
        .current_dir(dir.path())
        .args([
            "train",
            "ner",
            "--train",
            "bad.txt",
            "--clusters",
            "clusters.tsv",
        ])
        .assert()
        .code(2);
    std::fs::write(dir.path().join("junk.model"), "not a model").unwrap();
    marsad()
        .current_dir(dir.path())
        .args([
            "eval",
            "ner",
            "--gold",
            "train.txt",
            "--model",
            "junk.model",
        ])
        .assert()
        .code(2);
}
