//! Everything marsad extracts from one article body, with the NER model run once: the
//! entities and their actors, the quotes (whose speakers come from the same entities), and
//! the events (whose participants are the same mentions, and whose certainty and attribution
//! read the quotes).

use crate::actors::{self, ArticleActors};
use crate::parallel::par_map;
use crate::{NerModel, events, quotes};
use marsad_core::{Argument, DatePrecision, Entity, Event, EventDate, Published, Quote};

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

/// Extracts entities, actors, quotes and events from `body`.
pub fn extract(body: &str) -> Extraction {
    let entities = NerModel::embedded().recognize(body);
    let actors = actors::resolve(body, &entities);
    let quotes = quotes::extract_with(body, &entities);
    let events = events::extract(body, &events::mentions_as_entities(&actors), &quotes);
    Extraction {
        actors,
        quotes,
        events,
    }
}

/// [`extract`] over many bodies on `threads` threads; results in input order.
pub fn extract_batch(bodies: &[&str], threads: usize) -> Vec<Extraction> {
    par_map(bodies, threads, |b| extract(b))
}

/// [`extract`], and beside it every candidate event the rules built, vetoed or not, with
/// the learned filter's features ([`events::candidates`]): what `marsad train events`
/// learns from and `marsad eval events` compares with.
pub fn extract_candidates(body: &str) -> (Extraction, events::Candidates) {
    let entities = NerModel::embedded().recognize(body);
    let actors = actors::resolve(body, &entities);
    let quotes = quotes::extract_with(body, &entities);
    let found = events::candidates(body, &events::mentions_as_entities(&actors), &quotes);
    let extraction = Extraction {
        events: events::select(&found, events::filter::EventFilter::embedded()),
        actors,
        quotes,
    };
    (extraction, found)
}

/// [`extract_candidates`] over many bodies on `threads` threads; results in input order.
pub fn extract_candidates_batch(
    bodies: &[&str],
    threads: usize,
) -> Vec<(Extraction, events::Candidates)> {
    par_map(bodies, threads, |b| extract_candidates(b))
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
/// against the article's publication time (see [`events::dates`]): a time expression
/// becomes an ISO day, month or year (`أمس` → the day before publication); an event without
/// one takes the publication day, with no text; without a publication date every value
/// stays `None`.
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
    let day = published.map(|p| p.local.date());
    for ev in events {
        link(&mut ev.source);
        link(&mut ev.target);
        link(&mut ev.location);
        // The extractor keeps an actor from acting on itself by comparing names, but two
        // names of one actor (الجيش الليبي … للجيش الليبي, حفتر … المشير) only meet here. The
        // target is the better-marked role (position, preposition), so the source goes.
        if ev.source.as_ref().and_then(|a| a.actor.as_ref()).is_some()
            && ev.source.as_ref().and_then(|a| a.actor.as_ref())
                == ev.target.as_ref().and_then(|a| a.actor.as_ref())
        {
            ev.source = None;
        }
        let expected = ev.certainty.label == marsad_core::CertaintyLabel::Expected;
        match (&mut ev.date, day) {
            (Some(d), Some(p)) => {
                if let Some((value, precision)) = d
                    .text
                    .as_deref()
                    .and_then(|t| events::dates::resolve(t, p, expected))
                {
                    d.value = Some(value);
                    d.precision = precision;
                }
            }
            (None, Some(p)) => {
                ev.date = Some(EventDate {
                    value: Some(p.format("%Y-%m-%d").to_string()),
                    precision: DatePrecision::Day,
                    text: None,
                    start: None,
                    end: None,
                });
            }
            (Some(d), None) => d.value = None,
            (None, None) => {}
        }
    }
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
    fn event_dates_resolve_against_the_publication_day() {
        // Our own sentences; 2016-05-24 is a Tuesday.
        let body = "زار وزير الخارجية سامي الحوراني موسكو أمس. واعتقلت الشرطة مطلوبا الثلاثاء الماضي. \
                    وبحث الوزير مع نظيره العلاقات الثنائية.";
        let mut events = extract(body).events;
        let kinds: Vec<_> = events.iter().map(|e| e.kind).collect();
        assert!(
            kinds.contains(&marsad_core::EventType::Consult),
            "{kinds:?}"
        );
        let published = Published::date(chrono::NaiveDate::from_ymd_opt(2016, 5, 24).unwrap());
        link_events(&mut events, &[], Some(&published));
        for e in &events {
            let d = e.date.as_ref().expect("every event is dated once linked");
            let want = match d.text.as_deref() {
                Some("أمس") => "2016-05-23",
                Some("الثلاثاء الماضي") => "2016-05-17",
                None => "2016-05-24",
                Some(other) => panic!("unexpected expression {other}"),
            };
            assert_eq!(d.value.as_deref(), Some(want), "{}", e.cue);
            assert_eq!(d.precision, DatePrecision::Day);
        }
        let mut undated = extract(body).events;
        link_events(&mut undated, &[], None);
        assert!(
            undated
                .iter()
                .all(|e| e.date.as_ref().is_none_or(|d| d.value.is_none()))
        );
    }

    #[test]
    fn an_actor_linked_on_both_sides_does_not_act_on_itself() {
        // Our own sentence: the two participants have different names, which the actor
        // layer may resolve to one actor (an alias the extractor cannot know). The same
        // name on both sides, with or without a glued preposition, the extractor catches
        // itself (`events::same_party`).
        let body = "وأعلن الجيش الوطني دعمه الكامل لقوات الدفاع الوطني في معركته.";
        let mut events = extract(body).events;
        let ev = events
            .iter()
            .position(|e| e.source.is_some() && e.target.is_some())
            .expect("an event with both participants");
        let span = |a: &Option<Argument>| a.as_ref().map(|a| (a.start, a.end)).unwrap();
        let entity = |(start, end): (usize, usize), actor: &str| Entity {
            text: body.chars().skip(start).take(end - start).collect(),
            kind: marsad_core::EntityType::Org,
            start,
            end,
            actor: Some(actor.to_string()),
            nominal: false,
        };
        let (source, target) = (span(&events[ev].source), span(&events[ev].target));
        let mut other = events.clone();
        // Two different actors stay as they are.
        link_events(
            &mut other,
            &[entity(source, "army-a"), entity(target, "army-b")],
            None,
        );
        assert_eq!(
            other[ev].source.as_ref().and_then(|a| a.actor.as_deref()),
            Some("army-a")
        );
        link_events(
            &mut events,
            &[entity(source, "army"), entity(target, "army")],
            None,
        );
        assert!(events[ev].source.is_none(), "{:?}", events[ev]);
        assert_eq!(
            events[ev].target.as_ref().and_then(|a| a.actor.as_deref()),
            Some("army")
        );
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
