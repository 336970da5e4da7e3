//! Criterion benches: HTML extraction (pages/s) on our fixture pages, and JSONL parsing
//! plus dedup on SaudiNewsNet's 3,000-article sample. Each asserts its article count, so a
//! fast wrong answer fails.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use marsad_core::{Format, Source};
use marsad_ingest::dedup::{DedupOptions, dedup};
use marsad_ingest::html::read_html;
use marsad_ingest::{Event, Options, read_bytes};
use std::hint::black_box;
use std::path::Path;

fn pages() -> Vec<(String, Vec<u8>)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/ingest/html");
    let mut v: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .map(|p| (p.display().to_string(), std::fs::read(&p).unwrap()))
        .collect();
    v.sort();
    v
}

fn html(c: &mut Criterion) {
    let pages = pages();
    let bytes: usize = pages.iter().map(|p| p.1.len()).sum();
    let mut g = c.benchmark_group("html");
    g.throughput(Throughput::Elements(pages.len() as u64));
    g.bench_function(
        format!("extract {} fixture pages ({bytes} bytes)", pages.len()),
        |b| {
            b.iter(|| {
                let n = pages
                    .iter()
                    .filter(|(name, p)| {
                        read_html(
                            Source::file(name.as_str()),
                            Format::Html,
                            black_box(p),
                            None,
                            None,
                        )
                        .is_ok()
                    })
                    .count();
                assert_eq!(n, pages.len());
            })
        },
    );
    g.finish();
}

fn jsonl(c: &mut Criterion) {
    let sample = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/data/news_saudinewsnet/saudinewsnet_sample3000.jsonl.gz");
    let Ok(bytes) = std::fs::read(&sample) else {
        eprintln!("skipping the JSONL bench: {} not found", sample.display());
        return;
    };
    let mut g = c.benchmark_group("jsonl");
    g.sample_size(10);
    g.throughput(Throughput::Elements(3000));
    g.bench_function("parse SaudiNewsNet sample (3,000 articles, gz)", |b| {
        b.iter(|| {
            let mut n = 0;
            read_bytes("sample.jsonl.gz", &bytes, &Options::default(), &mut |e| {
                n += matches!(e, Event::Article(_)) as usize
            });
            assert_eq!(n, 3000);
        })
    });
    g.bench_function("parse + dedup SaudiNewsNet sample", |b| {
        b.iter(|| {
            let mut arts = Vec::new();
            read_bytes("sample.jsonl.gz", &bytes, &Options::default(), &mut |e| {
                if let Event::Article(a) = e {
                    arts.push(a)
                }
            });
            let r = dedup(&mut arts, &DedupOptions::default());
            assert_eq!(arts.len(), 3000);
            black_box(r);
        })
    });
    g.finish();
}

criterion_group!(benches, html, jsonl);
criterion_main!(benches);
