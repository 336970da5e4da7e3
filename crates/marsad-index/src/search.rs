//! Running a query: ranked hits with snippets, facet counts, date ranges, paging.

use crate::error::{Error, Result};
use crate::query::{self, QueryBuilder};
use crate::store::Store;
use chrono::NaiveDate;
use marsad_arabic::analyzer::Analyzer;
use marsad_arabic::chars::{is_arabic_word_char, is_digit, is_other_letter};
use marsad_arabic::normalize::{Folds, fold_char};
use rustc_hash::FxHashMap;
use serde::Serialize;
use std::ops::{Bound, Range};
use tantivy::aggregation::agg_req::Aggregations;
use tantivy::aggregation::agg_result::AggregationResults;
use tantivy::aggregation::{AggContextParams, AggregationCollector, AggregationLimitsGuard};
use tantivy::collector::{Count, TopDocs};
use tantivy::query::{BooleanQuery, Occur, Query, RangeQuery, TermQuery};
use tantivy::schema::{IndexRecordOption, Value};
use tantivy::snippet::SnippetGenerator;
use tantivy::{DateTime, TantivyDocument, Term};

/// A search request.
#[derive(Debug, Clone)]
pub struct SearchRequest {
    /// The query, in marsad's query language (see [`crate::query`]).
    pub query: String,
    /// Earliest publication day, inclusive.
    pub from: Option<NaiveDate>,
    /// Latest publication day, inclusive.
    pub to: Option<NaiveDate>,
    /// How many hits to return.
    pub limit: usize,
    /// How many hits to skip.
    pub offset: usize,
    /// Whether to count hits by outlet, by month and by actor.
    pub facets: bool,
    /// Whether to make highlighted snippets.
    pub snippets: bool,
    /// Only articles that mention this actor: an actor id, or a name or alias (matched in
    /// search form) standing for every actor known by it.
    pub actor: Option<String>,
    /// Only articles reporting an event of one of these PLOVER types (`CONSULT`…).
    pub event_types: Vec<String>,
}

impl SearchRequest {
    /// A request for the first `limit` hits of `query`, with snippets and no facets.
    pub fn new(query: impl Into<String>) -> SearchRequest {
        SearchRequest {
            query: query.into(),
            from: None,
            to: None,
            limit: 10,
            offset: 0,
            facets: false,
            snippets: true,
            actor: None,
            event_types: Vec::new(),
        }
    }
}

/// A highlighted excerpt of a body.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Snippet {
    /// The excerpt.
    pub text: String,
    /// Char offset of the excerpt in the body.
    pub start: usize,
    /// Highlighted char spans, relative to `text`.
    pub highlights: Vec<Range<usize>>,
}

/// One hit.
#[derive(Debug, Clone, Serialize)]
pub struct SearchHit {
    /// Article id.
    pub id: String,
    /// BM25 score.
    pub score: f32,
    /// Title.
    pub title: String,
    /// Outlet.
    pub outlet: Option<String>,
    /// Author.
    pub author: Option<String>,
    /// Publication time, ISO 8601.
    pub published: Option<String>,
    /// Where it was read from.
    pub source: String,
    /// Id of the earliest copy, for a duplicate.
    pub dup_of: Option<String>,
    /// Highlighted excerpt of the body.
    pub snippet: Option<Snippet>,
}

/// Hit counts by outlet and by month.
#[derive(Debug, Clone, Default, Serialize, PartialEq, Eq)]
pub struct Facets {
    /// `(outlet, hits)`, most hits first.
    pub outlets: Vec<(String, u64)>,
    /// `(YYYY-MM, hits)`, in calendar order.
    pub months: Vec<(String, u64)>,
    /// The actors the hits mention, most hits first (at most 20).
    pub actors: Vec<ActorFacet>,
    /// `(PLOVER type, hits)`: matching articles reporting an event of that type, most first.
    pub event_types: Vec<(String, u64)>,
}

/// Hits mentioning one actor.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct ActorFacet {
    /// The actor id.
    pub id: String,
    /// Its canonical name.
    pub name: String,
    /// Matching articles that mention it.
    pub hits: u64,
}

/// The answer to a [`SearchRequest`].
#[derive(Debug, Clone, Serialize)]
pub struct SearchResults {
    /// Total number of matching articles.
    pub total: usize,
    /// The requested page of hits.
    pub hits: Vec<SearchHit>,
    /// Facet counts over all matches, when asked for.
    pub facets: Option<Facets>,
}

