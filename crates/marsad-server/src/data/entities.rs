//! Entities of one article: the ones ingest stored with the article (NER plus actor
//! resolution, with actor ids and nominal mentions), else recognized live by the embedded
//! NER model (a few milliseconds per article; stores ingested before that stage existed).

use crate::api::types::{EntitySpan, EntityType, Provenance};
use marsad_core::Article;
use marsad_extract::{Entity, EntityKind, NerModel};
use marsad_index::Store;

/// The article's entities, as spans for the API, the extractor's entities for the live
/// quote extraction (empty when stored), and where they came from.
pub fn for_article(
    _store: &Store,
    article: &Article,
) -> (Vec<EntitySpan>, Vec<Entity>, Provenance) {
    if !article.entities.is_empty() {
        let spans = article
            .entities
            .iter()
            .map(|e| EntitySpan {
                kind: match e.kind {
                    marsad_core::EntityType::Per => EntityType::Per,
                    marsad_core::EntityType::Org => EntityType::Org,
                    marsad_core::EntityType::Loc => EntityType::Loc,
                    marsad_core::EntityType::Misc => EntityType::Misc,
                },
                start: e.start,
                end: e.end,
                text: e.text.clone(),
                actor: e.actor.clone(),
                nominal: e.nominal,
            })
            .collect();
        return (spans, Vec::new(), Provenance::Stored);
    }
    let live = NerModel::embedded().recognize(&article.body);
    (to_spans(&live), live, Provenance::Live)
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
            nominal: false,
        })
        .collect()
}
