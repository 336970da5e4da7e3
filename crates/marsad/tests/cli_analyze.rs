//! End-to-end: `marsad analyze` and `marsad watch` as a user runs them.

use assert_cmd::Command;
use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;
use std::path::{Path, PathBuf};

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn fixtures() -> PathBuf {
    repo().join("crates/marsad-ingest/tests/fixtures/ingest")
}

fn seed() -> PathBuf {
    repo().join("../shared/seeds/000_b2265ed832da592c.txt")
}

fn marsad() -> Command {
    Command::cargo_bin("marsad").unwrap()
}

#[test]
fn seed_json_has_the_promised_fields() {
    let out = marsad()
        .args(["analyze", "--json"])
        .arg(seed())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 1);
    let v: serde_json::Value = serde_json::from_str(lines[0]).unwrap();
    assert_eq!(v["title"], "روسيا والتقارب مع جنرال ليبيا الأسباب والغايات");
    assert_eq!(v["published"], "2016-05-24T12:55:55");
    assert_eq!(v["published_local"], true);
    assert_eq!(v["author"], "عبدالعزيز الروَّاف");
    assert_eq!(v["outlet"], "إرم نيوز");
    assert_eq!(v["tags"], serde_json::json!(["حفتر"]));
    assert_eq!(v["body"].as_str().unwrap().split("\n\n").count(), 8);
    assert_eq!(v["format"], "text");
    assert_eq!(v["language"], "ar");
    assert!(v["dup_of"].is_null());
    // Filled by actor resolution and quote extraction (checked in detail by cli_actors.rs
    // and the quotes tests).
    for k in ["entities", "actors", "quotes"] {
        assert!(!v[k].as_array().unwrap().is_empty(), "{k}");
    }
    // Filled by event extraction (checked in detail by its own tests): whatever it finds,
    // every span slices the body.
    let body: Vec<char> = v["body"].as_str().unwrap().chars().collect();
    let slice = |s: &serde_json::Value, e: &serde_json::Value| -> String {
        body[s.as_u64().unwrap() as usize..e.as_u64().unwrap() as usize]
            .iter()
            .collect()
    };
    for e in v["events"].as_array().unwrap() {
        assert_eq!(
            slice(&e["start"], &e["end"]),
            e["sentence"].as_str().unwrap()
        );
        assert_eq!(
            slice(&e["cue_start"], &e["cue_end"]),
            e["cue"].as_str().unwrap()
        );
    }
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains("read 1, ingested 1, duplicate 0"),
        "{stderr}"
    );
}

#[test]
fn seed_tokens_are_spans_into_the_body() {
    let out = marsad()
        .args(["analyze", "--tokens"])
        .arg(seed())
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    let json = marsad()
        .args(["analyze", "--json"])
        .arg(seed())
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    let body: Vec<char> = v["body"].as_str().unwrap().chars().collect();
    let mut n = 0;
    for line in text.lines().filter(|l| !l.starts_with('#')) {
        // start..end byte_start..byte_end kind text
        let mut parts = line.splitn(4, ' ');
        let (chars, _bytes, _kind, tok) = (
            parts.next().unwrap(),
            parts.next().unwrap(),
            parts.next().unwrap(),
            parts.next().unwrap(),
        );
        let (s, e) = chars.split_once("..").unwrap();
        let (s, e): (usize, usize) = (s.parse().unwrap(), e.parse().unwrap());
        assert_eq!(body[s..e].iter().collect::<String>(), tok, "{line}");
        n += 1;
    }
    assert!(n > 300, "{n} tokens");
    assert!(
        text.lines()
            .nth(1)
            .unwrap()
            .starts_with("0..6 0..12 ar اشارات")
    );
}

#[test]
fn a_fixture_tree_is_read_and_deduplicated() {
    let out = marsad()
        .args(["analyze", "--json"])
        .arg(fixtures())
        .output()
        .unwrap();
    assert!(out.status.success());
    let stdout = String::from_utf8(out.stdout).unwrap();
    let articles: Vec<serde_json::Value> = stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let stderr = String::from_utf8(out.stderr).unwrap();
    // The nasty folder is inside the tree: each bad file is one line naming it.
    let errors: Vec<&str> = stderr
        .lines()
        .filter(|l| l.starts_with("marsad: ") && l.contains("/nasty/"))
        .collect();
    assert_eq!(errors.len(), 20, "{stderr}");
    // fx-0001 sits in five files (JSON array, JSONL, zstd JSONL, and the good lines of two
    // nasty files), fx-0002 in three; fx-0002 republishes
    // its text: one copy is the original, and every other points at it.
    let copies: Vec<&serde_json::Value> = articles
        .iter()
        .filter(|a| a["external_id"] == "fx-0001" || a["external_id"] == "fx-0002")
        .collect();
    assert_eq!(copies.len(), 8);
    let originals: Vec<&&serde_json::Value> =
        copies.iter().filter(|a| a["dup_of"].is_null()).collect();
    assert_eq!(originals.len(), 1);
    assert_eq!(
        originals[0]["external_id"], "fx-0001",
        "the earliest copy is the original"
    );
    for c in &copies {
        if !c["dup_of"].is_null() {
            assert_eq!(c["dup_of"], originals[0]["id"]);
        }
    }
    // Every id is unique even though several fixtures hold the same text.
    let mut ids: Vec<&str> = articles.iter().map(|a| a["id"].as_str().unwrap()).collect();
    ids.sort();
    let before = ids.len();
    ids.dedup();
    assert_eq!(ids.len(), before);
    let summary = stderr.lines().last().unwrap();
    assert!(
        summary.starts_with(&format!("marsad: read {}", articles.len() + 20)),
        "{summary}"
    );
}

