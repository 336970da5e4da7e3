//! Events in the store: mentions, clusters across articles (type + actors + a ±2-day
//! window), the first reporter, the actor graph, incremental updates that match a recount
//! whatever the order and batch boundaries, replacement of an article's events, and the
//! queries behind `marsad events`, `marsad actor`, `marsad graph` and the API.

use chrono::{NaiveDate, NaiveTime};
use marsad_core::{
    Actor, ActorType, Argument, Article, Certainty, CertaintyLabel, DatePrecision, Entity,
    EntityType, Event, EventDate, EventType, Format, Genre, Published, Source,
};
use marsad_index::events::DATE_WINDOW_DAYS;
use marsad_index::{EventFilter, GraphFilter, SearchRequest, Store};
use std::collections::BTreeMap;

const ARMY: &str = "a000000000000001";
const REBELS: &str = "a000000000000002";
const UN: &str = "a000000000000003";
const TURKEY: &str = "a000000000000004";

fn actor(id: &str) -> Actor {
    let (name, kind, country) = match id {
        ARMY => ("الجيش الوطني", ActorType::Military, Some("LBY")),
        REBELS => ("قوات الكرامة", ActorType::ArmedGroup, None),
        UN => ("الأمم المتحدة", ActorType::Igo, None),
        TURKEY => ("تركيا", ActorType::Government, Some("TUR")),
        _ => unreachable!("unknown fixture actor {id}"),
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

/// A party: the text as written and, when resolved, the actor id.
type Party = (&'static str, Option<&'static str>);

/// One event to write into a fixture article.
#[derive(Clone)]
struct Spec {
    kind: EventType,
    source: Option<Party>,
    target: Option<Party>,
    place: Option<&'static str>,
    /// (ISO value, precision, text as written).
    date: Option<(&'static str, DatePrecision, &'static str)>,
    certainty: CertaintyLabel,
}

fn spec(kind: EventType, source: Option<Party>, target: Option<Party>) -> Spec {
    Spec {
        kind,
        source,
        target,
        place: None,
        date: None,
        certainty: CertaintyLabel::Confirmed,
    }
}

fn army() -> Option<Party> {
    Some(("الجيش الوطني", Some(ARMY)))
}
fn rebels() -> Option<Party> {
    Some(("قوات الكرامة", Some(REBELS)))
}
fn un() -> Option<Party> {
    Some(("الأمم المتحدة", Some(UN)))
}
fn turkey() -> Option<Party> {
    Some(("تركيا", Some(TURKEY)))
}

fn cue(kind: EventType) -> &'static str {
    match kind {
        EventType::Assault => "قصف",
        EventType::Accuse => "اتهم",
        EventType::Agree => "وقع اتفاقا مع",
        EventType::Consult => "التقى",
        EventType::Protest => "تظاهر",
        EventType::Aid => "أرسل مساعدات إلى",
        _ => "فعل",
    }
}

/// Appends `text` to `body`, returning its char span.
fn push(body: &mut String, text: &str) -> (usize, usize) {
    let start = body.chars().count();
    body.push_str(text);
    (start, start + text.chars().count())
}

/// An article published on `day` (`None`: undated) whose body is one sentence per event,
/// with every span pointing at its words.
fn article(id: &str, day: Option<(i32, u32, u32)>, specs: &[Spec]) -> Article {
    let mut a = Article::new(Source::file(format!("fixtures/{id}.txt")), Format::Text);
    a.id = id.into();
    a.title = format!("خبر {id}");
    a.language = "ar".into();
    a.outlet = Some(format!("وكالة {}", &id[..1]));
    a.published = day
        .map(|(y, m, d)| Published::date(NaiveDate::from_ymd_opt(y, m, d).expect("fixture day")));
    let mut body = String::new();
    let mut ids = Vec::new();
    for s in specs {
        if !body.is_empty() {
            body.push(' ');
        }
        let start = body.chars().count();
        let mut argument = |body: &mut String, p: Option<Party>, a: &mut Article| {
            p.map(|(name, actor)| {
                let (s, e) = push(body, name);
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
            })
        };
        let source = argument(&mut body, s.source, &mut a);
        if source.is_some() {
            body.push(' ');
        }
        let (cue_start, cue_end) = push(&mut body, cue(s.kind));
        let target = s.target.and_then(|t| {
            body.push(' ');
            argument(&mut body, Some(t), &mut a)
        });
        let location = s.place.map(|p| {
            body.push_str(" في ");
            let (s, e) = push(&mut body, p);
            Argument {
                actor: None,
                name: p.into(),
                start: s,
                end: e,
            }
        });
        let date = s.date.map(|(value, precision, text)| {
            body.push(' ');
            let (s, e) = push(&mut body, text);
            EventDate {
                value: Some(value.into()),
                precision,
                text: Some(text.into()),
                start: Some(s),
                end: Some(e),
            }
        });
        body.push('.');
        let end = body.chars().count();
        a.events.push(Event {
            kind: s.kind,
            cameo: None,
            mode: None,
            source,
            target,
            location,
            date,
            certainty: Certainty {
                label: s.certainty,
                cue: None,
                cue_start: None,
                cue_end: None,
                scope_start: start,
                scope_end: end,
            },
            attributed_to: None,
            cue: cue(s.kind).into(),
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
    // Spans are char spans of the body, as everywhere in marsad.
    for e in &a.events {
        let slice = |s: usize, e: usize| a.body.chars().skip(s).take(e - s).collect::<String>();
        assert_eq!(slice(e.start, e.end), e.sentence);
        assert_eq!(slice(e.cue_start, e.cue_end), e.cue);
        for arg in [&e.source, &e.target, &e.location].into_iter().flatten() {
            assert_eq!(slice(arg.start, arg.end), arg.name);
        }
    }
    a
}

fn dated(mut s: Spec, value: &'static str, text: &'static str) -> Spec {
    s.date = Some((value, DatePrecision::Day, text));
    s
}

fn certain(mut s: Spec, label: CertaintyLabel) -> Spec {
    s.certainty = label;
    s
}

fn at(mut s: Spec, place: &'static str) -> Spec {
    s.place = Some(place);
    s
}

/// The corpus of the clustering tests; the comments say which event each mention joins.
fn corpus() -> Vec<Article> {
    use EventType::*;
    let assault = || spec(Assault, army(), rebels());
    vec![
        // Event 1: the army shells the rebels on May 9th, reported by three articles.
        article(
            "a1",
            Some((2016, 5, 10)),
            &[certain(
                dated(assault(), "2016-05-09", "أمس"),
                CertaintyLabel::Reported,
            )],
        ),
        article("b1", Some((2016, 5, 11)), &[assault()]),
        article(
            "c0",
            Some((2016, 5, 10)),
            &[dated(assault(), "2016-05-10", "اليوم")],
        ),
        // Event 2: four days after event 1 began, out of its window.
        article("d1", Some((2016, 5, 13)), &[assault()]),
        // A month-precision date places the mention on its publication day (May 12th),
        // which opens event 2 a day earlier.
        {
            let mut s = assault();
            s.date = Some(("2016-05", DatePrecision::Month, "هذا الشهر"));
            article("m1", Some((2016, 5, 12)), &[s])
        },
        // Another type between the same actors is another event; the same article also
        // reports the UN's aid to Turkey.
        article(
            "e1",
            Some((2016, 5, 10)),
            &[spec(Accuse, army(), rebels()), spec(Aid, un(), turkey())],
        ),
        // Unresolved attackers: the name in search form is the key, diacritics aside.
        article(
            "f1",
            Some((2016, 5, 10)),
            &[spec(Assault, Some(("مسلحون", None)), rebels())],
        ),
        article(
            "g1",
            Some((2016, 5, 11)),
            &[spec(Assault, Some(("مُسلَّحون", None)), rebels())],
        ),
        // Protests without parties: the place stands in for them.
        article(
            "h1",
            Some((2016, 5, 10)),
            &[at(spec(Protest, None, None), "طرابلس")],
        ),
        article(
            "i1",
            Some((2016, 5, 11)),
            &[at(spec(Protest, None, None), "طرابلس")],
        ),
        // Without parties and place, each is its own event.
        article("j1", Some((2016, 5, 10)), &[spec(Protest, None, None)]),
        article("k1", Some((2016, 5, 10)), &[spec(Protest, None, None)]),
        // Undated article without an event date: its own event, in no month.
        article("l1", None, &[assault()]),
        // Turkey and the army agree in June; the UN consults Turkey twice, a week apart.
        article(
            "n1",
            Some((2016, 6, 2)),
            &[
                spec(Agree, turkey(), army()),
                certain(spec(Consult, un(), turkey()), CertaintyLabel::Expected),
            ],
        ),
        article(
            "o1",
            Some((2016, 6, 9)),
            &[certain(
                spec(Consult, un(), turkey()),
                CertaintyLabel::Denied,
            )],
        ),
    ]
}

/// Adds `articles` committing every `batch` articles.
fn ingest(store: &Store, articles: &[Article], batch: usize) {
    let mut w = store.writer(1).unwrap();
    for (i, a) in articles.iter().enumerate() {
        w.add(a, None).unwrap();
        if (i + 1) % batch == 0 {
            w.commit().unwrap();
        }
    }
    w.finish().unwrap();
}

fn all() -> EventFilter {
    EventFilter::default()
}

/// Everything the event tables say, in a comparable form.
fn dump(store: &Store) -> Vec<String> {
    let mut out = Vec::new();
    let clusters = store.event_clusters(&all()).unwrap();
    assert_eq!(clusters.total as usize, clusters.clusters.len());
    for c in &clusters.clusters {
        out.push(format!(
            "cluster {} {} {:?}->{:?} {:?}..{:?} {} m={} a={} first={}",
            c.id,
            c.kind,
            c.source.as_ref().map(|p| (&p.actor, &p.name)),
            c.target.as_ref().map(|p| (&p.actor, &p.name)),
            c.date,
            c.last_date,
            c.certainty,
            c.mentions,
            c.articles,
            c.first_reporter.article_id
        ));
    }
    let mentions = store.events(&all()).unwrap();
    for m in &mentions.events {
        out.push(format!("mention {} {:?} {:?}", m.id, m.cluster, m.day));
    }
    let g = store.event_graph(&GraphFilter::default()).unwrap();
    for n in &g.nodes {
        out.push(format!("node {n:?}"));
    }
    for e in &g.edges {
        out.push(format!("edge {e:?}"));
    }
    for id in [ARMY, REBELS, UN, TURKEY] {
        out.push(format!(
            "months {id} {:?}",
            store.actor_event_months(&[id.to_string()]).unwrap()
        ));
        out.push(format!(
            "counterparts {id} {:?}",
            store.event_counterparts(&[id.to_string()]).unwrap()
        ));
    }
    out.sort();
    out
}

/// The graph a recount of the clusters gives: (source, target) → (type → n).
fn recount(store: &Store) -> BTreeMap<(String, String), BTreeMap<EventType, u64>> {
    let mut out: BTreeMap<(String, String), BTreeMap<EventType, u64>> = BTreeMap::new();
    for c in store.event_clusters(&all()).unwrap().clusters {
        let (Some(s), Some(t)) = (
            c.source.and_then(|p| p.actor),
            c.target.and_then(|p| p.actor),
        ) else {
            continue;
        };
        if s != t {
            *out.entry((s, t)).or_default().entry(c.kind).or_default() += 1;
        }
    }
    out
}

fn graph_counts(store: &Store) -> BTreeMap<(String, String), BTreeMap<EventType, u64>> {
    store
        .event_graph(&GraphFilter::default())
        .unwrap()
        .edges
        .into_iter()
        .map(|e| ((e.source, e.target), e.types))
        .collect()
}

fn cluster_of<'a>(
    page: &'a marsad_index::ClusterPage,
    article: &str,
) -> Vec<&'a marsad_index::EventCluster> {
    page.clusters
        .iter()
        .filter(|c| c.id.starts_with(&format!("{article}-")))
        .collect()
}

#[test]
fn mentions_merge_by_type_actors_and_a_two_day_window() {
    assert_eq!(DATE_WINDOW_DAYS, 2);
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    ingest(&store, &corpus(), 100);
    let page = store.event_clusters(&all()).unwrap();
    let mentions = store.events(&all()).unwrap();
    assert_eq!(mentions.total, 17);
    let cluster = |article: &str| -> String {
        mentions
            .events
            .iter()
            .find(|m| m.article_id == article)
            .and_then(|m| m.cluster.clone())
            .unwrap_or_else(|| panic!("{article} has no cluster"))
    };
    // Event 1: three reports; the first is a1 (published on the 10th like c0, a1 < c0).
    let one = cluster_of(&page, "a1");
    assert_eq!(one.len(), 1, "{page:#?}");
    let one = one[0];
    assert_eq!((one.mentions, one.articles), (3, 3));
    assert_eq!(cluster("b1"), one.id);
    assert_eq!(cluster("c0"), one.id);
    assert_eq!(one.date.as_deref(), Some("2016-05-09"));
    assert_eq!(one.last_date.as_deref(), Some("2016-05-11"));
    assert_eq!(one.first_reporter.article_id, "a1");
    assert_eq!(one.first_reporter.title, "خبر a1");
    // Two confirmed reports outweigh one "reported".
    assert_eq!(one.certainty, CertaintyLabel::Confirmed);
    assert_eq!(one.source.as_ref().unwrap().name, "الجيش الوطني");
    assert_eq!(one.source.as_ref().unwrap().country.as_deref(), Some("LBY"));
    assert_eq!(one.evidence, "الجيش الوطني قصف قوات الكرامة أمس.");
    // Event 2: m1 (placed on its publication day, the 12th) and d1 (the 13th).
    assert_eq!(cluster("d1"), cluster("m1"));
    assert_ne!(cluster("d1"), one.id);
    let two = page
        .clusters
        .iter()
        .find(|c| c.id == cluster("d1"))
        .unwrap();
    assert_eq!(two.date.as_deref(), Some("2016-05-12"));
    assert_eq!(two.first_reporter.article_id, "m1");
    // Another type is another event.
    assert_ne!(cluster("e1"), one.id);
    // Unresolved names match in search form.
    assert_eq!(cluster("f1"), cluster("g1"));
    let armed = page
        .clusters
        .iter()
        .find(|c| c.id == cluster("f1"))
        .unwrap();
    assert_eq!(armed.source.as_ref().unwrap().actor, None);
    assert_eq!(armed.source.as_ref().unwrap().name, "مسلحون");
    // The place stands in for missing parties; without it each mention is alone.
    assert_eq!(cluster("h1"), cluster("i1"));
    assert_ne!(cluster("j1"), cluster("k1"));
    // Undated: alone, no date.
    let undated = page
        .clusters
        .iter()
        .find(|c| c.id == cluster("l1"))
        .unwrap();
    assert_eq!((undated.date.as_deref(), undated.mentions), (None, 1));
    // 17 mentions, 12 events: a1+b1+c0, m1+d1, e1 (2), f1+g1, h1+i1, j1, k1, l1, n1 (2),
    // o1.
    assert_eq!(page.total, 12, "{page:#?}");
    let by_type: BTreeMap<EventType, u64> = page.by_type.iter().copied().collect();
    assert_eq!(by_type[&EventType::Assault], 4);
    assert_eq!(by_type[&EventType::Protest], 3);
    // The UN consulted Turkey twice, a week apart: two events.
    assert_eq!(by_type[&EventType::Consult], 2);
}

#[test]
fn the_graph_counts_clusters_between_resolved_actors() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    ingest(&store, &corpus(), 100);
    assert_eq!(graph_counts(&store), recount(&store));
    let g = store.event_graph(&GraphFilter::default()).unwrap();
    let edge = |s: &str, t: &str| {
        g.edges
            .iter()
            .find(|e| e.source == s && e.target == t)
            .unwrap_or_else(|| panic!("no edge {s} -> {t}: {g:#?}"))
    };
    // Army -> rebels: 3 assaults (events 1, 2 and the undated one) and an accusation.
    let ar = edge(ARMY, REBELS);
    assert_eq!(ar.types[&EventType::Assault], 3);
    assert_eq!(ar.types[&EventType::Accuse], 1);
    assert_eq!((ar.events, ar.cooperation, ar.conflict), (4, 0, 4));
    assert_eq!(ar.certainty[&CertaintyLabel::Confirmed], 4);
    let ut = edge(UN, TURKEY);
    assert_eq!((ut.events, ut.cooperation, ut.conflict), (3, 3, 0));
    assert_eq!(ut.certainty[&CertaintyLabel::Denied], 1);
    // Unresolved attackers are no node.
    assert_eq!(g.nodes.len(), 4);
    let node = |id: &str| g.nodes.iter().find(|n| n.id == id).unwrap();
    assert_eq!(node(ARMY).label, "الجيش الوطني");
    assert_eq!(node(ARMY).kind, "military");
    // The army is named in a1, b1, c0, d1, m1, e1, l1, n1.
    assert_eq!(node(ARMY).articles, 8);
    assert_eq!(node(ARMY).events, 4 + 1);

    // Filters: types, certainty, months (the undated assault has no month).
    let only = |f: GraphFilter| store.event_graph(&f).unwrap();
    let assaults = only(GraphFilter {
        types: vec![EventType::Assault],
        ..GraphFilter::default()
    });
    assert_eq!(assaults.edges.len(), 1);
    assert_eq!(assaults.edges[0].events, 3);
    let may = only(GraphFilter {
        from: NaiveDate::from_ymd_opt(2016, 5, 1),
        to: NaiveDate::from_ymd_opt(2016, 5, 31),
        ..GraphFilter::default()
    });
    assert_eq!(may.edges.len(), 2, "{may:#?}");
    assert_eq!(
        may.edges
            .iter()
            .find(|e| e.source == ARMY)
            .map(|e| e.events),
        Some(3)
    );
    let denied = only(GraphFilter {
        certainty: Some(CertaintyLabel::Denied),
        ..GraphFilter::default()
    });
    assert_eq!(denied.edges.len(), 1);
    assert_eq!(denied.edges[0].target, TURKEY);

    // Ego networks: depth 1 from the rebels reaches the army only; depth 2 adds Turkey
    // (through the army), depth 3 the UN.
    let ego = |depth| {
        let g = only(GraphFilter {
            actors: vec![REBELS.into()],
            depth,
            ..GraphFilter::default()
        });
        g.nodes.into_iter().map(|n| n.id).collect::<Vec<_>>()
    };
    assert_eq!(ego(0), vec![REBELS]);
    assert_eq!(ego(1), vec![ARMY, REBELS]);
    assert_eq!(ego(2), vec![ARMY, REBELS, TURKEY]);
    assert_eq!(ego(3), vec![ARMY, REBELS, UN, TURKEY]);
    // Edges among the reached actors are kept (Turkey -> army at depth 2).
    let two = only(GraphFilter {
        actors: vec![REBELS.into()],
        depth: 2,
        ..GraphFilter::default()
    });
    assert_eq!(two.edges.len(), 2);
}

#[test]
fn actor_months_counterparts_and_filters() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    ingest(&store, &corpus(), 100);
    let months = store.actor_event_months(&[ARMY.into()]).unwrap();
    let m: Vec<(&str, u64, u64, u64)> = months
        .iter()
        .map(|m| (m.month.as_str(), m.events, m.cooperation, m.conflict))
        .collect();
    // May: events 1 and 2 and the accusation; June: the agreement. Undated: no month.
    assert_eq!(m, vec![("2016-05", 3, 0, 3), ("2016-06", 1, 1, 0)]);
    let cp = store.event_counterparts(&[TURKEY.into()]).unwrap();
    let names: Vec<(&str, u64, u64, u64)> = cp
        .iter()
        .map(|c| (c.name.as_str(), c.events, c.as_source, c.as_target))
        .collect();
    assert_eq!(
        names,
        vec![("الأمم المتحدة", 3, 3, 0), ("الجيش الوطني", 1, 0, 1)]
    );
    assert_eq!(cp[0].by_type[0], (EventType::Consult, 2));
    // Mentions by month of the articles naming the actor.
    let named = store.actor_mention_months(&[TURKEY.into()]).unwrap();
    assert_eq!(named, vec![("2016-05".into(), 1), ("2016-06".into(), 2)]);

    // Mention filters.
    let count = |f: EventFilter| store.events(&f).unwrap().total;
    let day = |d| NaiveDate::from_ymd_opt(2016, 5, d);
    assert_eq!(
        count(EventFilter {
            actors: vec![REBELS.into()],
            ..all()
        }),
        9
    );
    assert_eq!(
        count(EventFilter {
            types: vec![EventType::Protest, EventType::Aid],
            ..all()
        }),
        5
    );
    assert_eq!(
        count(EventFilter {
            certainty: Some(CertaintyLabel::Reported),
            ..all()
        }),
        1
    );
    // a1 (the 9th), c0 (the 10th) and the mentions without a date of their own published
    // on the 10th: e1 (2), f1, h1, j1, k1.
    assert_eq!(
        count(EventFilter {
            from: day(9),
            to: day(10),
            ..all()
        }),
        8
    );
    let page = store
        .events(&EventFilter {
            actors: vec![REBELS.into()],
            offset: 2,
            limit: Some(3),
            ..all()
        })
        .unwrap();
    assert_eq!((page.total, page.events.len()), (9, 3));
    let full = store
        .events(&EventFilter {
            actors: vec![REBELS.into()],
            ..all()
        })
        .unwrap();
    assert_eq!(page.events[..], full.events[2..5]);
    // Latest day first, undated last.
    let days: Vec<Option<&str>> = full.events.iter().map(|e| e.day.as_deref()).collect();
    assert_eq!(days.last(), Some(&None));
    assert!(
        days.windows(2).all(|w| w[1].is_none() || w[0] >= w[1]),
        "{days:?}"
    );
    assert_eq!(
        store
            .events(&EventFilter {
                article: Some("e1".into()),
                ..all()
            })
            .unwrap()
            .events
            .iter()
            .map(|e| e.id.as_str())
            .collect::<Vec<_>>(),
        vec!["e1-0", "e1-1"]
    );
    // Cluster filters: days reach into the range.
    let clusters = store
        .event_clusters(&EventFilter {
            from: day(11),
            to: day(11),
            types: vec![EventType::Assault],
            ..all()
        })
        .unwrap();
    // Event 1 (9th..11th) and the armed men (10th..11th); not event 2 (12th..13th).
    assert_eq!(clusters.total, 2, "{clusters:#?}");
    // Articles by event type: the search index's filter and facet.
    let mut req = SearchRequest::new("");
    req.event_types = vec!["CONSULT".into()];
    req.limit = 100;
    req.snippets = false;
    let mut ids: Vec<String> = store
        .search(&req)
        .unwrap()
        .hits
        .into_iter()
        .map(|h| h.id)
        .collect();
    ids.sort();
    assert_eq!(ids, vec!["n1", "o1"]);
    let mut req = SearchRequest::new("");
    req.facets = true;
    req.snippets = false;
    let everywhere: BTreeMap<String, u64> = store
        .search(&req)
        .unwrap()
        .facets
        .unwrap()
        .event_types
        .into_iter()
        .collect();
    assert_eq!(everywhere["ASSAULT"], 8);
    assert_eq!(everywhere.get("CONSULT"), Some(&2));
    assert!(store.has_events().unwrap());
    assert_eq!(store.event_counts().unwrap(), (17, 12));
}

