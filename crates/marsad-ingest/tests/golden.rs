//! Golden tests: every fixture under `fixtures/ingest/` (except `nasty/`, see nasty.rs) is
//! read, rendered one field per line, and compared with `expect/<same path>.expect`.
//!
//! Refresh after an intended change with `UPDATE_EXPECT=1 cargo test -p marsad-ingest --test golden`
//! and review the diff.

use marsad_ingest::{Event, Options, read_path};
use std::fmt::Write;
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests")
}

/// Renders the events of one file in the stable one-line-per-field format.
fn render(events: &[Event], base: &Path) -> String {
    let strip = |s: String| s.replace(&format!("{}/", base.display()), "");
    let mut out = String::new();
    for e in events {
        match e {
            Event::Article(a) => {
                let o = |v: &Option<String>| v.clone().unwrap_or_else(|| "-".into());
                writeln!(out, "== {}", strip(a.source.to_string())).unwrap();
                writeln!(out, "id: {}", a.id).unwrap();
                writeln!(out, "format: {}", a.format).unwrap();
                writeln!(out, "title: {}", a.title).unwrap();
                match &a.published {
                    Some(p) => writeln!(
                        out,
                        "published: {p} ({}, {})",
                        if p.is_local() { "local" } else { "offset" },
                        p.precision.name()
                    )
                    .unwrap(),
                    None => writeln!(out, "published: -").unwrap(),
                }
                if let Some((y, m, d)) = a.published.as_ref().and_then(|p| p.hijri) {
                    writeln!(out, "hijri: {y}-{m:02}-{d:02}").unwrap();
                }
                writeln!(out, "published_raw: {}", o(&a.published_raw)).unwrap();
                writeln!(out, "author: {}", o(&a.author)).unwrap();
                writeln!(out, "outlet: {}", o(&a.outlet)).unwrap();
                writeln!(out, "dateline: {}", o(&a.dateline)).unwrap();
                writeln!(out, "byline: {}", o(&a.byline)).unwrap();
                writeln!(out, "genre: {}", a.genre.name()).unwrap();
                writeln!(out, "tags: {}", a.tags.join(" | ")).unwrap();
                writeln!(out, "url: {}", o(&a.url)).unwrap();
                writeln!(out, "external_id: {}", o(&a.external_id)).unwrap();
                writeln!(out, "language: {}", a.language).unwrap();
                for d in &a.diagnostics {
                    writeln!(out, "diag: {d}").unwrap();
                }
                for p in a.paragraphs() {
                    writeln!(out, "p: {p}").unwrap();
                }
            }
            Event::Failed(e) => writeln!(out, "!! {}", strip(e.to_string())).unwrap(),
            Event::Skipped { source, reason } => {
                writeln!(out, "-- {}: {reason}", strip(source.to_string())).unwrap()
            }
        }
    }
    out
}

/// Reads `input` and compares its rendering with `expect`, or rewrites `expect` when
/// `UPDATE_EXPECT` is set.
fn check(input: &Path, expect: &Path) -> Result<(), String> {
    let mut events = Vec::new();
    read_path(input, &Options::default(), &mut |e| events.push(e));
    let got = render(&events, &root().join("fixtures"));
    if std::env::var_os("UPDATE_EXPECT").is_some() {
        std::fs::create_dir_all(expect.parent().unwrap()).unwrap();
        std::fs::write(expect, &got).unwrap();
        return Ok(());
    }
    let want = std::fs::read_to_string(expect)
        .map_err(|e| format!("{}: {e} (run with UPDATE_EXPECT=1)", expect.display()))?;
    if got != want {
        return Err(format!(
            "{} differs from {}:\n--- got\n{got}\n--- want\n{want}",
            input.display(),
            expect.display()
        ));
    }
    Ok(())
}

#[test]
fn every_fixture_matches_its_expectation() {
    let fixtures = root().join("fixtures/ingest");
    let mut failures = Vec::new();
    let mut n = 0;
    for dir in ["text", "html", "feed", "jsonl", "warc", "compressed"] {
        let mut files: Vec<PathBuf> = std::fs::read_dir(fixtures.join(dir))
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        files.sort();
        for f in files {
            let rel = f.strip_prefix(&fixtures).unwrap();
            let expect = root()
                .join("expect")
                .join(format!("{}.expect", rel.display()));
            n += 1;
            if let Err(e) = check(&f, &expect) {
                failures.push(e);
            }
        }
    }
    assert!(n >= 25, "only {n} fixtures found");
    assert!(
        failures.is_empty(),
        "{} of {n} fixtures differ:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn the_seed_yields_exactly_the_promised_fields() {
    let seed = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/seeds/000_b2265ed832da592c.txt");
    let mut events = Vec::new();
    read_path(&seed, &Options::default(), &mut |e| events.push(e));
    let [Event::Article(a)] = events.as_slice() else {
        panic!("expected one article, got {events:?}")
    };
    assert_eq!(a.title, "روسيا والتقارب مع جنرال ليبيا الأسباب والغايات");
    assert_eq!(
        a.published.as_ref().unwrap().to_string(),
        "2016-05-24T12:55:55"
    );
    assert!(a.published.as_ref().unwrap().is_local());
    assert_eq!(a.author.as_deref(), Some("عبدالعزيز الروَّاف"));
    assert_eq!(a.outlet.as_deref(), Some("إرم نيوز"));
    assert_eq!(a.tags, ["حفتر"]);
    assert_eq!(a.paragraphs().count(), 8);
    assert_eq!(a.language, "ar");
    assert!(a.body.starts_with("اشارات عدة يتلقاها"));
    assert!(a.body.ends_with("أو تلك\"."));
}