#[test]
fn nothing_readable_exits_1_and_something_readable_exits_0() {
    let nasty = fixtures().join("nasty");
    let out = marsad()
        .arg("analyze")
        .arg(nasty.join("image.png"))
        .arg(nasty.join("empty.txt"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("image.png: binary file"), "{stderr}");
    assert!(
        stderr.contains("read 2, ingested 0, duplicate 0 (0 exact, 0 near), failed 2"),
        "{stderr}"
    );

    let out = marsad()
        .arg("analyze")
        .arg(nasty.join("image.png"))
        .arg(seed())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let human = String::from_utf8(out.stdout).unwrap();
    assert!(human.contains("outlet:     إرم نيوز"), "{human}");
}

#[test]
fn compressed_copies_in_a_tempdir_are_found_and_marked_duplicate() {
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read(fixtures().join("text/standard.txt")).unwrap();
    std::fs::create_dir(dir.path().join("sub")).unwrap();
    std::fs::write(dir.path().join("a.txt"), &text).unwrap();
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    gz.write_all(&text).unwrap();
    std::fs::write(dir.path().join("sub/b.txt.gz"), gz.finish().unwrap()).unwrap();
    std::fs::write(dir.path().join(".hidden.txt"), &text).unwrap();
    let out = marsad()
        .args(["analyze", "--json"])
        .arg(dir.path())
        .output()
        .unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains("read 2, ingested 1, duplicate 1 (1 exact, 0 near), failed 0"),
        "{stderr}"
    );
}

/// Serves one RSS feed with an ETag and answers 304 when it comes back.
fn feed_server(requests: usize) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}/rss.xml", listener.local_addr().unwrap());
    let body = std::fs::read_to_string(fixtures().join("feed/rss2.xml")).unwrap();
    std::thread::spawn(move || {
        for s in listener.incoming().take(requests) {
            let Ok(mut s) = s else { continue };
            let mut r = BufReader::new(s.try_clone().unwrap());
            let mut etag_back = false;
            loop {
                let mut line = String::new();
                if r.read_line(&mut line).unwrap_or(0) == 0 || line.trim().is_empty() {
                    break;
                }
                etag_back |= line
                    .to_ascii_lowercase()
                    .starts_with("if-none-match: \"x1\"");
            }
            let resp = if etag_back {
                "HTTP/1.1 304 Not Modified\r\nConnection: close\r\n\r\n".to_string()
            } else {
                format!(
                    "HTTP/1.1 200 OK\r\nETag: \"x1\"\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
                    body.len()
                )
            };
            s.write_all(resp.as_bytes()).ok();
        }
    });
    url
}

#[test]
fn watch_once_prints_new_items_then_nothing() {
    let url = feed_server(2);
    let dir = tempfile::tempdir().unwrap();
    let state = dir.path().join("state.json");
    let run = || {
        marsad()
            .args(["watch", "--once", "--json", "--host-gap", "0", "--state"])
            .arg(&state)
            .arg(&url)
            .output()
            .unwrap()
    };
    let first = run();
    assert!(
        first.status.success(),
        "{}",
        String::from_utf8_lossy(&first.stderr)
    );
    let lines: Vec<serde_json::Value> = String::from_utf8(first.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["format"], "rss");
    let second = run();
    assert!(second.status.success());
    assert!(second.stdout.is_empty());
    assert!(
        String::from_utf8(second.stderr)
            .unwrap()
            .contains("not modified")
    );
}

/// Quote speakers are linked to the actors the entity layer resolved.
#[test]
fn seed_quote_speakers_link_to_actors() {
    if !seed().exists() {
        eprintln!("skipped: {} is missing", seed().display());
        return;
    }
    let out = marsad()
        .args(["analyze", "--json"])
        .arg(seed())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let actor_named = |name: &str| {
        v["actors"]
            .as_array()
            .unwrap()
            .iter()
            .find(|a| a["name"] == name)
            .and_then(|a| a["id"].as_str())
            .map(str::to_string)
    };
    for speaker in ["أحمد المسماري", "ماتيو توالدو"] {
        let id = actor_named(speaker).unwrap_or_else(|| panic!("no actor {speaker}"));
        let quotes: Vec<_> = v["quotes"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|q| q["speaker"] == speaker)
            .collect();
        assert!(!quotes.is_empty(), "{speaker}");
        for q in quotes {
            assert_eq!(
                q["speaker_actor"].as_str(),
                Some(id.as_str()),
                "{speaker}: {q}"
            );
        }
    }
}