/// A fixed pseudo-random permutation (no dependency on a random generator).
fn shuffled<T: Clone>(items: &[T], seed: u64) -> Vec<T> {
    let mut v: Vec<T> = items.to_vec();
    let mut x = seed;
    for i in (1..v.len()).rev() {
        x = x
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        v.swap(i, (x >> 33) as usize % (i + 1));
    }
    v
}

#[test]
fn clusters_and_graph_do_not_depend_on_order_or_batches() {
    let articles = corpus();
    let reference = {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path()).unwrap();
        ingest(&store, &articles, 1000);
        dump(&store)
    };
    let mut reversed = articles.clone();
    reversed.reverse();
    for (order, batch) in [
        (reversed, 1),
        (shuffled(&articles, 7), 3),
        (shuffled(&articles, 11), 2),
        (shuffled(&articles, 12345), 5),
    ] {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path()).unwrap();
        ingest(&store, &order, batch);
        assert_eq!(dump(&store), reference, "batch {batch}");
        assert_eq!(graph_counts(&store), recount(&store));
    }
    // Across runs too: half now, half in a later writer.
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let order = shuffled(&articles, 3);
    ingest(&store, &order[..7], 2);
    drop(store);
    let store = Store::open(dir.path()).unwrap();
    ingest(&store, &order[7..], 4);
    assert_eq!(dump(&store), reference);
}

