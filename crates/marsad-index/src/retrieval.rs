//! Known-item retrieval: the benchmark behind `marsad eval search`.
//!
//! Every body is indexed (body only) with one analyzer preset; every query article's
//! title is run as a disjunction of its analyzed terms under BM25; the relevant documents
//! are the article itself and its identical copies. The figures are MRR@10 and recall at
//! 1, 10 and 100, the same protocol the Lucene baseline in `docs/benchmarks.md` used.

use marsad_arabic::analyzer::{Analyzer, Preset};
use marsad_arabic::tantivy_analyzer::MarsadTokenizer;
use serde::Serialize;
use std::collections::HashMap;
use std::time::Instant;
use tantivy::collector::TopDocs;
use tantivy::query::{BooleanQuery, BoostQuery, Occur, PhraseQuery, Query, TermQuery};
use tantivy::schema::{FAST, Field, IndexRecordOption, Schema, TextFieldIndexing, TextOptions};
use tantivy::{Index, TantivyDocument, Term};

/// One article of the benchmark collection.
#[derive(Debug, Clone)]
pub struct Doc {
    /// Stable id.
    pub id: String,
    /// Title: the query, for query articles.
    pub title: String,
    /// Body: what is indexed.
    pub body: String,
    /// Whether the article is a query (in the evaluation split, not a duplicate, titled).
    pub is_query: bool,
    /// The id of the article this one is an identical copy of.
    pub dup_of: Option<String>,
}

/// How a title becomes a query.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum QueryShape {
    /// A disjunction of the title's terms: the classic protocol, comparable with Lucene's
    /// figures.
    Disjunction,
    /// The disjunction plus, for each pair of neighbouring terms, a sloppy phrase clause
    /// boosted by [`PROXIMITY_BOOST`]: articles where the title's words stand together
    /// rank higher. marsad's own search ranks this way.
    Proximity,
}

impl QueryShape {
    /// A short name for tables.
    pub fn name(self) -> &'static str {
        match self {
            QueryShape::Disjunction => "or",
            QueryShape::Proximity => "or+proximity",
        }
    }
}

/// Weight of a neighbouring-pair clause against a term clause. Tuned on the `dev` split
/// of SaudiNewsNet (0.15–0.35 and slop 0–4 were tried; 0.25/2 was best), never on `test`.
pub const PROXIMITY_BOOST: f32 = 0.25;
/// How far apart (in positions, beyond adjacency) a pair may stand and still count.
pub const PROXIMITY_SLOP: u32 = 2;

/// The figures for one analyzer and query shape.
#[derive(Debug, Clone, Serialize)]
pub struct Metrics {
    /// The analyzer's name.
    pub analyzer: String,
    /// The query shape.
    pub shape: QueryShape,
    /// Mean reciprocal rank of the first relevant hit, 0 beyond rank 10.
    pub mrr_at_10: f64,
    /// Share of queries with a relevant hit at rank 1.
    pub recall_at_1: f64,
    /// … within the top 10.
    pub recall_at_10: f64,
    /// … within the top 100.
    pub recall_at_100: f64,
    /// Number of queries.
    pub queries: usize,
    /// Seconds spent indexing (shared by the shapes of one analyzer).
    pub index_secs: f64,
    /// Size of the body index (positions kept), in bytes.
    pub index_bytes: u64,
    /// Bytes of body text indexed (UTF-8).
    pub body_bytes: u64,
    /// Latency of top-10 searches on one thread, query analysis included: p50, p90, p99
    /// in milliseconds.
    pub latency_ms: [f64; 3],
}

/// Runs the benchmark for `preset` over `docs` with each query shape.
pub fn evaluate(
    docs: &[Doc],
    preset: Preset,
    shapes: &[QueryShape],
    threads: usize,
) -> tantivy::Result<Vec<Metrics>> {
    evaluate_with(
        docs,
        preset.name(),
        Analyzer::preset(preset),
        shapes,
        threads,
    )
}

