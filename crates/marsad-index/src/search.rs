//! Running a query: ranked hits with snippets, facet counts, date ranges, paging.

use crate::error::{Error, Result};
use crate::facets::{FacetCollector, GlobalOrds, TermCounts};
use crate::query::{self, QueryBuilder};
use crate::store::Store;
use chrono::NaiveDate;
use marsad_arabic::analyzer::{Analyzer, TermStream};
use marsad_arabic::chars::{is_arabic_word_char, is_digit, is_other_letter};
use marsad_arabic::normalize::{Folds, fold_char};
use marsad_arabic::stem::{Stemmer, StemmerKind};
use marsad_arabic::stopwords::StopwordSet;
use rustc_hash::FxHashMap;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};
use std::ops::{Bound, Range};
use std::sync::{Arc, OnceLock};
use tantivy::collector::{Count, TopDocs};
use tantivy::query::{BooleanQuery, Occur, Query, RangeQuery, TermQuery};
use tantivy::schema::{IndexRecordOption, Value};
use tantivy::snippet::SnippetGenerator;
use tantivy::tokenizer::{TextAnalyzer, TokenStream, Tokenizer};
use tantivy::{DateTime, Score, TantivyDocument, Term};

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
    /// `news` or `opinion`.
    pub genre: String,
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
    /// `(genre, hits)`: news and opinion, most first.
    pub genres: Vec<(String, u64)>,
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
        // Made once: a new analyzer copies the stopword set.
        static ANALYZER: OnceLock<Analyzer> = OnceLock::new();
        let builder = QueryBuilder {
            fields: &self.fields,
            analyzer: ANALYZER.get_or_init(Analyzer::search),
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
            query = require_any(query, self.fields.actor, &ids);
        }
        if !request.event_types.is_empty() {
            query = require_any(query, self.fields.event_type, &request.event_types);
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
        // Facets are counted in the same pass over the matches as the ranking.
        let facet_collector = if request.facets {
            let ords = GlobalOrds::current(&self.facet_ords, &searcher, &FACET_FIELDS)
                .map_err(index_err)?;
            Some(FacetCollector::new(&FACET_FIELDS, ords))
        } else {
            None
        };
        let (top, total, facet_counts) = searcher
            .search(&query, &(top, Count, facet_collector))
            .map_err(index_err)?;
        let snippets = if request.snippets {
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
            let g =
                snippet_generator(&searcher, &*text_query, self.fields.body).map_err(index_err)?;
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
                genre: r.genre,
                published: r.published,
                source: r.source,
                dup_of: r.dup_of,
                snippet,
            });
        }
        let facets = match facet_counts {
            Some(counts) => Some(self.facets(counts)?),
            None => None,
        };
        Ok(SearchResults {
            total,
            hits,
            facets,
        })
    }

    /// The facets of a search from the counts of [`FACET_FIELDS`]: outlets (at most 100)
    /// and actors (at most 20) most first, months in calendar order (at most 1,200), event
    /// types (at most 16) most first.
    fn facets(&self, counts: Vec<TermCounts>) -> Result<Facets> {
        let [outlets, months, actors, event_types, genres]: [TermCounts; 5] = counts
            .try_into()
            .map_err(|_| Error::Query("facet counts: one per field expected".into()))?;
        let mut months = months.all();
        months.truncate(1200);
        Ok(Facets {
            outlets: outlets.top(100),
            months,
            actors: self.actor_facets(actors.top(20))?,
            event_types: event_types.top(16),
            genres: genres.top(2),
        })
    }

    /// Title, outlet, author, date, source, copy link and body of the articles `ids`, from
    /// one SQL query.
    fn hit_records<'a>(
        &self,
        ids: impl Iterator<Item = &'a str>,
    ) -> Result<FxHashMap<String, HitRecord>> {
        let ids: Vec<&str> = ids.collect();
        if ids.is_empty() {
            return Ok(FxHashMap::default());
        }
        let marks = vec!["?"; ids.len()].join(",");
        // The body from `bodies`; from the record for an article a writer has not copied
        // there yet (see db.rs).
        let sql = format!(
            "SELECT a.id, a.title, a.outlet, a.author, a.published, a.source, a.dup_of,
                    COALESCE(b.body, json_extract(a.article, '$.body')), a.genre
             FROM articles a LEFT JOIN bodies b ON b.seq = a.seq WHERE a.id IN ({marks})"
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
                        genre: r.get(8)?,
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
    genre: String,
}

/// `query` restricted to documents holding at least one of `values` in the raw `field`.
fn require_any(
    query: Box<dyn Query>,
    field: tantivy::schema::Field,
    values: &[String],
) -> Box<dyn Query> {
    let any_of: Vec<(Occur, Box<dyn Query>)> = values
        .iter()
        .map(|v| {
            let term = Term::from_field_text(field, v);
            let q: Box<dyn Query> = Box::new(TermQuery::new(term, IndexRecordOption::Basic));
            (Occur::Should, q)
        })
        .collect();
    Box::new(BooleanQuery::new(vec![
        (Occur::Must, query),
        (Occur::Must, Box::new(BooleanQuery::new(any_of))),
    ]))
}

/// The fast fields counted for facets, in the order [`Store::facets`] reads them.
const FACET_FIELDS: [&str; 5] = ["outlet", "month", "actor", "event_type", "genre"];

/// Longest snippet, in chars.
const SNIPPET_CHARS: usize = 220;

/// tantivy's snippet generator for the body terms of `query`, scored as
/// [`SnippetGenerator::create`] scores them (`1 / (1 + document frequency)`, terms no document
/// holds left out), analyzing with a [`CandidateTokenizer`] instead of the field's analyzer.
fn snippet_generator(
    searcher: &tantivy::Searcher,
    query: &dyn Query,
    field: tantivy::schema::Field,
) -> tantivy::Result<SnippetGenerator> {
    let mut terms: BTreeSet<Term> = BTreeSet::new();
    query.query_terms(&mut |term, _| {
        if term.field() == field {
            terms.insert(term.clone());
        }
    });
    let mut scores: BTreeMap<String, Score> = BTreeMap::new();
    for term in terms {
        let Some(text) = term.value().as_str().map(str::to_string) else {
            continue;
        };
        let doc_freq = searcher.doc_freq(&term)?;
        if doc_freq > 0 {
            scores.insert(text, 1.0 / (1.0 + doc_freq as Score));
        }
    }
    let tokenizer = CandidateTokenizer {
        terms: scores.keys().cloned().collect(),
    };
    Ok(SnippetGenerator::new(
        scores,
        TextAnalyzer::from(tokenizer),
        field,
        SNIPPET_CHARS,
    ))
}

/// marsad's search analysis for snippets, stemming only the words that can match.
///
/// The snippet generator analyzes the text around each hit to find the query's terms in
/// it; stemming every word was most of that work. A word's stem is a slice of its search
/// form (marsad's stemmer only strips affixes), so a word whose search form contains no
/// query term cannot match: it still comes out as a token, at the same position and
/// offsets (the fragments are cut at token boundaries), but with empty text, which no term
/// equals. The others are stemmed as the index stemmed them, so the snippets are the ones
/// the field's own analyzer gives (a test checks it).
#[derive(Debug, Clone)]
struct CandidateTokenizer {
    /// The query's body terms.
    terms: Arc<[String]>,
}

/// The search analysis without its stemmer (folds, stopwords, token kinds as in
/// [`Analyzer::search`]), and the stemmer on its own.
fn unstemmed_analysis() -> &'static (Analyzer, Stemmer) {
    static ANALYSIS: OnceLock<(Analyzer, Stemmer)> = OnceLock::new();
    ANALYSIS.get_or_init(|| {
        (
            Analyzer::new(
                Folds::SEARCH,
                Some(Arc::new(StopwordSet::marsad().clone())),
                Stemmer::new(StemmerKind::None),
            ),
            Stemmer::new(StemmerKind::Marsad),
        )
    })
}

