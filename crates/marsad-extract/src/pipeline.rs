//! Everything marsad extracts from one article body, with the NER model run once: the
//! entities and their actors, and the quotes (whose speakers come from the same entities).

use crate::actors::{self, ArticleActors};
use crate::parallel::par_map;
use crate::{NerModel, quotes};
use marsad_core::{Argument, Entity, Event, Published, Quote};

/// The extraction of one body.
#[derive(Debug, Clone, Default)]
pub struct Extraction {
    /// Entity mentions and the actors they refer to (before corpus-level ids).
    pub actors: ArticleActors,
    /// Quotes with speakers and certainty.
    pub quotes: Vec<Quote>,
    /// Events, before corpus-level actor ids and date resolution (see [`link_events`]).
    pub events: Vec<Event>,
}

/// Extracts entities, actors and quotes from `body`.
pub fn extract(body: &str) -> Extraction {
    let entities = NerModel::embedded().recognize(body);
    Extraction {
        actors: actors::resolve(body, &entities),
        quotes: quotes::extract_with(body, &entities),
        events: Vec::new(),
    }
}

/// [`extract`] over many bodies on `threads` threads; results in input order.
pub fn extract_batch(bodies: &[&str], threads: usize) -> Vec<Extraction> {
    par_map(bodies, threads, |b| extract(b))
}

/// Sets each quote's `speaker_actor` from the resolved entity its speaker span overlaps
/// (the entity with the widest overlap wins; a speaker named only by a role stays without).
pub fn link_speakers(quotes: &mut [Quote], entities: &[Entity]) {
    for q in quotes {
        let (Some(start), Some(end)) = (q.speaker_start, q.speaker_end) else {
            continue;
        };
        q.speaker_actor = entities
            .iter()
            .filter(|e| e.actor.is_some() && e.start < end && start < e.end)
            .max_by_key(|e| e.end.min(end) - e.start.max(start))
            .and_then(|e| e.actor.clone());
    }
}

/// Sets the actor ids of each event's source, target and location from the resolved
/// entities they overlap (as [`link_speakers`] does for quotes), and resolves event dates
/// against the article's publication time.
pub fn link_events(events: &mut [Event], entities: &[Entity], published: Option<&Published>) {
    let link = |arg: &mut Option<Argument>| {
        if let Some(a) = arg {
            a.actor = entities
                .iter()
                .filter(|e| e.actor.is_some() && e.start < a.end && a.start < e.end)
                .max_by_key(|e| e.end.min(a.end) - e.start.max(a.start))
                .and_then(|e| e.actor.clone());
        }
    };
    for ev in events {
        link(&mut ev.source);
        link(&mut ev.target);
        link(&mut ev.location);
    }
    let _ = published;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_pass_gives_actors_and_quotes() {
        let body = "قال وزير الخارجية سامي الحوراني إن المفاوضات ستستأنف الأسبوع المقبل في جنيف.";
        let batch = extract_batch(&[body, body, ""], 2);
        assert_eq!(batch.len(), 3);
        let one = &batch[0];
        assert!(!one.actors.mentions.is_empty());
        assert_eq!(one.quotes.len(), 1, "{:?}", one.quotes);
        assert!(batch[2].quotes.is_empty() && batch[2].actors.mentions.is_empty());
        assert_eq!(batch[0].quotes, batch[1].quotes);
    }

    #[test]
    fn speakers_link_to_the_overlapping_actor() {
        let body = "قال وزير الخارجية سامي الحوراني إن المفاوضات ستستأنف.";
        let mut quotes = extract(body).quotes;
        let (start, end) = (
            quotes[0].speaker_start.unwrap(),
            quotes[0].speaker_end.unwrap(),
        );
        let entity = |s: usize, e: usize, actor: Option<&str>| Entity {
            text: body.chars().skip(s).take(e - s).collect(),
            kind: marsad_core::EntityType::Per,
            start: s,
            end: e,
            actor: actor.map(str::to_string),
            nominal: false,
        };
        // An unrelated entity elsewhere, and the speaker's own span with an actor id.
        let entities = [
            entity(0, 3, Some("other")),
            entity(start, end, Some("hourani")),
        ];
        link_speakers(&mut quotes, &entities);
        assert_eq!(quotes[0].speaker_actor.as_deref(), Some("hourani"));
        link_speakers(&mut quotes, &[]);
        assert_eq!(quotes[0].speaker_actor, None);
    }
}