/// Runs the benchmark for any analyzer, reported under `label`.
pub fn evaluate_with(
    docs: &[Doc],
    label: &str,
    analyzer: Analyzer,
    shapes: &[QueryShape],
    threads: usize,
) -> tantivy::Result<Vec<Metrics>> {
    let name = "marsad_eval";
    let mut schema = Schema::builder();
    let body = schema.add_text_field(
        "body",
        TextOptions::default().set_indexing_options(
            TextFieldIndexing::default()
                .set_tokenizer(name)
                .set_index_option(IndexRecordOption::WithFreqsAndPositions),
        ),
    );
    let ord = schema.add_u64_field("ord", FAST);
    let index = Index::create_in_ram(schema.build());
    index
        .tokenizers()
        .register(name, MarsadTokenizer::new(analyzer.clone()));

    let t0 = Instant::now();
    let mut writer = index.writer_with_num_threads::<TantivyDocument>(threads.max(1), 256 << 20)?;
    for (i, d) in docs.iter().enumerate() {
        let mut doc = TantivyDocument::default();
        doc.add_text(body, &d.body);
        doc.add_u64(ord, i as u64);
        writer.add_document(doc)?;
    }
    writer.commit()?;
    writer.wait_merging_threads()?;
    let index_secs = t0.elapsed().as_secs_f64();

    // Relevant sets: an article and its identical copies.
    let position: HashMap<&str, usize> = docs
        .iter()
        .enumerate()
        .map(|(i, d)| (d.id.as_str(), i))
        .collect();
    let mut copies: HashMap<usize, Vec<usize>> = HashMap::new();
    for (i, d) in docs.iter().enumerate() {
        if let Some(&orig) = d.dup_of.as_deref().and_then(|o| position.get(o)) {
            copies.entry(orig).or_default().push(i);
        }
    }

    let reader = index.reader()?;
    let searcher = reader.searcher();
    let index_bytes = searcher
        .space_usage()
        .map_err(|e| tantivy::TantivyError::InternalError(format!("space usage: {e}")))?
        .total()
        .get_bytes();
    let body_bytes = docs.iter().map(|d| d.body.len() as u64).sum();
    let ords = searcher
        .segment_readers()
        .iter()
        .map(|s| s.fast_fields().u64("ord"))
        .collect::<tantivy::Result<Vec<_>>>()?;
    let mut out = Vec::new();
    for &shape in shapes {
        let (mut rr, mut r1, mut r10, mut r100, mut queries) =
            (0.0, 0usize, 0usize, 0usize, 0usize);
        let mut latencies = Vec::new();
        for (qi, d) in docs.iter().enumerate() {
            if !d.is_query {
                continue;
            }
            queries += 1;
            // Latency pass: what a user's top-10 search costs, analysis included.
            let t = Instant::now();
            let Some(query) = title_query(&analyzer, body, &d.title, shape) else {
                continue;
            };
            searcher.search(&query, &TopDocs::with_limit(10).order_by_score())?;
            latencies.push(t.elapsed().as_secs_f64() * 1e3);

            let top = searcher.search(&query, &TopDocs::with_limit(100).order_by_score())?;
            let relevant = |i: usize| i == qi || copies.get(&qi).is_some_and(|c| c.contains(&i));
            let rank = top.iter().position(|(_, addr)| {
                let i = ords[addr.segment_ord as usize]
                    .first(addr.doc_id)
                    .unwrap_or(u64::MAX);
                relevant(i as usize)
            });
            if let Some(rank) = rank.map(|r| r + 1) {
                if rank <= 10 {
                    rr += 1.0 / rank as f64;
                    r10 += 1;
                }
                r1 += usize::from(rank == 1);
                r100 += 1;
            }
        }
        latencies.sort_by(f64::total_cmp);
        let pct = |p: f64| {
            latencies
                .get(((latencies.len() as f64 * p) as usize).min(latencies.len().saturating_sub(1)))
                .copied()
                .unwrap_or(0.0)
        };
        let n = queries.max(1) as f64;
        out.push(Metrics {
            analyzer: label.to_string(),
            shape,
            mrr_at_10: rr / n,
            recall_at_1: r1 as f64 / n,
            recall_at_10: r10 as f64 / n,
            recall_at_100: r100 as f64 / n,
            queries,
            index_secs,
            index_bytes,
            body_bytes,
            latency_ms: [pct(0.50), pct(0.90), pct(0.99)],
        });
    }
    Ok(out)
}