impl Tokenizer for CandidateTokenizer {
    type TokenStream<'a> = CandidateTokenStream<'a>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> CandidateTokenStream<'a> {
        let (analyzer, stemmer) = unstemmed_analysis();
        CandidateTokenStream {
            words: analyzer.stream(text),
            stemmer,
            terms: &self.terms,
            token: tantivy::tokenizer::Token::default(),
        }
    }
}

/// The token stream of [`CandidateTokenizer`].
struct CandidateTokenStream<'a> {
    words: TermStream<'a>,
    stemmer: &'a Stemmer,
    terms: &'a [String],
    token: tantivy::tokenizer::Token,
}

impl TokenStream for CandidateTokenStream<'_> {
    fn advance(&mut self) -> bool {
        let Some(word) = self.words.next_term() else {
            return false;
        };
        self.token.text.clear();
        if self.terms.iter().any(|t| contains(word.text, t)) {
            self.token.text.push_str(&self.stemmer.stem_cow(word.text));
        }
        self.token.offset_from = word.byte_start;
        self.token.offset_to = word.byte_end;
        self.token.position = word.position as usize;
        self.token.position_length = 1;
        true
    }

    fn token(&self) -> &tantivy::tokenizer::Token {
        &self.token
    }

    fn token_mut(&mut self) -> &mut tantivy::tokenizer::Token {
        &mut self.token
    }
}

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

