//! Quotes: per article (stored with the article by ingest, else extracted live) and
//! across articles by actor (`Store::quotes`, the stored quotes whose speaker was linked to
//! an actor).

use crate::ApiError;
use crate::api::types::{
    ArticleRef, Certainty, CertaintyInfo, Provenance, QuoteItem, QuoteSpan, QuotesResponse, Span,
};
use marsad_index::QuoteFilter;
use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// How often the store's article count is re-read.
const RECHECK: Duration = Duration::from_secs(1);
use marsad_core::{Article, Quote};
use marsad_extract::Entity;
use marsad_index::Store;

/// The quotes of `article`, reusing `entities` when they must be extracted live.
pub fn for_article(
    _store: &Store,
    article: &Article,
    entities: &[Entity],
) -> (Vec<QuoteSpan>, Provenance) {
    if !article.quotes.is_empty() {
        return (
            article.quotes.iter().map(to_span).collect(),
            Provenance::Stored,
        );
    }
    let quotes = marsad_extract::quotes::extract_with(&article.body, entities);
    (quotes.iter().map(to_span).collect(), Provenance::Live)
}

/// Whether the store holds any quote, remembered per data directory until its article
/// count changes (`Store::quotes` with an actor filter scans the articles table, tens of
/// milliseconds on SaudiNewsNet, which is wasted on a store without quotes).
fn any_stored(store: &Store) -> Result<bool, ApiError> {
    /// Per data directory: the article count, whether quotes exist, when checked.
    type Seen = HashMap<PathBuf, (u64, bool, Instant)>;
    static SEEN: Mutex<Option<Seen>> = Mutex::new(None);
    let dir = store.dir().to_path_buf();
    let known = SEEN
        .lock()
        .unwrap_or_else(|p| p.into_inner())
        .get_or_insert_with(HashMap::new)
        .get(&dir)
        .copied();
    if let Some((_, any, at)) = known {
        if at.elapsed() < RECHECK {
            return Ok(any);
        }
    }
    let articles = store.count()?;
    if let Some((n, any, _)) = known {
        if n == articles {
            SEEN.lock()
                .unwrap_or_else(|p| p.into_inner())
                .get_or_insert_with(HashMap::new)
                .insert(dir, (n, any, Instant::now()));
            return Ok(any);
        }
    }
    let any = !store
        .quotes(&QuoteFilter {
            limit: Some(1),
            ..QuoteFilter::default()
        })?
        .is_empty();
    SEEN.lock()
        .unwrap_or_else(|p| p.into_inner())
        .get_or_insert_with(HashMap::new)
        .insert(dir, (articles, any, Instant::now()));
    Ok(any)
}

/// Quotes whose speaker was resolved to `actor`, most recent first, optionally with one
/// certainty; `offset`/`limit` page them.
pub fn by_actor(
    store: &Store,
    actor: &str,
    certainty: Option<Certainty>,
    offset: usize,
    limit: usize,
) -> Result<QuotesResponse, ApiError> {
    if !any_stored(store)? {
        return Ok(QuotesResponse {
            total: 0,
            quotes: Vec::new(),
        });
    }
    let filter = QuoteFilter {
        actor: Some(actor.to_string()),
        ..QuoteFilter::default()
    };
    // The store lists oldest first.
    let mut stored = store.quotes(&filter)?;
    stored.reverse();
    let matching: Vec<_> = stored
        .into_iter()
        .filter(|q| certainty.is_none_or(|c| Certainty::from(q.quote.certainty.label) == c))
        .collect();
    Ok(QuotesResponse {
        total: matching.len(),
        quotes: matching
            .into_iter()
            .skip(offset)
            .take(limit)
            .map(item)
            .collect(),
    })
}

/// The `limit` latest quotes whose speaker was resolved to `actor`, newest first: the first
/// page of [`by_actor`] without a certainty filter, reading only those quotes.
pub fn latest_by_actor(
    store: &Store,
    actor: &str,
    limit: usize,
) -> Result<Vec<QuoteItem>, ApiError> {
    if !any_stored(store)? {
        return Ok(Vec::new());
    }
    let filter = QuoteFilter {
        actor: Some(actor.to_string()),
        limit: Some(limit),
        ..QuoteFilter::default()
    };
    Ok(store
        .latest_quotes(&filter)?
        .into_iter()
        .map(item)
        .collect())
}

/// The API form of a stored quote.
fn item(q: marsad_index::StoredQuote) -> QuoteItem {
    QuoteItem {
        article: ArticleRef {
            id: q.article_id,
            title: q.title,
            outlet: q.outlet,
            published: q.published,
        },
        quote: to_span(&q.quote),
    }
}

/// Stored quotes in the store (`None`: no quote is stored, i.e. the quotes stage has not
/// run at ingest on this store, or found nothing).
pub fn count(store: &Store) -> Result<Option<u64>, ApiError> {
    if !any_stored(store)? {
        return Ok(None);
    }
    let n = store.quotes(&QuoteFilter::default())?.len() as u64;
    Ok((n > 0).then_some(n))
}

/// The API form of a quote.
pub fn to_span(q: &Quote) -> QuoteSpan {
    let c = &q.certainty;
    QuoteSpan {
        start: q.start,
        end: q.end,
        text: q.text.clone(),
        direct: q.direct,
        speaker: q.speaker.clone(),
        speaker_span: match (q.speaker_start, q.speaker_end) {
            (Some(start), Some(end)) => Some(Span { start, end }),
            _ => None,
        },
        speaker_actor: q.speaker_actor.clone(),
        role: q.role.clone(),
        cue: q.cue.clone(),
        cue_span: Span {
            start: q.cue_start,
            end: q.cue_end,
        },
        certainty: CertaintyInfo {
            label: c.label.into(),
            cue: c.cue.clone(),
            cue_span: match (c.cue_start, c.cue_end) {
                (Some(start), Some(end)) => Some(Span { start, end }),
                _ => None,
            },
        },
    }
}