/// Parses a `--from`/`--to` bound: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. `end` picks the last
/// day of a year or month instead of the first.
pub fn parse_day(s: &str, end: bool) -> Option<NaiveDate> {
    let parts: Vec<&str> = s.trim().split('-').collect();
    let num = |i: usize| parts.get(i).and_then(|p| p.parse::<u32>().ok());
    let year = parts.first()?.parse::<i32>().ok()?;
    match parts.len() {
        1 => NaiveDate::from_ymd_opt(year, if end { 12 } else { 1 }, if end { 31 } else { 1 }),
        2 => {
            let first = NaiveDate::from_ymd_opt(year, num(1)?, 1)?;
            if end {
                let next = first.checked_add_months(chrono::Months::new(1))?;
                next.pred_opt()
            } else {
                Some(first)
            }
        }
        3 => NaiveDate::from_ymd_opt(year, num(1)?, num(2)?),
        _ => None,
    }
}

impl Store {
    /// Runs `request`.
    pub fn search(&self, request: &SearchRequest) -> Result<SearchResults> {
        let parsed = query::parse(&request.query)?;
        let analyzer = Analyzer::search();
        let builder = QueryBuilder {
            fields: &self.fields,
            analyzer: &analyzer,
        };
        let text_query = builder.build(&parsed);
        let mut query: Box<dyn Query> = text_query.box_clone();
        if let Some(name) = &request.actor {
            let ids = self.actor_ids(name)?;
            if ids.is_empty() {
                return Ok(SearchResults {
                    total: 0,
                    hits: Vec::new(),
                    facets: request.facets.then(Facets::default),
                });
            }
            let any_of: Vec<(Occur, Box<dyn Query>)> = ids
                .iter()
                .map(|id| {
                    let term = Term::from_field_text(self.fields.actor, id);
                    let q: Box<dyn Query> =
                        Box::new(TermQuery::new(term, IndexRecordOption::Basic));
                    (Occur::Should, q)
                })
                .collect();
            query = Box::new(BooleanQuery::new(vec![
                (Occur::Must, query),
                (Occur::Must, Box::new(BooleanQuery::new(any_of))),
            ]));
        }
        if !request.event_types.is_empty() {
            let any_of: Vec<(Occur, Box<dyn Query>)> = request
                .event_types
                .iter()
                .map(|t| {
                    let term = Term::from_field_text(self.fields.event_type, t);
                    let q: Box<dyn Query> =
                        Box::new(TermQuery::new(term, IndexRecordOption::Basic));
                    (Occur::Should, q)
                })
                .collect();
            query = Box::new(BooleanQuery::new(vec![
                (Occur::Must, query),
                (Occur::Must, Box::new(BooleanQuery::new(any_of))),
            ]));
        }
        if request.from.is_some() || request.to.is_some() {
            let ts = |d: NaiveDate, end: bool| {
                let t = if end {
                    d.and_hms_opt(23, 59, 59)
                } else {
                    d.and_hms_opt(0, 0, 0)
                };
                Term::from_field_date(
                    self.fields.published,
                    DateTime::from_timestamp_secs(t.map_or(0, |t| t.and_utc().timestamp())),
                )
            };
            let lower = request
                .from
                .map_or(Bound::Unbounded, |d| Bound::Included(ts(d, false)));
            let upper = request
                .to
                .map_or(Bound::Unbounded, |d| Bound::Included(ts(d, true)));
            query = Box::new(BooleanQuery::new(vec![
                (Occur::Must, query),
                (Occur::Must, Box::new(RangeQuery::new(lower, upper))),
            ]));
        }
        let index_err = |source| Error::Index {
            path: self.dir().join("index"),
            source,
        };
        let searcher = self.reader().searcher();
        let top = TopDocs::with_limit(request.limit.max(1))
            .and_offset(request.offset)
            .order_by_score();
        let (top, total) = searcher.search(&query, &(top, Count)).map_err(index_err)?;
        let snippets = if request.snippets {
            let mut g = SnippetGenerator::create(&searcher, &*text_query, self.fields.body)
                .map_err(index_err)?;
            g.set_max_num_chars(SNIPPET_CHARS);
            let mut terms = Vec::new();
            text_query.query_terms(&mut |term, _| {
                if term.field() == self.fields.body {
                    if let Some(t) = term.value().as_str().filter(|t| !t.is_empty()) {
                        terms.push(t.to_string());
                    }
                }
            });
            terms.sort();
            terms.dedup();
            Some((g, terms))
        } else {
            None
        };
        // Stored ids of the page, in rank order; their records come from SQLite in one query.
        let mut ranked: Vec<(f32, String)> = Vec::with_capacity(top.len());
        for (score, addr) in top {
            let doc: TantivyDocument = searcher.doc(addr).map_err(index_err)?;
            if let Some(id) = doc.get_first(self.fields.id).and_then(|v| v.as_str()) {
                ranked.push((score, id.to_string()));
            }
        }
        let mut records = self.hit_records(ranked.iter().map(|(_, id)| id.as_str()))?;
        let mut hits = Vec::with_capacity(ranked.len());
        for (score, id) in ranked {
            // A hit SQLite does not know belongs to a batch still being committed.
            let Some(r) = records.remove(&id) else {
                continue;
            };
            let snippet = snippets
                .as_ref()
                .and_then(|(g, terms)| make_snippet(g, terms, &r.body));
            hits.push(SearchHit {
                id,
                score,
                title: r.title,
                outlet: r.outlet,
                author: r.author,
                published: r.published,
                source: r.source,
                dup_of: r.dup_of,
                snippet,
            });
        }
        let facets = if request.facets {
            Some(self.facets(&searcher, &*query)?)
        } else {
            None
        };
        Ok(SearchResults {
            total,
            hits,
            facets,
        })
    }

