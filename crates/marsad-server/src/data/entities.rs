//! Entities of one article. The store keeps no entities yet, so they are recognized live by
//! the embedded NER model (a few milliseconds per article). When the store gains an
//! entities table (with resolved actors), read it here and return [`Provenance::Stored`].

use crate::api::types::{EntitySpan, EntityType, Provenance};
use marsad_core::Article;
use marsad_extract::{Entity, EntityKind, NerModel};
use marsad_index::Store;

/// The article's entities as the extractor returns them (quotes reuse them), and where
/// they came from.
pub fn recognize(_store: &Store, article: &Article) -> (Vec<Entity>, Provenance) {
    (NerModel::embedded().recognize(&article.body), Provenance::Live)
}

/// The API form of extractor entities.
pub fn to_spans(entities: &[Entity]) -> Vec<EntitySpan> {
    entities
        .iter()
        .map(|e| EntitySpan {
            kind: match e.kind {
                EntityKind::Per => EntityType::Per,
                EntityKind::Org => EntityType::Org,
                EntityKind::Loc => EntityType::Loc,
                EntityKind::Misc => EntityType::Misc,
            },
            start: e.start,
            end: e.end,
            text: e.text.clone(),
            actor: None,
        })
        .collect()
}