#[test]
fn replacing_or_re_adding_an_article_keeps_clusters_and_graph_consistent() {
    use EventType::*;
    let articles = corpus();
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    ingest(&store, &articles, 4);
    let before = dump(&store);
    // Re-adding stored articles (what `marsad ingest --force` does with unchanged
    // articles) changes nothing.
    {
        let mut w = store.writer(1).unwrap();
        for a in &articles {
            assert!(!w.add(a, None).unwrap());
        }
        w.finish().unwrap();
    }
    assert_eq!(dump(&store), before);

    // Re-extraction: a1 (the first report of event 1, whose date opened it) loses its
    // event; b1 now reports an agreement; n1's events are rewritten the same.
    let b1 = article("b1", Some((2016, 5, 11)), &[spec(Agree, army(), rebels())]);
    let n1 = articles.iter().find(|a| a.id == "n1").unwrap();
    {
        let mut w = store.writer(1).unwrap();
        w.add_events("a1", &[], articles[0].published.as_ref())
            .unwrap();
        w.add_events("b1", &b1.events, b1.published.as_ref())
            .unwrap();
        w.add_events("n1", &n1.events, n1.published.as_ref())
            .unwrap();
        w.finish().unwrap();
    }
    // The same as a store built from the final state at once.
    let expected = {
        let mut final_state = articles.clone();
        final_state[0].events.clear();
        final_state[1] = b1.clone();
        let dir = tempfile::tempdir().unwrap();
        let fresh = Store::open(dir.path()).unwrap();
        ingest(&fresh, &final_state, 1000);
        dump(&fresh)
    };
    assert_eq!(dump(&store), expected);
    assert_eq!(graph_counts(&store), recount(&store));
    // The stored records follow.
    assert_eq!(store.get("b1").unwrap().unwrap().events, b1.events);
    assert!(store.get("a1").unwrap().unwrap().events.is_empty());
    assert_eq!(store.get("n1").unwrap().unwrap(), *n1);
    // The windows were re-cut: c0 (the 10th) now opens a window that takes m1 (the 12th),
    // and d1 (the 13th) is an event of its own.
    let page = store.event_clusters(&all()).unwrap();
    let c0 = cluster_of(&page, "c0");
    assert_eq!(c0.len(), 1);
    assert_eq!(
        (
            c0[0].mentions,
            c0[0].date.as_deref(),
            c0[0].last_date.as_deref()
        ),
        (2, Some("2016-05-10"), Some("2016-05-12"))
    );
    assert_eq!(cluster_of(&page, "d1")[0].mentions, 1);

    // Removing every event empties clusters and graph.
    {
        let mut w = store.writer(1).unwrap();
        for a in &articles {
            w.add_events(&a.id, &[], a.published.as_ref()).unwrap();
        }
        w.finish().unwrap();
    }
    assert_eq!(store.event_counts().unwrap(), (0, 0));
    assert!(!store.has_events().unwrap());
    assert!(
        store
            .event_graph(&GraphFilter::default())
            .unwrap()
            .edges
            .is_empty()
    );
    assert!(store.event_counterparts(&[ARMY.into()]).unwrap().is_empty());
}

