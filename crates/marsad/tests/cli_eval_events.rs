//! `marsad eval events` end to end on our own fixtures (`tests/fixtures/events/`, fictional
//! sentences written for these tests): the report parses, its gold counts are those of the
//! fixtures, its figures are consistent, and every floor fails the run when set above 1.

use assert_cmd::Command;
use serde_json::Value;
use std::path::PathBuf;

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/events")
        .join(name)
}

/// The command with every input pointing at the fixtures.
fn eval_events() -> Command {
    let mut c = Command::cargo_bin("marsad").unwrap();
    c.args(["eval", "events", "--gsr"])
        .arg(fixture("gsr.csv"))
        .arg("--spans")
        .arg(fixture("spans.json"))
        .arg("--gold")
        .arg(fixture("gold.jsonl"))
        .arg("--corpus")
        .arg(fixture("corpus.jsonl"));
    c
}

fn stdout(out: &std::process::Output) -> String {
    String::from_utf8(out.stdout.clone()).unwrap()
}

fn num(v: &Value, key: &str) -> f64 {
    v[key]
        .as_f64()
        .unwrap_or_else(|| panic!("{key} is not a number in {v}"))
}

/// P, R and F1 are fractions and F1 is their harmonic mean.
fn check_prf(v: &Value, p: &str, r: &str, f: &str) {
    let (p, r, f) = (num(v, p), num(v, r), num(v, f));
    for x in [p, r, f] {
        assert!((0.0..=1.0).contains(&x), "{x} out of [0, 1] in {v}");
    }
    let want = if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    };
    assert!(
        (f - want).abs() < 1e-9,
        "F1 {f} is not the mean of {p} and {r}"
    );
}

#[test]
fn json_report_has_the_fixture_counts_and_consistent_figures() {
    let out = eval_events().arg("--json").assert().success();
    let v: Value = serde_json::from_str(&stdout(out.get_output())).unwrap();

    // Part A, detection: 8 sentences (3 yes, 3 easy no, 1 difficult no, 1 ambiguous).
    let det = &v["part_a"]["detection"];
    let all = &det["all"];
    assert_eq!(v["part_a"]["event_type"], "PROTEST");
    assert_eq!(
        (all["sentences"].as_u64(), all["yes"].as_u64()),
        (Some(8), Some(3))
    );
    assert_eq!(
        (all["easy_no"].as_u64(), all["difficult_no"].as_u64()),
        (Some(3), Some(1))
    );
    assert_eq!(all["ambiguous"].as_u64(), Some(1));
    // sha1 puts fx-03, fx-05 and fx-08 in dev, the other five in test.
    assert_eq!(det["dev"]["sentences"].as_u64(), Some(3));
    assert_eq!(det["test"]["sentences"].as_u64(), Some(5));
    for part in ["dev", "test", "all"] {
        let d = &det[part];
        check_prf(d, "precision", "recall", "f1");
        let tp = d["tp"].as_u64().unwrap();
        assert_eq!(tp + d["fn"].as_u64().unwrap(), d["yes"].as_u64().unwrap());
        assert!(num(d, "fpr_easy_no") <= 1.0 && num(d, "fpr_difficult_no") <= 1.0);
        assert!(d["ambiguous_flagged"].as_u64().unwrap() <= d["ambiguous"].as_u64().unwrap());
    }

    // The panel: 7 scored rows carry votes; one coder accepts the 3 unanimous yes and fx-07
    // once in five (3 + 0.2 expected accepts), so its precision is 3 / 3.2. The majority
    // counts fx-01..03 (5/5) and not fx-08 (1/2).
    let panel = &v["part_a"]["panel"]["all"];
    assert_eq!(panel["voted_sentences"].as_u64(), Some(7));
    assert!((num(&panel["one_coder"], "precision") - 3.0 / 3.2).abs() < 1e-9);
    check_prf(&panel["one_coder"], "precision", "recall", "f1");
    let maj = &panel["majority"];
    assert_eq!(maj["yes"].as_u64(), Some(3));
    assert_eq!(maj["tp"].as_u64().unwrap() + maj["fn"].as_u64().unwrap(), 3);
    check_prf(maj, "precision", "recall", "f1");

    // Part A, source actors: 3 sentences, 2 of them with a consensus verb.
    assert_eq!(v["part_a"]["span_sentences"].as_u64(), Some(3));
    assert_eq!(v["part_a"]["consensus_sentences"].as_u64(), Some(2));
    let rows = v["part_a"]["source_actors"]["all"].as_array().unwrap();
    assert_eq!(rows.len(), 4);
    for (row, gold) in rows.iter().zip([2, 2, 3, 3]) {
        assert_eq!(row["gold_events"].as_u64(), Some(gold), "{row}");
        let found = row["found"].as_u64().unwrap();
        assert!(found <= gold);
        assert!(num(row, "source_over_all") <= num(row, "recall") + 1e-12);
    }

    // Part B: 4 articles (1 tuning, 2 held out, 1 filter training), 7 gold events.
    let b = &v["part_b"];
    assert_eq!(b["articles"].as_u64(), Some(4));
    let parts = &b["parts"];
    assert_eq!(parts["tune"]["articles"].as_u64(), Some(1));
    assert_eq!(parts["held-out"]["articles"].as_u64(), Some(2));
    assert_eq!(parts["filter"]["articles"].as_u64(), Some(1));
    assert_eq!(parts["tune"]["gold"].as_u64(), Some(3));
    assert_eq!(parts["filter"]["gold"].as_u64(), Some(2));
    assert_eq!(parts["all"]["gold"].as_u64(), Some(7));
    for part in ["tune", "held-out", "filter", "all"] {
        let p = &parts[part];
        check_prf(p, "precision", "recall", "f1");
        // The rules alone are scored against the same gold; the filter only adds events.
        let rules = &p["rules_alone"];
        check_prf(rules, "precision", "recall", "f1");
        assert_eq!(rules["gold"], p["gold"]);
        assert!(rules["predicted"].as_u64().unwrap() <= p["predicted"].as_u64().unwrap());
        check_prf(&p["trigger_only"], "precision", "recall", "f1");
        let matched = p["matched"].as_u64().unwrap();
        // A typed match is also a trigger match.
        assert!(matched <= p["trigger_only"]["matched"].as_u64().unwrap());
        assert!(
            matched
                <= p["gold"]
                    .as_u64()
                    .unwrap()
                    .min(p["predicted"].as_u64().unwrap())
        );
    }
    let gold_by_type: u64 = b["by_type"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["gold"].as_u64().unwrap())
        .sum();
    assert_eq!(gold_by_type, 7);
    let matrix: u64 = b["certainty_confusion"]["matrix"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|r| r.as_array().unwrap().iter().map(|x| x.as_u64().unwrap()))
        .sum();
    assert_eq!(matrix, parts["all"]["matched"].as_u64().unwrap());
}

