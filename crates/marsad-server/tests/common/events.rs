//! Stores with events for the API tests: a small store written here (our own sentences,
//! hand-made events with exact spans), and events added to demo articles from their own
//! entities (so schema checks see real, non-empty event responses). The CLI's tests
//! (`crates/marsad/tests/cli_events.rs`) include this file for the same fixtures.

use marsad_core::{
    Actor, ActorType, Argument, Article, Certainty, CertaintyLabel, DatePrecision, Entity,
    EntityType, Event, EventDate, EventType, Format, Published, Source,
};
use marsad_index::Store;
use std::sync::Arc;

pub const GOV: &str = "e000000000000001";
pub const ARMY: &str = "e000000000000002";
pub const UN: &str = "e000000000000003";

fn actor(id: &str) -> Actor {
    let (name, kind, country) = match id {
        GOV => ("حكومة الساحل", ActorType::Government, Some("LBY")),
        ARMY => ("جيش الشمال", ActorType::Military, None),
        UN => ("الأمم المتحدة", ActorType::Igo, None),
        _ => unreachable!("{id}"),
    };
    Actor {
        id: id.into(),
        name: name.into(),
        kind,
        country: country.map(str::to_string),
        aliases: vec![name.into()],
        roles: Vec::new(),
    }
}

/// One event sentence: source (name, actor), type, target, day, certainty.
pub struct Line {
    pub source: (&'static str, Option<&'static str>),
    pub kind: EventType,
    pub target: Option<(&'static str, Option<&'static str>)>,
    pub date: Option<&'static str>,
    pub certainty: CertaintyLabel,
}

fn verb(kind: EventType) -> &'static str {
    match kind {
        EventType::Assault => "هاجم",
        EventType::Accuse => "اتهم",
        EventType::Consult => "استقبل",
        EventType::Agree => "اتفق مع",
        EventType::Aid => "قدم مساعدات إلى",
        _ => "واجه",
    }
}

/// An article published on `day` with one sentence per line, spans exact.
pub fn article(id: &str, day: (i32, u32, u32), lines: &[Line]) -> Article {
    let mut a = Article::new(Source::file(format!("fixtures/{id}.txt")), Format::Text);
    a.id = id.into();
    a.title = format!("تقرير {id}");
    a.outlet = Some("وكالة الاختبار".into());
    a.language = "ar".into();
    a.published = Some(Published::date(
        chrono::NaiveDate::from_ymd_opt(day.0, day.1, day.2).unwrap(),
    ));
    let mut body = String::new();
    let len = |s: &String| s.chars().count();
    let mut ids: Vec<&str> = Vec::new();
    for l in lines {
        if !body.is_empty() {
            body.push(' ');
        }
        let start = len(&body);
        let mut party = |body: &mut String, (name, actor): (&str, Option<&'static str>)| {
            let s = len(body);
            body.push_str(name);
            let e = len(body);
            if let Some(actor) = actor {
                a.entities.push(Entity {
                    text: name.into(),
                    kind: EntityType::Org,
                    start: s,
                    end: e,
                    actor: Some(actor.into()),
                    nominal: false,
                });
                ids.push(actor);
            }
            Argument {
                actor: actor.map(str::to_string),
                name: name.into(),
                start: s,
                end: e,
            }
        };
        let source = party(&mut body, l.source);
        body.push(' ');
        let cue_start = len(&body);
        body.push_str(verb(l.kind));
        let cue_end = len(&body);
        let target = l.target.map(|t| {
            body.push(' ');
            party(&mut body, t)
        });
        let date = l.date.map(|d| {
            body.push_str(" يوم ");
            let s = len(&body);
            body.push_str(d);
            EventDate {
                value: Some(d.into()),
                precision: DatePrecision::Day,
                text: Some(d.into()),
                start: Some(s),
                end: Some(len(&body)),
            }
        });
        body.push('.');
        let end = len(&body);
        a.events.push(Event {
            kind: l.kind,
            cameo: None,
            mode: None,
            source: Some(source),
            target,
            location: None,
            date,
            certainty: Certainty {
                label: l.certainty,
                cue: None,
                cue_start: None,
                cue_end: None,
                scope_start: start,
                scope_end: end,
            },
            attributed_to: None,
            cue: verb(l.kind).into(),
            cue_start,
            cue_end,
            sentence: body.chars().skip(start).take(end - start).collect(),
            start,
            end,
        });
    }
    a.set_paragraphs([body.as_str()]);
    ids.sort_unstable();
    ids.dedup();
    a.actors = ids.into_iter().map(actor).collect();
    a
}

