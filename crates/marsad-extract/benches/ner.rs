//! Throughput of the tagger and of `recognize`, on the golden paragraph (our own text), and
//! of event extraction on the same paragraph once its entities and quotes are known. Each
//! iteration asserts the number of entities the golden file expects (and the events of the
//! first run), so a fast wrong answer fails the bench.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use marsad_arabic::token::tokenize;
use marsad_extract::{NerModel, actors, events, quotes};
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

    let entities = model.recognize(TEXT);
    let mentions = events::mentions_as_entities(&actors::resolve(TEXT, &entities));
    let quotes = quotes::extract_with(TEXT, &entities);
    let expected_events = events::extract(TEXT, &mentions, &quotes).len();
    assert!(expected_events > 0, "the paragraph has events");
    let mut g = c.benchmark_group("events");
    g.throughput(Throughput::Elements(tokens.len() as u64));
    g.bench_function("extract", |b| {
        b.iter(|| {
            let e = events::extract(black_box(TEXT), &mentions, &quotes);
            assert_eq!(e.len(), expected_events);
            e
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