#[test]
fn a_batch_that_never_commits_leaves_no_clusters() {
    let articles = corpus();
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    ingest(&store, &articles[..3], 10);
    let before = dump(&store);
    {
        let mut w = store.writer(1).unwrap();
        for a in &articles[3..] {
            w.add(a, None).unwrap();
        }
        // Dropped without commit: the batch's mentions, clusters and edges roll back.
    }
    assert_eq!(dump(&store), before);
    ingest(&store, &articles, 10);
    let dir2 = tempfile::tempdir().unwrap();
    let fresh = Store::open(dir2.path()).unwrap();
    ingest(&fresh, &articles, 1000);
    assert_eq!(dump(&store), dump(&fresh));
}

#[test]
fn publication_time_decides_the_first_reporter() {
    let assault = || spec(EventType::Assault, army(), rebels());
    let mut late = article("a0", Some((2016, 5, 10)), &[assault()]);
    let mut early = article("z9", Some((2016, 5, 10)), &[assault()]);
    let at = |h| {
        NaiveDate::from_ymd_opt(2016, 5, 10)
            .unwrap()
            .and_time(NaiveTime::from_hms_opt(h, 0, 0).unwrap())
    };
    late.published = Some(Published::local(at(18), marsad_core::Precision::Minute));
    early.published = Some(Published::local(at(7), marsad_core::Precision::Minute));
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    ingest(&store, &[late, early], 10);
    let page = store.event_clusters(&all()).unwrap();
    assert_eq!(page.total, 1);
    assert_eq!(page.clusters[0].first_reporter.article_id, "z9");
    assert_eq!(page.clusters[0].id, "z9-0");
}

