//! Quotes: per article (stored with the article by ingest when the quotes stage runs there,
//! else extracted live) and across articles (by actor or speaker), which needs a stored
//! quotes table and answers empty until `marsad-index` has one.

use crate::ApiError;
use crate::api::types::{CertaintyInfo, Provenance, QuoteItem, QuoteSpan, QuotesResponse, Span};
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
        return (article.quotes.iter().map(to_span).collect(), Provenance::Stored);
    }
    let quotes = marsad_extract::quotes::extract_with(&article.body, entities);
    (quotes.iter().map(to_span).collect(), Provenance::Live)
}

/// Quotes whose speaker was resolved to `actor`, most recent first.
///
/// Waits on a stored quotes table with resolved speakers: answers the real, empty page.
pub fn by_actor(
    _store: &Store,
    _actor: &str,
    _certainty: Option<crate::api::types::Certainty>,
    _offset: usize,
    _limit: usize,
) -> Result<QuotesResponse, ApiError> {
    Ok(QuotesResponse {
        total: 0,
        quotes: Vec::<QuoteItem>::new(),
    })
}

/// Stored quotes in the store (`None`: the store has no quotes table).
pub fn count(_store: &Store) -> Result<Option<u64>, ApiError> {
    Ok(None)
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