    fn facets(&self, searcher: &tantivy::Searcher, query: &dyn Query) -> Result<Facets> {
        let request = serde_json::json!({
            "outlets": { "terms": { "field": "outlet", "size": 100 } },
            "months": { "terms": { "field": "month", "size": 1200, "order": { "_key": "asc" } } },
            "actors": { "terms": { "field": "actor", "size": 20 } },
            "event_types": { "terms": { "field": "event_type", "size": 16 } },
        });
        let aggs: Aggregations = serde_json::from_value(request)
            .map_err(|e| Error::Query(format!("facet request: {e}")))?;
        let collector = AggregationCollector::from_aggs(
            aggs,
            AggContextParams::new(
                AggregationLimitsGuard::default(),
                self.index().tokenizers().clone(),
            ),
        );
        let results: AggregationResults =
            searcher
                .search(query, &collector)
                .map_err(|source| Error::Index {
                    path: self.dir().join("index"),
                    source,
                })?;
        let value =
            serde_json::to_value(&results).map_err(|e| Error::Query(format!("facets: {e}")))?;
        let buckets = |name: &str| -> Vec<(String, u64)> {
            value[name]["buckets"]
                .as_array()
                .map(|b| {
                    b.iter()
                        .filter_map(|b| {
                            Some((b["key"].as_str()?.to_string(), b["doc_count"].as_u64()?))
                        })
                        .collect()
                })
                .unwrap_or_default()
        };
        Ok(Facets {
            outlets: buckets("outlets"),
            months: buckets("months"),
            actors: self.actor_facets(buckets("actors"))?,
            event_types: buckets("event_types"),
        })
    }

    /// Title, outlet, author, date, source, copy link and body of the articles `ids`, from
    /// one SQL query (the body read out of the stored JSON by SQLite, so the annotations are
    /// never parsed for a result page).
    fn hit_records<'a>(
        &self,
        ids: impl Iterator<Item = &'a str>,
    ) -> Result<FxHashMap<String, HitRecord>> {
        let ids: Vec<&str> = ids.collect();
        if ids.is_empty() {
            return Ok(FxHashMap::default());
        }
        let marks = vec!["?"; ids.len()].join(",");
        let sql = format!(
            "SELECT id, title, outlet, author, published, source, dup_of,
                    json_extract(article, '$.body')
             FROM articles WHERE id IN ({marks})"
        );
        self.with_db(|c| {
            let mut st = c.prepare_cached(&sql)?;
            let rows = st.query_map(rusqlite::params_from_iter(ids.iter()), |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    HitRecord {
                        title: r.get(1)?,
                        outlet: r.get(2)?,
                        author: r.get(3)?,
                        published: r.get(4)?,
                        source: r.get(5)?,
                        dup_of: r.get(6)?,
                        body: r.get::<_, Option<String>>(7)?.unwrap_or_default(),
                    },
                ))
            })?;
            rows.collect()
        })
    }

    fn actor_facets(&self, buckets: Vec<(String, u64)>) -> Result<Vec<ActorFacet>> {
        let ids: Vec<String> = buckets.iter().map(|(id, _)| id.clone()).collect();
        let names = self.actor_names(&ids)?;
        Ok(buckets
            .into_iter()
            .zip(names)
            .map(|((id, hits), name)| ActorFacet {
                name: name.unwrap_or_else(|| id.clone()),
                id,
                hits,
            })
            .collect())
    }
}

/// What a result page shows of one article.
struct HitRecord {
    title: String,
    outlet: Option<String>,
    author: Option<String>,
    published: Option<String>,
    source: String,
    dup_of: Option<String>,
    body: String,
}

/// Longest snippet, in chars.
const SNIPPET_CHARS: usize = 220;