#[test]
fn an_old_store_is_refused_before_it_is_touched() {
    let dir = tempfile::tempdir().unwrap();
    {
        let conn = rusqlite::Connection::open(dir.path().join("marsad.sqlite")).unwrap();
        conn.execute_batch(
            "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
             INSERT INTO meta VALUES ('format', '2');",
        )
        .unwrap();
    }
    let err = Store::open(dir.path()).unwrap_err();
    let msg = err.to_string();
    assert!(
        matches!(err, marsad_index::Error::Version { found: 2, .. }),
        "{msg}"
    );
    assert!(msg.contains("re-ingest into a new data directory"), "{msg}");
    let conn = rusqlite::Connection::open(dir.path().join("marsad.sqlite")).unwrap();
    let tables: i64 = conn
        .query_row(
            "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name != 'meta'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(tables, 0, "the old store was modified");
}

/// CPU seconds this process used so far (Linux; user + system, every thread), so a
/// measurement on a busy machine still compares like with like.
fn cpu_seconds() -> f64 {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    // Fields after the parenthesised command name; utime and stime are the 12th and 13th.
    let rest = stat.rsplit(") ").next().unwrap_or("");
    let f: Vec<f64> = rest
        .split(' ')
        .skip(11)
        .take(2)
        .filter_map(|x| x.parse().ok())
        .collect();
    f.iter().sum::<f64>() / 100.0
}

/// Throughput of the event tables, for docs and reports: 20,000 articles with three events
/// each (200 actors, a year of days) in batches of 5,000, then the queries the CLI and the
/// API run. `cargo test --release -p marsad-index --test events -- --ignored --nocapture`.
#[test]
#[ignore = "a measurement, not a check"]
fn bulk_ingest_and_queries() {
    use std::time::Instant;
    let kinds = [
        EventType::Assault,
        EventType::Consult,
        EventType::Accuse,
        EventType::Agree,
    ];
    let mut x: u64 = 42;
    let mut next = |n: u64| {
        x = x
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (x >> 33) % n
    };
    let mut articles = Vec::new();
    for i in 0..20_000u64 {
        let day = NaiveDate::from_ymd_opt(2024, 1, 1).unwrap() + chrono::Days::new(next(365));
        let mut a = Article::new(Source::file(format!("bulk/{i}.txt")), Format::Text);
        a.id = format!("{i:016x}");
        a.title = format!("خبر {i}");
        a.published = Some(Published::date(day));
        let mut body = String::new();
        for _ in 0..3 {
            let (s, t) = (next(200), next(200));
            let kind = kinds[next(4) as usize];
            let source_name = format!("فاعل {s}");
            let target_name = format!("طرف {t}");
            let start = body.chars().count();
            let (ss, se) = push(&mut body, &source_name);
            body.push(' ');
            let (cs, ce) = push(&mut body, cue(kind));
            body.push(' ');
            let (ts, te) = push(&mut body, &target_name);
            body.push_str(". ");
            let end = body.chars().count() - 1;
            let arg = |id: u64, name: String, start, end| Argument {
                actor: Some(format!("b{id:015x}")),
                name,
                start,
                end,
            };
            a.events.push(Event {
                kind,
                cameo: None,
                mode: None,
                source: Some(arg(s, source_name, ss, se)),
                target: Some(arg(t, target_name, ts, te)),
                location: None,
                date: None,
                certainty: Certainty {
                    label: CertaintyLabel::ALL[next(5) as usize],
                    cue: None,
                    cue_start: None,
                    cue_end: None,
                    scope_start: start,
                    scope_end: end,
                },
                attributed_to: None,
                cue: cue(kind).into(),
                cue_start: cs,
                cue_end: ce,
                sentence: body.chars().skip(start).take(end - start).collect(),
                start,
                end,
            });
        }
        // A body of ordinary length (about 2,600 chars, like a news story), so reading
        // records back costs what it does on real stores.
        let filler = format!(
            "وقال مراسلنا في التقرير رقم {i} إن الأوضاع الميدانية ما زالت متوترة، وإن الوفود \
             تواصل مشاوراتها في العاصمة وسط ترقب لما ستسفر عنه الجولة المقبلة. "
        )
        .repeat(18);
        a.set_paragraphs([body.trim_end(), filler.trim_end()]);
        articles.push(a);
    }
    // The same articles without events, for the cost of the event tables alone.
    let bare_s = {
        let bare: Vec<Article> = articles
            .iter()
            .cloned()
            .map(|mut a| {
                a.events.clear();
                a
            })
            .collect();
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path()).unwrap();
        let (t, cpu) = (Instant::now(), cpu_seconds());
        ingest(&store, &bare, 5_000);
        (t.elapsed().as_secs_f64(), cpu_seconds() - cpu)
    };
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let (t, cpu) = (Instant::now(), cpu_seconds());
    // As `ingest` does, timing the adds and the commits (which re-cut the clusters) apart.
    let mut committing = 0.0;
    {
        let mut w = store.writer(1).unwrap();
        for (i, a) in articles.iter().enumerate() {
            w.add(a, None).unwrap();
            if (i + 1) % 5_000 == 0 {
                let c = Instant::now();
                w.commit().unwrap();
                committing += c.elapsed().as_secs_f64();
            }
        }
        w.finish().unwrap();
    }
    let ingest_s = (t.elapsed().as_secs_f64(), cpu_seconds() - cpu);
    let (mentions, clusters) = store.event_counts().unwrap();
    let t = Instant::now();
    let page = store
        .events(&EventFilter {
            limit: Some(50),
            ..all()
        })
        .unwrap();
    let list_ms = t.elapsed().as_secs_f64() * 1e3;
    let t = Instant::now();
    let first = store
        .event_clusters(&EventFilter {
            limit: Some(50),
            ..all()
        })
        .unwrap();
    let first_ms = t.elapsed().as_secs_f64() * 1e3;
    assert_eq!(first.clusters.len(), 50);
    let t = Instant::now();
    let every = store.event_clusters(&all()).unwrap();
    let clusters_ms = t.elapsed().as_secs_f64() * 1e3;
    let t = Instant::now();
    let g = store.event_graph(&GraphFilter::default()).unwrap();
    let graph_ms = t.elapsed().as_secs_f64() * 1e3;
    let t = Instant::now();
    let ego = store
        .event_graph(&GraphFilter {
            actors: vec![format!("b{:015x}", 7)],
            depth: 1,
            ..GraphFilter::default()
        })
        .unwrap();
    let ego_ms = t.elapsed().as_secs_f64() * 1e3;
    // The search page's facets for a query (event types are an index field, counted with
    // the outlets, months and actors).
    let t = Instant::now();
    let mut req = SearchRequest::new("مراسلنا");
    req.facets = true;
    req.snippets = false;
    let facet = store.search(&req).unwrap().facets.unwrap().event_types;
    let facet_ms = t.elapsed().as_secs_f64() * 1e3;
    // Each hit reports three events of up to three types: at least 2,000 in all.
    assert!(facet.iter().map(|(_, n)| n).sum::<u64>() >= 2_000);
    let t = Instant::now();
    let months = store.actor_event_months(&[format!("b{:015x}", 7)]).unwrap();
    let months_ms = t.elapsed().as_secs_f64() * 1e3;
    assert_eq!(page.total, mentions);
    assert_eq!(every.total, clusters);
    assert_eq!(graph_counts(&store), recount(&store));
    println!(
        "20000 articles, {mentions} mentions → {clusters} events: ingest {:.1} s, {:.1} s \
         CPU, of which commits {:.1} s ({:.1} s, {:.1} s CPU without events); \
         mentions page {list_ms:.0} ms; events page {first_ms:.0} ms; all events \
         {clusters_ms:.0} ms; graph ({} nodes, {} \
         edges) {graph_ms:.0} ms; ego ({} nodes) {ego_ms:.0} ms; actor months ({}) \
         {months_ms:.1} ms; search facets incl. event types {facet_ms:.0} ms",
        ingest_s.0,
        ingest_s.1,
        committing,
        bare_s.0,
        bare_s.1,
        g.nodes.len(),
        g.edges.len(),
        ego.nodes.len(),
        months.len()
    );
}