/// A title as a BM25 query over `field`: a disjunction of its analyzed terms (repeated
/// terms are repeated clauses, as a classic query parser makes them), plus proximity
/// clauses for [`QueryShape::Proximity`].
pub fn title_query(
    analyzer: &Analyzer,
    field: Field,
    title: &str,
    shape: QueryShape,
) -> Option<Box<dyn Query>> {
    let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
    let mut terms: Vec<(u32, Term)> = Vec::new();
    analyzer.analyze(title, |t| {
        let term = Term::from_field_text(field, t.text);
        clauses.push((
            Occur::Should,
            Box::new(TermQuery::new(term.clone(), IndexRecordOption::WithFreqs)),
        ));
        terms.push((t.position, term));
    });
    if shape == QueryShape::Proximity {
        for pair in terms.windows(2) {
            // A removed stopword between the two leaves a gap, which the phrase keeps.
            let gap = (pair[1].0 - pair[0].0) as usize;
            if gap == 0 || gap > 2 {
                continue;
            }
            let mut phrase = PhraseQuery::new_with_offset(vec![
                (0, pair[0].1.clone()),
                (gap, pair[1].1.clone()),
            ]);
            phrase.set_slop(PROXIMITY_SLOP);
            clauses.push((
                Occur::Should,
                Box::new(BoostQuery::new(Box::new(phrase), PROXIMITY_BOOST)),
            ));
        }
    }
    (!clauses.is_empty()).then(|| Box::new(BooleanQuery::new(clauses)) as Box<dyn Query>)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(id: &str, title: &str, body: &str, is_query: bool, dup_of: Option<&str>) -> Doc {
        Doc {
            id: id.into(),
            title: title.into(),
            body: body.into(),
            is_query,
            dup_of: dup_of.map(Into::into),
        }
    }

    #[test]
    fn finds_known_items_and_counts_copies_as_relevant() {
        let docs = vec![
            doc(
                "a",
                "المفاوضات في جنيف",
                "بدأت المفاوضات في جنيف بين الوفدين صباح اليوم",
                true,
                None,
            ),
            doc(
                "b",
                "",
                "بدأت المفاوضات في جنيف بين الوفدين صباح اليوم",
                false,
                Some("a"),
            ),
            doc(
                "c",
                "زيارة الوزير",
                "زار الوزير العاصمة والتقى نظيره",
                true,
                None,
            ),
            doc(
                "d",
                "أسعار النفط",
                "ارتفعت أسعار النفط في الأسواق العالمية",
                true,
                None,
            ),
            doc("e", "", "الطقس معتدل في معظم المناطق", false, None),
        ];
        let shapes = [QueryShape::Disjunction, QueryShape::Proximity];
        for preset in Preset::ALL {
            for m in evaluate(&docs, preset, &shapes, 1).unwrap() {
                assert_eq!(m.queries, 3, "{preset:?}");
                assert_eq!(m.recall_at_100, 1.0, "{preset:?}");
                assert!(m.mrr_at_10 > 0.0 && m.mrr_at_10 <= 1.0);
            }
        }
        for m in evaluate(&docs, Preset::Marsad, &shapes, 1).unwrap() {
            assert_eq!(m.recall_at_1, 1.0, "{:?}", m.shape);
        }
    }
}
