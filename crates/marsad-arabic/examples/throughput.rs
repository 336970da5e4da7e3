//! Throughput of the analysis chain over the bodies of a JSONL news corpus (one thread).
//!
//! `cargo run --release -p marsad-arabic --example throughput -- CORPUS.jsonl[.zst|.gz] [RUNS]`
//!
//! Loads every `content` field into memory first, so decompression and JSON parsing are not
//! timed, then times each stage over all bodies and prints tokens per second. `bench/arabic.sh`
//! wraps it.

use marsad_arabic::analyzer::Analyzer;
use marsad_arabic::normalize::{Folds, normalize_into};
use marsad_arabic::token::Tokens;
use std::io::{BufRead, BufReader, Read};
use std::time::Instant;

fn main() {
    let mut args = std::env::args().skip(1);
    let path = args
        .next()
        .expect("usage: throughput CORPUS.jsonl[.zst|.gz] [RUNS]");
    let runs: usize = args
        .next()
        .map_or(3, |r| r.parse().expect("RUNS is a number"));
    let bodies = load(&path);
    let bytes: usize = bodies.iter().map(String::len).sum();
    println!(
        "corpus: {path}: {} bodies, {:.1} MB",
        bodies.len(),
        bytes as f64 / 1e6
    );

    type Stage<'a> = (&'a str, &'a dyn Fn(&str) -> usize);
    let stages: [Stage<'_>; 3] = [
        ("tokenize", &|b: &str| Tokens::new(b).count()),
        ("tokenize+normalize", &|b: &str| {
            let mut buf = String::new();
            let mut n = 0;
            for t in Tokens::new(b) {
                buf.clear();
                normalize_into(t.text(b), Folds::SEARCH, &mut buf);
                n += 1;
            }
            n
        }),
        (
            "full chain (tokenize+normalize+stopwords+segment+stem)",
            &|b: &str| {
                let analyzer = Analyzer::search();
                let mut n = 0;
                analyzer.analyze(b, |_| n += 1);
                n
            },
        ),
    ];
    // Throughput is input tokens per second: every stage reads all of them, whatever it
    // emits (the full chain drops stopwords and punctuation).
    let tokens: usize = bodies.iter().map(|b| Tokens::new(b).count()).sum();
    println!("input: {tokens} tokens");
    for (name, stage) in stages {
        let mut times = Vec::new();
        let mut emitted = 0;
        for _ in 0..runs {
            let t0 = Instant::now();
            emitted = bodies.iter().map(|b| stage(b)).sum::<usize>();
            times.push(t0.elapsed().as_secs_f64());
        }
        times.sort_by(f64::total_cmp);
        let best = times[0];
        let median = times[times.len() / 2];
        println!(
            "{name}: {emitted} out; best {best:.3} s = {:.2} M tokens/s; median {median:.3} s = {:.2} M tokens/s; {:.1} MB/s",
            tokens as f64 / best / 1e6,
            tokens as f64 / median / 1e6,
            bytes as f64 / best / 1e6,
        );
    }
}

fn load(path: &str) -> Vec<String> {
    let file = std::fs::File::open(path).unwrap_or_else(|e| panic!("cannot open {path}: {e}"));
    let reader: Box<dyn Read> = if path.ends_with(".zst") {
        Box::new(zstd::Decoder::new(file).expect("zstd stream"))
    } else if path.ends_with(".gz") {
        Box::new(flate2::read::MultiGzDecoder::new(file))
    } else {
        Box::new(file)
    };
    let mut bodies = Vec::new();
    for line in BufReader::new(reader).lines() {
        let line = line.expect("readable line");
        let Ok(v) = serde_json::from_str::<serde_json::Value>(&line) else {
            continue;
        };
        if let Some(c) = v.get("content").and_then(|c| c.as_str()) {
            bodies.push(c.to_string());
        }
    }
    bodies
}