#[test]
fn the_genre_filter_reads_the_genre_of_the_reporting_articles() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let mut articles = corpus();
    // b1 is one of the three reports of event 1: a column mentioning it.
    let b1 = articles.iter_mut().find(|a| a.id == "b1").unwrap();
    b1.genre = Genre::Opinion;
    let in_b1 = b1.events.len() as u64;
    ingest(&store, &articles, 100);
    let mentions = |g| {
        store
            .events(&EventFilter {
                genre: Some(g),
                ..all()
            })
            .unwrap()
    };
    let opinion = mentions(Genre::Opinion);
    assert_eq!(opinion.total, in_b1);
    assert!(opinion.events.iter().all(|m| m.article_id == "b1"));
    let total = store.events(&all()).unwrap().total;
    assert_eq!(mentions(Genre::News).total, total - in_b1);
    // A cluster counts when one of its mentions is of the genre.
    let clusters = |g| {
        store
            .event_clusters(&EventFilter {
                genre: Some(g),
                ..all()
            })
            .unwrap()
    };
    let one = clusters(Genre::Opinion);
    assert_eq!(one.total, 1);
    assert_eq!(one.clusters[0].first_reporter.article_id, "a1");
    let every = store.event_clusters(&all()).unwrap().total;
    assert_eq!(clusters(Genre::News).total, every);
    // The graph counts the same clusters: every edge for news, event 1's for opinion.
    let graph = |genre| {
        store
            .event_graph(&GraphFilter {
                genre,
                ..GraphFilter::default()
            })
            .unwrap()
            .edges
            .into_iter()
            .map(|e| ((e.source, e.target), e.types))
            .collect::<BTreeMap<_, _>>()
    };
    assert_eq!(graph(Some(Genre::News)), graph_counts(&store));
    let opinion = graph(Some(Genre::Opinion));
    assert_eq!(opinion.len(), 1, "{opinion:?}");
    let ((s, t), types) = opinion.into_iter().next().unwrap();
    assert_eq!((s.as_str(), t.as_str()), (ARMY, REBELS));
    assert_eq!(types, BTreeMap::from([(EventType::Assault, 1)]));
}
