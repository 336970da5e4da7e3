//! Criterion benches of the analysis stages over our own golden fixture text, repeated.
//!
//! Each bench checks its token count against the golden file, so a fast wrong answer fails.
//! For figures over the real corpus, run `bench/arabic.sh` (it uses `examples/throughput.rs`).

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use marsad_arabic::analyzer::Analyzer;
use marsad_arabic::normalize::{Folds, normalize, normalize_into};
use marsad_arabic::sentence::split_sentences;
use marsad_arabic::token::Tokens;
use std::hint::black_box;

const REPEAT: usize = 200;

fn fixture() -> (String, usize) {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/golden/");
    let text = std::fs::read_to_string(format!("{dir}wire_story.txt")).unwrap();
    let expected = std::fs::read_to_string(format!("{dir}wire_story.expected")).unwrap();
    // Token lines of the golden rendering start with a span `N..M`.
    let tokens_per_copy = expected
        .lines()
        .filter(|l| l.split(' ').next().is_some_and(|s| s.contains("..")))
        .count();
    let mut big = String::new();
    for _ in 0..REPEAT {
        big.push_str(&text);
        big.push_str("\n\n");
    }
    (big, tokens_per_copy * REPEAT)
}

fn bench(c: &mut Criterion) {
    let (text, tokens) = fixture();
    let mut group = c.benchmark_group("arabic");
    group.throughput(Throughput::Elements(tokens as u64));
    group.bench_function("tokenize", |b| {
        b.iter(|| assert_eq!(Tokens::new(black_box(&text)).count(), tokens))
    });
    group.bench_function("tokenize+normalize", |b| {
        let mut buf = String::new();
        b.iter(|| {
            let mut n = 0;
            for t in Tokens::new(black_box(&text)) {
                buf.clear();
                normalize_into(t.text(&text), Folds::SEARCH, &mut buf);
                n += 1;
            }
            assert_eq!(n, tokens);
        })
    });
    group.bench_function("full chain", |b| {
        let analyzer = Analyzer::search();
        b.iter(|| {
            let mut n = 0;
            analyzer.analyze(black_box(&text), |_| n += 1);
            assert!(n > 0 && n <= tokens);
        })
    });
    group.bench_function("normalize with offset map", |b| {
        b.iter(|| black_box(normalize(black_box(&text), Folds::SEARCH)))
    });
    group.bench_function("sentences", |b| {
        b.iter(|| assert!(split_sentences(black_box(&text)).len() >= REPEAT))
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
