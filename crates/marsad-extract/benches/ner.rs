//! Throughput of the tagger and of `recognize`, on the golden paragraph (our own text).
//! Each iteration asserts the number of entities the golden file expects, so a fast wrong
//! answer fails the bench.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use marsad_arabic::token::tokenize;
use marsad_extract::NerModel;
use std::hint::black_box;

const TEXT: &str = include_str!("../tests/golden/paragraph.txt");
const EXPECTED: &str = include_str!("../tests/golden/paragraph.expected");

fn bench(c: &mut Criterion) {
    let model = NerModel::embedded();
    let expected_entities = EXPECTED.lines().count();
    assert!(expected_entities > 0);
    let tokens: Vec<&str> = tokenize(TEXT).iter().map(|t| t.text(TEXT)).collect();
    let mut g = c.benchmark_group("ner");
    g.throughput(Throughput::Elements(tokens.len() as u64));
    g.bench_function("recognize", |b| {
        b.iter(|| {
            let e = model.recognize(black_box(TEXT));
            assert_eq!(e.len(), expected_entities);
            e
        })
    });
    let mut tagger = model.tagger();
    g.bench_function("tag_tokens", |b| {
        b.iter(|| {
            let tags = tagger.tag(black_box(&tokens));
            assert_eq!(tags.len(), tokens.len());
            tags
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
