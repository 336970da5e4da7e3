//! Known-item retrieval: the benchmark behind `marsad eval search`.
//!
//! Every body is indexed (body only) with one analyzer preset; every query article's
//! title is run as a disjunction of its analyzed terms under BM25; the relevant documents
//! are the article itself and its identical copies. The figures are MRR@10 and recall at
//! 1, 10 and 100, the same protocol the Lucene baseline in `docs/benchmarks.md` used.

use marsad_arabic::analyzer::{Analyzer, Preset};
use marsad_arabic::tantivy_analyzer::{self, preset_name};
use serde::Serialize;
use std::collections::HashMap;
use tantivy::collector::TopDocs;
use tantivy::query::{BooleanQuery, Occur, Query, TermQuery};
use tantivy::schema::{FAST, IndexRecordOption, Schema, TextFieldIndexing, TextOptions, Value};
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

/// The figures for one analyzer preset.
#[derive(Debug, Clone, Serialize)]
pub struct Metrics {
    /// The preset's name.
    pub preset: &'static str,
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
    /// Seconds spent indexing.
    pub index_secs: f64,
    /// Seconds spent querying.
    pub query_secs: f64,
}

/// Runs the benchmark for `preset` over `docs`, indexing with `threads` threads.
pub fn evaluate(docs: &[Doc], preset: Preset, threads: usize) -> tantivy::Result<Metrics> {
    let name = preset_name(preset);
    let mut schema = Schema::builder();
    let body = schema.add_text_field(
        "body",
        TextOptions::default().set_indexing_options(
            TextFieldIndexing::default()
                .set_tokenizer(&name)
                .set_index_option(IndexRecordOption::WithFreqsAndPositions),
        ),
    );
    let ord = schema.add_u64_field("ord", FAST | tantivy::schema::STORED);
    let index = Index::create_in_ram(schema.build());
    tantivy_analyzer::register(index.tokenizers());

    let t0 = std::time::Instant::now();
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
    let position: HashMap<&str, usize> = docs.iter().enumerate().map(|(i, d)| (d.id.as_str(), i)).collect();
    let mut copies: HashMap<usize, Vec<usize>> = HashMap::new();
    for (i, d) in docs.iter().enumerate() {
        if let Some(&orig) = d.dup_of.as_deref().and_then(|o| position.get(o)) {
            copies.entry(orig).or_default().push(i);
        }
    }

    let reader = index.reader()?;
    let searcher = reader.searcher();
    let analyzer = Analyzer::preset(preset);
    let t1 = std::time::Instant::now();
    let (mut rr, mut r1, mut r10, mut r100, mut queries) = (0.0, 0usize, 0usize, 0usize, 0usize);
    for (qi, d) in docs.iter().enumerate() {
        if !d.is_query {
            continue;
        }
        queries += 1;
        let Some(query) = title_query(&analyzer, body, &d.title) else { continue };
        let top = searcher.search(&query, &TopDocs::with_limit(100).order_by_score())?;
        let relevant = |i: usize| i == qi || copies.get(&qi).is_some_and(|c| c.contains(&i));
        let mut rank = None;
        for (r, (_, addr)) in top.iter().enumerate() {
            let doc: TantivyDocument = searcher.doc(*addr)?;
            let i = doc.get_first(ord).and_then(|v| v.as_u64()).unwrap_or(u64::MAX) as usize;
            if relevant(i) {
                rank = Some(r + 1);
                break;
            }
        }
        if let Some(rank) = rank {
            if rank <= 10 {
                rr += 1.0 / rank as f64;
                r10 += 1;
            }
            r1 += usize::from(rank == 1);
            r100 += 1;
        }
    }
    let n = queries.max(1) as f64;
    Ok(Metrics {
        preset: preset.name(),
        mrr_at_10: rr / n,
        recall_at_1: r1 as f64 / n,
        recall_at_10: r10 as f64 / n,
        recall_at_100: r100 as f64 / n,
        queries,
        index_secs,
        query_secs: t1.elapsed().as_secs_f64(),
    })
}

/// A title as a BM25 disjunction of its analyzed terms over `field` (repeated terms are
/// repeated clauses, as a classic query parser would make them).
pub fn title_query(analyzer: &Analyzer, field: tantivy::schema::Field, title: &str) -> Option<Box<dyn Query>> {
    let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
    analyzer.analyze(title, |t| {
        clauses.push((
            Occur::Should,
            Box::new(TermQuery::new(
                Term::from_field_text(field, t.text),
                IndexRecordOption::WithFreqs,
            )),
        ));
    });
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
            doc("a", "المفاوضات في جنيف", "بدأت المفاوضات في جنيف بين الوفدين صباح اليوم", true, None),
            doc("b", "", "بدأت المفاوضات في جنيف بين الوفدين صباح اليوم", false, Some("a")),
            doc("c", "زيارة الوزير", "زار الوزير العاصمة والتقى نظيره", true, None),
            doc("d", "أسعار النفط", "ارتفعت أسعار النفط في الأسواق العالمية", true, None),
            doc("e", "", "الطقس معتدل في معظم المناطق", false, None),
        ];
        for preset in Preset::ALL {
            let m = evaluate(&docs, preset, 1).unwrap();
            assert_eq!(m.queries, 3, "{preset:?}");
            assert_eq!(m.recall_at_100, 1.0, "{preset:?}");
            assert!(m.mrr_at_10 > 0.0 && m.mrr_at_10 <= 1.0);
        }
        let m = evaluate(&docs, Preset::Marsad, 1).unwrap();
        assert_eq!(m.recall_at_1, 1.0);
    }
}