#[test]
fn text_report_prints_parseable_figures() {
    let out = eval_events().assert().success();
    let text = stdout(out.get_output());
    // The detection table's "all" row: part, 8 counts, then P, R, F1, two rates, a count.
    let row = text
        .lines()
        .find(|l| l.starts_with("all ") && l.split_whitespace().count() == 15)
        .unwrap_or_else(|| panic!("no detection row for all in:\n{text}"));
    let cells: Vec<&str> = row.split_whitespace().collect();
    assert_eq!(cells[1], "8");
    let figures: Vec<f64> = cells[9..14].iter().map(|c| c.parse().unwrap()).collect();
    assert!(figures.iter().all(|x| (0.0..=1.0).contains(x)), "{row}");
    assert!(text.contains("events, part B: marsad's gold"));
    assert!(text.contains("the rules alone (their candidates before the learned filter"));
    assert!(text.contains("certainty confusion (all matched events"));
    assert!(text.contains("ok: every figure is at or above its floor"));
}

#[test]
fn every_floor_above_one_fails_the_run() {
    for (flag, name) in [
        ("--floor-f1", "part A detection F1"),
        ("--floor-source", "part A source accuracy"),
        ("--floor-event-f1", "part B event F1"),
        ("--floor-certainty", "part B certainty accuracy"),
    ] {
        let out = eval_events().args([flag, "1.01"]).assert().code(1);
        let text = stdout(out.get_output());
        assert!(text.contains(&format!("FAIL: {name}")), "{flag}:\n{text}");
    }
}

#[test]
fn part_b_is_skipped_without_gold_but_its_floors_then_fail() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("events.jsonl");
    let run = |extra: &[&str]| {
        let mut c = Command::cargo_bin("marsad").unwrap();
        c.args(["eval", "events", "--gsr"])
            .arg(fixture("gsr.csv"))
            .arg("--spans")
            .arg(fixture("spans.json"))
            .arg("--gold")
            .arg(&missing)
            .args(extra);
        c
    };
    // No --corpus is needed when there is no gold.
    let out = run(&[]).assert().success();
    assert!(stdout(out.get_output()).contains("part B: skipped"));
    let out = run(&["--json"]).assert().success();
    let v: Value = serde_json::from_str(&stdout(out.get_output())).unwrap();
    assert!(v["part_b"].is_null());
    run(&["--floor-event-f1", "0.5"]).assert().code(1);
}

#[test]
fn gold_without_corpus_or_with_a_changed_article_is_an_error() {
    let mut c = Command::cargo_bin("marsad").unwrap();
    c.args(["eval", "events", "--gsr"])
        .arg(fixture("gsr.csv"))
        .arg("--spans")
        .arg(fixture("spans.json"))
        .arg("--gold")
        .arg(fixture("gold.jsonl"));
    let out = c.assert().failure();
    let err = String::from_utf8(out.get_output().stderr.clone()).unwrap();
    assert!(err.contains("--corpus"), "{err}");

    // One char of one article changed: the gold's offsets no longer hold.
    let dir = tempfile::tempdir().unwrap();
    let corpus = std::fs::read_to_string(fixture("corpus.jsonl")).unwrap();
    let changed = dir.path().join("corpus.jsonl");
    std::fs::write(&changed, corpus.replacen("تظاهر", "تظاهرت", 1)).unwrap();
    let mut c = Command::cargo_bin("marsad").unwrap();
    c.args(["eval", "events", "--gsr"])
        .arg(fixture("gsr.csv"))
        .arg("--spans")
        .arg(fixture("spans.json"))
        .arg("--gold")
        .arg(fixture("gold.jsonl"))
        .arg("--corpus")
        .arg(&changed);
    let out = c.assert().failure();
    let err = String::from_utf8(out.get_output().stderr.clone()).unwrap();
    assert!(err.contains("changed since it was annotated"), "{err}");
}
