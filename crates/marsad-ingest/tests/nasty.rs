//! Bad input: every file in `fixtures/ingest/nasty/` must give a one-line reason naming the
//! file (and record), never a panic, and the good records around the bad ones must survive.

use marsad_ingest::{Event, Limits, Options, read_path};
use std::io::Write;
use std::path::{Path, PathBuf};

fn nasty(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/ingest/nasty")
        .join(name)
}

struct Outcome {
    articles: usize,
    failures: Vec<String>,
}

fn read(path: &Path, opts: &Options) -> Outcome {
    let mut out = Outcome {
        articles: 0,
        failures: Vec::new(),
    };
    read_path(path, opts, &mut |e| match e {
        Event::Article(_) => out.articles += 1,
        Event::Failed(e) => out.failures.push(e.to_string()),
        Event::Skipped { .. } => {}
    });
    out
}

/// `(file, expected articles, expected failure lines: (record suffix, reason substring))`.
/// A failure line: the record suffix after the path, and a substring of the reason.
type Failure = (&'static str, &'static str);

const CASES: &[(&str, usize, &[Failure])] = &[
    ("invalid_utf8.txt", 0, &[("", "invalid UTF-8 at byte")]),
    (
        "wrong_charset.html",
        0,
        &[("", "declares utf-8 but the bytes are not")],
    ),
    (
        "unknown_charset_garbage.html",
        0,
        &[("", "no charset declared")],
    ),
    (
        "image.png",
        0,
        &[("", "binary file (looks like a PNG image)")],
    ),
    (
        "nul_bytes.txt",
        0,
        &[("", "binary file (NUL byte at offset")],
    ),
    ("truncated.jsonl.gz", 2, &[("#2", "truncated gzip stream")]),
    (
        "truncated.jsonl.zst",
        0,
        &[("", "truncated zstd stream after 0 decompressed bytes")],
    ),
    ("malformed.xml", 0, &[("", "malformed feed")]),
    ("entity_bomb.xml", 0, &[("", "declares entities")]),
    ("no_article.html", 0, &[("", "no article found")]),
    (
        "not_json.jsonl",
        2,
        &[
            ("#1", "line is not JSON"),
            ("#2", "not an object (an array)"),
            ("#3", "none of the title or body fields"),
        ],
    ),
    (
        "bad_length.warc",
        1,
        &[
            ("#1", "bad Content-Length 'twelve'"),
            ("#2", "does not end the record"),
        ],
    ),
    ("truncated.warc", 0, &[("#1", "file ends after")]),
    ("empty.txt", 0, &[("", "empty file")]),
    ("whitespace_only.txt", 0, &[("", "no text in the file")]),
    (
        "feed_without_items.xml",
        0,
        &[("", "the feed has no items")],
    ),
    ("html_not_feed.xml", 0, &[("", "malformed feed")]),
];

#[test]
fn every_nasty_file_fails_with_a_reason_naming_it() {
    let dir = nasty("");
    let mut listed: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    listed.sort();
    let mut covered: Vec<String> = CASES.iter().map(|c| c.0.to_string()).collect();
    covered.sort();
    assert_eq!(
        listed, covered,
        "every nasty fixture needs a row, every row a fixture"
    );
    for (file, articles, failures) in CASES {
        let path = nasty(file);
        let got = read(&path, &Options::default());
        assert_eq!(
            got.articles, *articles,
            "{file}: articles; failures were {:?}",
            got.failures
        );
        assert_eq!(
            got.failures.len(),
            failures.len(),
            "{file}: {:?}",
            got.failures
        );
        for (line, (record, reason)) in got.failures.iter().zip(failures.iter()) {
            let prefix = format!("{}{record}", path.display());
            assert!(
                line.starts_with(&prefix),
                "{file}: '{line}' should start with '{prefix}'"
            );
            assert!(
                line.contains(reason),
                "{file}: '{line}' should say '{reason}'"
            );
            assert!(
                !line.contains('\n'),
                "{file}: the reason must be one line: {line:?}"
            );
        }
    }
}