pub fn line(
    source: (&'static str, Option<&'static str>),
    kind: EventType,
    target: Option<(&'static str, Option<&'static str>)>,
) -> Line {
    Line {
        source,
        kind,
        target,
        date: None,
        certainty: CertaintyLabel::Confirmed,
    }
}

pub const GOV_P: (&str, Option<&str>) = ("حكومة الساحل", Some(GOV));
pub const ARMY_P: (&str, Option<&str>) = ("جيش الشمال", Some(ARMY));
pub const UN_P: (&str, Option<&str>) = ("الأمم المتحدة", Some(UN));
pub const GUNMEN: (&str, Option<&str>) = ("مسلحون مجهولون", None);

/// The articles of [`events_store`]:
///
/// * e1 (2024-03-01): the army attacks the government (reported, dated 2024-02-29); the
///   government accuses the army.
/// * e2 (2024-03-02): the army attacks the government (the same event as e1's).
/// * e3 (2024-03-20): unknown gunmen attack the army.
/// * e4 (2024-04-05): the UN receives the government (expected); the government and the
///   army agree (denied).
/// * e5 (2024-04-06): the UN aids the government.
pub fn events_articles() -> Vec<Article> {
    use EventType::*;
    vec![
        article(
            "e1",
            (2024, 3, 1),
            &[
                Line {
                    date: Some("2024-02-29"),
                    certainty: CertaintyLabel::Reported,
                    ..line(ARMY_P, Assault, Some(GOV_P))
                },
                line(GOV_P, Accuse, Some(ARMY_P)),
            ],
        ),
        article("e2", (2024, 3, 2), &[line(ARMY_P, Assault, Some(GOV_P))]),
        article("e3", (2024, 3, 20), &[line(GUNMEN, Assault, Some(ARMY_P))]),
        article(
            "e4",
            (2024, 4, 5),
            &[
                Line {
                    certainty: CertaintyLabel::Expected,
                    ..line(UN_P, Consult, Some(GOV_P))
                },
                Line {
                    certainty: CertaintyLabel::Denied,
                    ..line(GOV_P, Agree, Some(ARMY_P))
                },
            ],
        ),
        article("e5", (2024, 4, 6), &[line(UN_P, Aid, Some(GOV_P))]),
    ]
}

/// A fresh store holding [`events_articles`].
pub fn events_store() -> (tempfile::TempDir, Arc<Store>) {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = Store::open(dir.path()).expect("store");
    {
        let mut w = store.writer(1).expect("writer");
        for a in &events_articles() {
            w.add(a, None).expect("add");
        }
        w.finish().expect("finish");
    }
    (dir, Arc::new(store))
}

/// Adds an event to every stored demo article that names two actors: the first named acts
/// on the next other one, in the paragraph of the first; types and certainties rotate.
/// Returns how many articles got one.
pub fn add_sample_events(store: &Store, articles: &[Article]) -> usize {
    let kinds = [
        EventType::Consult,
        EventType::Assault,
        EventType::Accuse,
        EventType::Agree,
    ];
    let mut w = store.writer(1).expect("writer");
    let mut n = 0;
    for a in articles {
        let Some(stored) = store.get(&a.id).expect("get") else {
            continue;
        };
        let linked: Vec<&Entity> = stored
            .entities
            .iter()
            .filter(|e| e.actor.is_some())
            .collect();
        let Some(first) = linked.first() else {
            continue;
        };
        let Some(second) = linked.iter().find(|e| e.actor != first.actor) else {
            continue;
        };
        let chars: Vec<char> = stored.body.chars().collect();
        // The paragraph around the first mention.
        let start = chars[..first.start]
            .iter()
            .rposition(|c| *c == '\n')
            .map_or(0, |i| i + 1);
        let end = (first.end..chars.len())
            .find(|&i| chars[i] == '\n')
            .unwrap_or(chars.len());
        let arg = |e: &Entity| Argument {
            actor: e.actor.clone(),
            name: e.text.clone(),
            start: e.start,
            end: e.end,
        };
        let kind = kinds[n % kinds.len()];
        let label = CertaintyLabel::ALL[n % CertaintyLabel::ALL.len()];
        let event = Event {
            kind,
            cameo: None,
            mode: None,
            source: Some(arg(first)),
            target: Some(arg(second)),
            location: None,
            date: None,
            certainty: Certainty {
                label,
                cue: None,
                cue_start: None,
                cue_end: None,
                scope_start: start,
                scope_end: end,
            },
            attributed_to: None,
            cue: first.text.clone(),
            cue_start: first.start,
            cue_end: first.end,
            sentence: chars[start..end].iter().collect(),
            start,
            end,
        };
        w.add_events(&a.id, &[event], stored.published.as_ref())
            .expect("events");
        n += 1;
    }
    w.finish().expect("finish");
    n
}
