//! The embedded demo corpus: every article reads, and the syndicated copies listed in
//! `crates/marsad/demo/README.md` are found.

use assert_cmd::Command;
use std::collections::HashMap;

/// The copy pairs the demo's README lists, by source location (either may be the earlier).
const PAIRS: [(&str, &str); 7] = [
    (
        "demo/002_army_salaries_ultimatum.txt",
        "demo/003_darai_deadline_republished.txt",
    ),
    (
        "demo/010_wadi_denies_arms_claims.txt",
        "demo/011_wadi_denies_republished.txt",
    ),
    (
        "demo/015_nahda_secretary_arrested.txt",
        "demo/016_nahda_secretary_arrested_copy.txt",
    ),
    (
        "demo/020_eu_sanctions.txt",
        "demo/html/2024-06-03_eu_sanctions_republished.html",
    ),
    (
        "demo/024_cairo_ceasefire_signed.txt",
        "demo/025_ceasefire_wadi_republished.txt",
    ),
    (
        "demo/027_army_withdrawal_begins.txt",
        "demo/028_army_withdrawal_syndicated.txt",
    ),
    (
        "demo/030_safsaf_crossing_reopens.txt",
        "demo/feed/alwadi_tv.xml",
    ),
];

#[test]
fn demo_corpus_reads_and_its_copies_are_found() {
    let out = Command::cargo_bin("marsad")
        .unwrap()
        .args(["analyze", "--demo", "--json"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("failed 0"), "{stderr}");
    let articles: Vec<serde_json::Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert!(articles.len() >= 54, "{}", articles.len());
    for a in &articles {
        assert!(a["published"].is_string(), "undated: {}", a["source"]);
        assert!(a["outlet"].is_string(), "no outlet: {}", a["source"]);
        assert!(
            a["body"].as_str().unwrap().chars().count() > 300,
            "short body: {}",
            a["source"]
        );
    }
    let by_source: HashMap<&str, Vec<&serde_json::Value>> =
        articles.iter().fold(HashMap::new(), |mut m, a| {
            m.entry(a["source"]["location"].as_str().unwrap())
                .or_default()
                .push(a);
            m
        });
    let id_of = |loc: &str| -> Vec<&str> {
        by_source[loc]
            .iter()
            .map(|a| a["id"].as_str().unwrap())
            .collect()
    };
    for (a, b) in PAIRS {
        let linked = by_source[a].iter().chain(&by_source[b]).any(|x| {
            x["dup_of"]
                .as_str()
                .is_some_and(|d| id_of(a).contains(&d) || id_of(b).contains(&d))
        });
        assert!(linked, "{a} and {b} are not linked as copies");
    }
    let dups = articles.iter().filter(|a| a["dup_of"].is_string()).count();
    assert_eq!(dups, PAIRS.len(), "only the listed copies are duplicates");
}