/// Whether a char belongs to a word for [`snippet_window`]. Arabic letters and marks are
/// tested first: `char::is_alphanumeric` walks a Unicode table for every non-ASCII char.
fn word_char(c: char) -> bool {
    is_arabic_word_char(c) || is_digit(c) || is_other_letter(c)
}

/// The end of the Arabic block (U+0600–U+06FF): body chars fall below it but for a few.
const ARABIC_BLOCK_END: u32 = 0x700;

/// For each char below [`ARABIC_BLOCK_END`]: `None` when it is no word char, else its
/// search form (empty when the fold drops it, like a diacritic). Made once from
/// [`word_char`] and [`fold_char`], which cost several lookups per char when called for each.
fn arabic_folds() -> &'static [Option<String>] {
    static TABLE: OnceLock<Vec<Option<String>>> = OnceLock::new();
    TABLE.get_or_init(|| {
        (0..ARABIC_BLOCK_END)
            .map(|cp| {
                let c = char::from_u32(cp)?;
                word_char(c).then(|| {
                    let mut folded = String::new();
                    fold_char(c, Folds::SEARCH, &mut folded);
                    folded
                })
            })
            .collect()
    })
}

/// Whether `needle` occurs in `hay`. On words of a few letters this plain scan beats
/// `str::contains`, which calls `memcmp` at every position.
fn contains(hay: &str, needle: &str) -> bool {
    let (h, n) = (hay.as_bytes(), needle.as_bytes());
    let (Some(&first), Some(&last)) = (n.first(), n.last()) else {
        return true;
    };
    h.len() >= n.len()
        && h.windows(n.len())
            .any(|w| w[0] == first && w[n.len() - 1] == last && w == n)
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
            if let Some(t) = terms.iter().position(|t| contains(word, t)) {
                found.push((start, t));
            }
            word.clear();
        }
    };
    let arabic = arabic_folds();
    for (i, c) in body.char_indices() {
        // Chars up to the end of the Arabic block from the table, others as it was made.
        let in_block = arabic.get(c as usize);
        if in_block.map_or_else(|| word_char(c), Option::is_some) {
            if word.is_empty() {
                word_start = i;
            }
            match in_block {
                Some(Some(folded)) => word.push_str(folded),
                _ => fold_char(c, Folds::SEARCH, &mut word),
            }
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

    /// Snippets made with the field's own analyzer (what `SnippetGenerator::create` uses)
    /// and with [`CandidateTokenizer`], for the same scored terms.
    fn both_snippets(
        text: &str,
        query: &str,
    ) -> (tantivy::snippet::Snippet, tantivy::snippet::Snippet) {
        let analyzer = Analyzer::search();
        let mut scores = BTreeMap::new();
        for (i, t) in analyzer.terms(query).into_iter().enumerate() {
            scores.insert(t, 1.0 / (2.0 + i as Score));
        }
        let field = tantivy::schema::Field::from_field_id(0);
        let stock = SnippetGenerator::new(
            scores.clone(),
            TextAnalyzer::from(marsad_arabic::tantivy_analyzer::MarsadTokenizer::new(
                Analyzer::search(),
            )),
            field,
            SNIPPET_CHARS,
        );
        let fast = SnippetGenerator::new(
            scores.clone(),
            TextAnalyzer::from(CandidateTokenizer {
                terms: scores.keys().cloned().collect(),
            }),
            field,
            SNIPPET_CHARS,
        );
        (stock.snippet(text), fast.snippet(text))
    }

    fn same(a: &tantivy::snippet::Snippet, b: &tantivy::snippet::Snippet) -> bool {
        a.fragment() == b.fragment()
            && a.fragment_range() == b.fragment_range()
            && a.highlighted() == b.highlighted()
    }

    #[test]
    fn candidate_tokens_give_the_snippets_of_the_full_analysis() {
        let text = "قال وزير الخارجية إن المفاوضات بين الطرفين ستُستأنف في جنيف، وإنّ الوفود \
                    #مفاوضات_جنيف وصلت إلى المدينة في 12/5/2016 عند الساعة 10:30. وأضاف أنه \
                    «لا تراجع» عن المفاوضاتِ مع الأطراف، وأن الاتفاقيات السابقة ما زالت قائمة \
                    (راجع https://example.org/talks). Negotiations resumed في عام 2016.";
        for query in [
            "المفاوضات جنيف",
            "الاتفاقية",
            "وزير الخارجية",
            "2016",
            "negotiations",
            "الوفد المدينة تراجع",
            "غائب",
        ] {
            let (stock, fast) = both_snippets(text, query);
            assert!(
                same(&stock, &fast),
                "{query}: {:?} / {:?}",
                stock.fragment(),
                fast.fragment()
            );
            if query != "غائب" {
                assert!(!stock.highlighted().is_empty(), "{query}");
            }
        }
    }

    proptest! {
        #[test]
        fn candidate_tokens_agree_on_random_text(
            words in proptest::collection::vec(
                proptest::sample::select(vec![
                    "المفاوضات", "مفاوضات", "والمفاوضات", "في", "من", "إلى", "جنيف", "بجنيف",
                    "الوزير", "وزيرة", "قالت", "إنه", "2016", "١٢", "#حكومة_الوفاق", "،", ".",
                    "الأطراف", "طرف", "ستستأنف", "المدينة", "مدينتهم", "Geneva", "talks",
                ]),
                0..200,
            ),
            query in proptest::sample::select(vec![
                "المفاوضات جنيف", "الوزير", "طرف المدينة", "2016", "talks", "الوفاق",
            ]),
        ) {
            let text = words.join(" ");
            let (stock, fast) = both_snippets(&text, query);
            prop_assert!(same(&stock, &fast), "{:?} / {:?}", stock.fragment(), fast.fragment());
        }

        #[test]
        fn windows_are_char_ranges_of_the_body(body in "[ا-ي \\.a-zé0-9]{0,3000}", t in "[ا-ي]{1,4}") {
            if let Some(w) = snippet_window(&[t], &body) {
                prop_assert!(w.start <= w.end && w.end <= body.len());
                prop_assert!(body.is_char_boundary(w.start) && body.is_char_boundary(w.end));
            }
        }
    }
}
