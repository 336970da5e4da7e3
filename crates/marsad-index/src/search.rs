//! Running a query: ranked hits with snippets, facet counts, date ranges, paging.

use crate::error::{Error, Result};
use crate::query::{self, QueryBuilder};
use crate::store::Store;
use chrono::NaiveDate;
use marsad_arabic::analyzer::Analyzer;
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
            g.set_max_num_chars(220);
            Some(g)
        } else {
            None
        };
        let mut hits = Vec::with_capacity(top.len());
        for (score, addr) in top {
            let doc: TantivyDocument = searcher.doc(addr).map_err(index_err)?;
            let Some(id) = doc.get_first(self.fields.id).and_then(|v| v.as_str()) else {
                continue;
            };
            // A hit SQLite does not know belongs to a batch still being committed.
            let Some(article) = self.get(id)? else {
                continue;
            };
            let snippet = snippets
                .as_ref()
                .and_then(|g| make_snippet(g, &article.body));
            hits.push(SearchHit {
                id: article.id,
                score,
                title: article.title,
                outlet: article.outlet,
                author: article.author,
                published: article.published.map(|p| p.to_string()),
                source: article.source.location,
                dup_of: article.dup_of,
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

/// Turns tantivy's byte-offset snippet into char offsets over the body.
fn make_snippet(generator: &SnippetGenerator, body: &str) -> Option<Snippet> {
    let s = generator.snippet(body);
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
    let start = body[..range.start].chars().count();
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
