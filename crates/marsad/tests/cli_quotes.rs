//! `marsad quotes` end to end: a store holding extracted quotes, listed by speaker, by date,
//! as JSON; and `marsad analyze --json` filling the `quotes` array.

use assert_cmd::Command;
use chrono::NaiveDate;
use marsad_core::{Article, CertaintyLabel, Format, Published, Source};
use marsad_index::Store;

const BODY_1: &str = "قال المتحدث باسم الجيش الليبي العقيد أحمد المسماري إنه لا يوجد اتفاق مع روسيا حتى الآن.\n\nوأضاف: «ربما تبدأ المباحثات قريبا».";
const BODY_2: &str = "وأكدت مصادر محلية أن مبعوثين وصلوا إلى موسكو. وقال وزير الخارجية سامح شكري إن بلاده ستدعم الحل السياسي.";

fn article(id: &str, body: &str, day: u32) -> Article {
    let mut a = Article::new(Source::file(format!("fixtures/{id}.txt")), Format::Text);
    a.id = id.to_string();
    a.title = format!("عنوان {id}");
    a.set_paragraphs(body.split("\n\n"));
    a.outlet = Some("وكالة الاختبار".into());
    a.language = "ar".into();
    a.published = Some(Published::date(
        NaiveDate::from_ymd_opt(2016, 5, day).unwrap(),
    ));
    a.quotes = marsad_extract::quotes::extract_article(&a);
    a
}

fn store_with_quotes() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let mut w = store.writer(1).unwrap();
    for a in [article("q1", BODY_1, 24), article("q2", BODY_2, 26)] {
        assert!(
            !a.quotes.is_empty(),
            "the fixture must yield quotes: {}",
            a.body
        );
        w.add(&a, None).unwrap();
    }
    w.finish().unwrap();
    dir
}

fn marsad() -> Command {
    Command::cargo_bin("marsad").unwrap()
}

#[test]
fn lists_a_speakers_statements_with_certainty_and_source() {
    let dir = store_with_quotes();
    let out = marsad()
        .args(["quotes", "--speaker", "المسماري", "--json", "--data"])
        .arg(dir.path())
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let lines: Vec<serde_json::Value> = String::from_utf8(out)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 2, "{lines:#?}");
    assert!(lines.iter().all(|q| q["article_id"] == "q1"));
    assert_eq!(
        lines[0]["certainty"]["label"],
        CertaintyLabel::Denied.name()
    );
    assert_eq!(
        lines[1]["certainty"]["label"],
        CertaintyLabel::Possible.name()
    );
    assert_eq!(lines[1]["direct"], true);
    assert_eq!(lines[0]["role"], "المتحدث باسم الجيش الليبي");
}

#[test]
fn filters_by_date_and_matches_roles_and_folded_spellings() {
    let dir = store_with_quotes();
    // A role matches too, and the date range excludes the first article.
    let text = marsad()
        .args([
            "quotes",
            "--speaker",
            "مصادر",
            "--from",
            "2016-05-25",
            "--data",
        ])
        .arg(dir.path())
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8(text).unwrap();
    assert!(text.contains("reported"), "{text}");
    assert!(text.contains("q2"), "{text}");
    marsad()
        .args([
            "quotes",
            "--speaker",
            "المسماري",
            "--from",
            "2016-05-25",
            "--data",
        ])
        .arg(dir.path())
        .assert()
        .code(1);
    // Hamza-less spelling finds the same speaker (search folds).
    marsad()
        .args(["quotes", "--speaker", "احمد المسماري", "--data"])
        .arg(dir.path())
        .assert()
        .success();
}

#[test]
fn refuses_without_a_speaker_or_actor_and_bad_days() {
    let dir = store_with_quotes();
    marsad()
        .args(["quotes", "--data"])
        .arg(dir.path())
        .assert()
        .code(2);
    marsad()
        .args(["quotes", "--speaker", "x", "--from", "24/05/2016", "--data"])
        .arg(dir.path())
        .assert()
        .code(2);
}

#[test]
fn analyze_json_carries_quotes() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.txt");
    std::fs::write(&path, format!("عنوان الخبر\n\n{BODY_2}\n")).unwrap();
    let out = marsad()
        .args(["analyze", "--json"])
        .arg(&path)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let v: serde_json::Value =
        serde_json::from_str(String::from_utf8(out).unwrap().lines().next().unwrap()).unwrap();
    let quotes = v["quotes"].as_array().unwrap();
    assert!(quotes.len() >= 2, "{v:#}");
    let body: Vec<char> = v["body"].as_str().unwrap().chars().collect();
    for q in quotes {
        let (s, e) = (
            q["start"].as_u64().unwrap() as usize,
            q["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(
            body[s..e].iter().collect::<String>(),
            q["text"].as_str().unwrap()
        );
    }
    assert!(quotes.iter().any(|q| q["certainty"]["label"] == "reported"));
    assert!(quotes.iter().any(|q| q["certainty"]["label"] == "expected"));
}