/// Turns tantivy's byte-offset snippet into char offsets over the body.
///
/// tantivy finds the best fragment by running the field's analyzer over the whole text,
/// which was most of a search's CPU time (bodies average 1,700 chars). So a cheap scan
/// first looks for words whose search-folded form contains a query term (marsad's stems
/// are substrings of the folded word), picks the place where the most distinct terms fall
/// within a snippet's length, and the analyzer runs on a window around it only. When the
/// scan finds nothing, the whole body is analyzed as before.
fn make_snippet(generator: &SnippetGenerator, terms: &[String], body: &str) -> Option<Snippet> {
    let (offset, window) = match snippet_window(terms, body) {
        Some(range) => (range.start, &body[range]),
        None => (0, body),
    };
    let mut s = generator.snippet(window);
    let mut offset = offset;
    if s.fragment().is_empty() && offset != 0 {
        s = generator.snippet(body);
        offset = 0;
    }
    let fragment = s.fragment();
    if fragment.is_empty() {
        // No term of the query is in the body (a title match): show the lead.
        let text: String = body.chars().take(200).collect();
        return (!text.is_empty()).then_some(Snippet {
            text,
            start: 0,
            highlights: Vec::new(),
        });
    }
    let range = s.fragment_range();
    let start = body[..offset + range.start].chars().count();
    let to_chars = |b: usize| fragment[..b.min(fragment.len())].chars().count();
    Some(Snippet {
        text: fragment.to_string(),
        start,
        highlights: s
            .highlighted()
            .iter()
            .map(|h| to_chars(h.start)..to_chars(h.end))
            .collect(),
    })
}

/// The byte range of `body` to analyze for a snippet: from a little before the densest
/// group of candidate words to a few snippet lengths after it, on char boundaries.
fn snippet_window(terms: &[String], body: &str) -> Option<Range<usize>> {
    if terms.is_empty() {
        return None;
    }
    // (byte offset of a word, index of the term it contains)
    let mut found: Vec<(usize, usize)> = Vec::new();
    let mut word = String::new();
    let mut word_start = 0;
    let mut check = |word: &mut String, start: usize| {
        if !word.is_empty() {
            if let Some(t) = terms.iter().position(|t| word.contains(t.as_str())) {
                found.push((start, t));
            }
            word.clear();
        }
    };
    for (i, c) in body.char_indices() {
        // Arabic letters and marks first: `char::is_alphanumeric` walks a Unicode table for
        // every non-ASCII char.
        if is_arabic_word_char(c) || is_digit(c) || is_other_letter(c) {
            if word.is_empty() {
                word_start = i;
            }
            fold_char(c, Folds::SEARCH, &mut word);
        } else {
            check(&mut word, word_start);
        }
    }
    check(&mut word, word_start);
    if found.is_empty() {
        return None;
    }
    // Arabic letters take two bytes: a snippet of N chars spans about 2N bytes.
    let span = SNIPPET_CHARS * 2;
    let mut best = (0, found[0].0);
    for (i, &(at, _)) in found.iter().enumerate() {
        let mut seen = 0u64;
        for &(b, t) in &found[i..] {
            if b > at + span {
                break;
            }
            seen |= 1 << (t % 64);
        }
        let distinct = seen.count_ones();
        if distinct > best.0 {
            best = (distinct, at);
        }
    }
    let floor = |mut b: usize| {
        while !body.is_char_boundary(b) {
            b -= 1;
        }
        b
    };
    let start = floor(best.1.saturating_sub(span / 2));
    let end = floor((best.1 + span * 3).min(body.len()));
    Some(start..end)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn terms(t: &[&str]) -> Vec<String> {
        t.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn the_window_goes_where_most_distinct_terms_meet() {
        let filler = "كلام عام عن الطقس والأسواق في المدينة. ".repeat(40);
        // One term early, both terms together later: the later place wins.
        let body = format!("المفاوضات بدأت. {filler}واستؤنفت المفاوضات في جنيف مساء أمس. {filler}");
        let w = snippet_window(&terms(&["مفاوض", "جنيف"]), &body).unwrap();
        let inside = &body[w.clone()];
        assert!(inside.contains("جنيف") && inside.contains("واستؤنفت المفاوضات"));
        assert!(w.start > body.find("بدأت").unwrap());
        // Folding: a term in search form (ة → ه, أ → ا) is found in the written form.
        let prices = format!("{filler}ارتفعت الأسعار");
        let w = snippet_window(&terms(&["اسعار"]), &prices).unwrap();
        assert!(prices[w].contains("الأسعار"));
        assert!(snippet_window(&terms(&["غائب"]), &body).is_none());
        assert!(snippet_window(&[], &body).is_none());
    }

    proptest! {
        #[test]
        fn windows_are_char_ranges_of_the_body(body in "[ا-ي \\.a-zé0-9]{0,3000}", t in "[ا-ي]{1,4}") {
            if let Some(w) = snippet_window(&[t], &body) {
                prop_assert!(w.start <= w.end && w.end <= body.len());
                prop_assert!(body.is_char_boundary(w.start) && body.is_char_boundary(w.end));
            }
        }
    }
}