#[test]
fn the_entity_bomb_is_never_expanded() {
    // Even past the DTD guard, feed-rs keeps unknown entities as text: parse the bomb's
    // body with the guard's trigger removed and check nothing grew.
    let bomb = std::fs::read_to_string(nasty("entity_bomb.xml")).unwrap();
    let start = bomb.find("<!DOCTYPE").unwrap();
    let end = bomb.find("]>").unwrap() + 2;
    let stripped = format!("{}{}", &bomb[..start], &bomb[end..]);
    let mut out = Vec::new();
    marsad_ingest::read_bytes(
        "bomb-without-dtd.xml",
        stripped.as_bytes(),
        &Options::default(),
        &mut |e| out.push(e),
    );
    for e in &out {
        if let Event::Article(a) = e {
            assert!(
                a.title.len() < 100 && a.body.len() < 100,
                "expanded: {}",
                a.title.len()
            );
        }
    }
}

/// Writes a single line of `n` bytes (no newline) to `path` without holding it in memory.
fn write_long_line(f: &mut std::fs::File, n: usize) {
    let chunk = vec![b'a'; 1 << 20];
    let mut left = n;
    while left > 0 {
        let k = left.min(chunk.len());
        f.write_all(&chunk[..k]).unwrap();
        left -= k;
    }
}

#[test]
fn a_200_mb_single_line_fails_that_file_or_record_only() {
    let dir = tempfile::tempdir().unwrap();
    let opts = Options::default();
    // A text file that is one 200 MB line: over the document limit, refused unread.
    let txt = dir.path().join("huge.txt");
    let mut f = std::fs::File::create(&txt).unwrap();
    f.write_all("عنوان ".as_bytes()).unwrap();
    write_long_line(&mut f, 200 << 20);
    drop(f);
    let got = read(&txt, &opts);
    assert_eq!(got.articles, 0);
    assert_eq!(got.failures.len(), 1);
    assert!(
        got.failures[0].contains("document exceeds the 32 MiB limit"),
        "{}",
        got.failures[0]
    );

    // A JSONL file with a 200 MB line between two good ones: only that record fails.
    let jl = dir.path().join("huge.jsonl");
    let mut f = std::fs::File::create(&jl).unwrap();
    writeln!(f, "{{\"title\":\"أول\",\"content\":\"نص الخبر الأول\"}}").unwrap();
    f.write_all(b"{\"title\":\"").unwrap();
    write_long_line(&mut f, 200 << 20);
    writeln!(f, "\"}}").unwrap();
    writeln!(f, "{{\"title\":\"ثالث\",\"content\":\"نص الخبر الثالث\"}}").unwrap();
    drop(f);
    let got = read(&jl, &opts);
    assert_eq!(got.articles, 2, "{:?}", got.failures);
    assert_eq!(got.failures.len(), 1);
    assert!(
        got.failures[0].starts_with(&format!(
            "{}#1: JSONL line exceeds the 16 MiB limit",
            jl.display()
        )),
        "{}",
        got.failures[0]
    );
}

#[test]
fn limits_are_configurable() {
    let opts = Options {
        limits: Limits {
            max_document_bytes: 100,
            ..Limits::default()
        },
        ..Options::default()
    };
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/ingest/text/standard.txt");
    let got = read(&path, &opts);
    assert_eq!(got.articles, 0);
    assert!(
        got.failures[0].ends_with("document exceeds the 100 B limit"),
        "{}",
        got.failures[0]
    );
}

#[test]
fn a_missing_file_and_a_directory_walk_report_and_continue() {
    let got = read(
        Path::new("/nonexistent/marsad/file.txt"),
        &Options::default(),
    );
    assert!(
        got.failures[0].starts_with("/nonexistent/marsad/file.txt: cannot read"),
        "{}",
        got.failures[0]
    );
    // The whole nasty folder in one walk: every file reports, the batch finishes.
    let mut failed = 0;
    let mut articles = 0;
    marsad_ingest::ingest_paths(&[nasty("")], &Options::default(), &mut |e| match e {
        Event::Failed(_) => failed += 1,
        Event::Article(_) => articles += 1,
        Event::Skipped { .. } => {}
    });
    let expected_failures: usize = CASES.iter().map(|c| c.2.len()).sum();
    let expected_articles: usize = CASES.iter().map(|c| c.1).sum();
    assert_eq!((failed, articles), (expected_failures, expected_articles));
}
