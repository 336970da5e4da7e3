//! The read path of a search page and an actor profile, against brute force over the
//! articles themselves: facet counts over several index segments, hit bodies from the
//! `bodies` table (and from the record on a store written before it), the latest quotes.

use chrono::NaiveDate;
use marsad_core::{Actor, ActorType, Article, Certainty, CertaintyLabel, Format, Published};
use marsad_core::{Quote, Source};
use marsad_index::{QuoteFilter, SearchRequest, Store};
use std::collections::{BTreeMap, BTreeSet};

const OUTLETS: [&str; 4] = ["وكالة المرصد", "صحيفة الساحل", "قناة الشرق", "موقع الخبر"];

fn actor(i: usize) -> Actor {
    Actor {
        id: format!("actor{i:02}"),
        name: format!("الفاعل {i}"),
        kind: ActorType::Government,
        country: None,
        aliases: Vec::new(),
        roles: Vec::new(),
    }
}

/// Article `i`: its outlet, month and actors follow simple arithmetic so that counts tie
/// and spread unevenly; one article in three is about negotiations (the query below).
fn article(i: usize) -> Article {
    let mut a = Article::new(Source::file(format!("a{i}.txt")), Format::Text);
    a.id = format!("art{i:03}");
    a.title = format!("خبر رقم {i}");
    a.language = "ar".into();
    let topic = if i % 3 == 0 {
        "واستؤنفت المفاوضات في جنيف"
    } else {
        "وتحدث التقرير عن الطقس"
    };
    a.set_paragraphs([format!("قال المتحدث اليوم. {topic} مساء أمس.")]);
    a.outlet = Some(OUTLETS[(i * 7) % OUTLETS.len()].to_string());
    let month = 1 + (i * 5) % 12;
    a.published = Some(Published::date(
        NaiveDate::from_ymd_opt(2015 + (i % 2) as i32, month as u32, 1 + (i % 27) as u32).unwrap(),
    ));
    // Between one and four of 29 actors, with ties at the actor facet's cut; some listed
    // twice, which must still count the article once.
    for k in 0..(1 + i % 4) {
        a.actors.push(actor((i * k * 13 + i / 3 + k * 5) % 29));
    }
    if i % 5 == 0 {
        let again = a.actors[0].clone();
        a.actors.push(again);
    }
    a
}

/// Adds `articles`, committing every `batch` of them (each commit makes a segment).
fn ingest(store: &Store, articles: &[Article], batch: usize) {
    let mut w = store.writer(1).unwrap();
    for (i, a) in articles.iter().enumerate() {
        assert!(w.add(a, None).unwrap());
        if (i + 1) % batch == 0 {
            w.commit().unwrap();
        }
    }
    w.finish().unwrap();
}

/// `(key, count)` most first, ties by key, at most `k`.
fn top(counts: BTreeMap<String, u64>, k: usize) -> Vec<(String, u64)> {
    let mut v: Vec<(String, u64)> = counts.into_iter().collect();
    v.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    v.truncate(k);
    v
}

#[test]
fn facet_counts_over_several_segments_equal_a_brute_force_count() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let articles: Vec<Article> = (0..90).map(article).collect();
    ingest(&store, &articles, 25);
    for (query, matches) in [
        ("", (|_: &Article| true) as fn(&Article) -> bool),
        ("المفاوضات", |a: &Article| {
            a.body.contains("المفاوضات")
        }),
    ] {
        let mut req = SearchRequest::new(query);
        req.facets = true;
        req.snippets = false;
        let r = store.search(&req).unwrap();
        let facets = r.facets.unwrap();
        let matching: Vec<&Article> = articles.iter().filter(|a| matches(a)).collect();
        assert_eq!(r.total, matching.len(), "{query:?}");
        let (mut outlets, mut months, mut actors) =
            (BTreeMap::new(), BTreeMap::new(), BTreeMap::new());
        for a in &matching {
            *outlets.entry(a.outlet.clone().unwrap()).or_insert(0) += 1;
            let month = a.published.as_ref().unwrap().local.format("%Y-%m");
            *months.entry(month.to_string()).or_insert(0) += 1;
            let distinct: BTreeSet<&str> = a.actors.iter().map(|x| x.id.as_str()).collect();
            for id in distinct {
                *actors.entry(id.to_string()).or_insert(0) += 1;
            }
        }
        assert!(
            actors.len() > 20,
            "the actor facet must be cut: {}",
            actors.len()
        );
        assert_eq!(facets.outlets, top(outlets, 100), "{query:?}");
        assert_eq!(facets.months, months.into_iter().collect::<Vec<_>>());
        let got: Vec<(String, u64)> = facets
            .actors
            .iter()
            .map(|a| (a.id.clone(), a.hits))
            .collect();
        assert_eq!(got, top(actors, 20), "{query:?}");
        for a in &facets.actors {
            assert_eq!(
                a.name,
                format!("الفاعل {}", a.id[5..].parse::<usize>().unwrap())
            );
        }
    }
}

#[test]
fn hits_read_their_body_from_the_bodies_table_or_else_from_the_record() {
    let dir = tempfile::tempdir().unwrap();
    let articles: Vec<Article> = (0..12).map(article).collect();
    let search = |store: &Store| {
        let mut req = SearchRequest::new("المفاوضات");
        req.limit = 20;
        let mut hits: Vec<(String, String)> = store
            .search(&req)
            .unwrap()
            .hits
            .into_iter()
            .map(|h| (h.id, h.snippet.unwrap().text))
            .collect();
        hits.sort();
        hits
    };
    let db = dir.path().join("marsad.sqlite");
    let bodies = || -> i64 {
        let c = rusqlite::Connection::open(&db).unwrap();
        c.query_row("SELECT COUNT(*) FROM bodies", [], |r| r.get(0))
            .unwrap()
    };
    let expected = {
        let store = Store::open(dir.path()).unwrap();
        ingest(&store, &articles, 100);
        search(&store)
    };
    assert_eq!(expected.len(), 4);
    for (id, snippet) in &expected {
        let a = articles.iter().find(|a| &a.id == id).unwrap();
        assert!(a.body.contains(snippet.as_str()), "{snippet}");
    }
    assert_eq!(bodies(), 12);
    // A store written before the table existed: readers fall back to the record...
    rusqlite::Connection::open(&db)
        .unwrap()
        .execute("DELETE FROM bodies", [])
        .unwrap();
    let store = Store::open(dir.path()).unwrap();
    assert_eq!(search(&store), expected);
    // ...and the next writer copies the bodies over.
    drop(store.writer(1).unwrap());
    assert_eq!(bodies(), 12);
    assert_eq!(search(&store), expected);
}

#[test]
fn the_latest_quotes_are_the_stored_quotes_reversed() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let mut articles: Vec<Article> = (0..9).map(article).collect();
    for (i, a) in articles.iter_mut().enumerate() {
        // Two quotes per article; every third article undated.
        if i % 3 == 2 {
            a.published = None;
        }
        for ord in 0..2 {
            a.quotes.push(Quote {
                speaker: Some("المتحدث".into()),
                speaker_start: Some(4),
                speaker_end: Some(11),
                speaker_actor: Some(if ord == 0 { "actor01" } else { "actor02" }.into()),
                role: None,
                cue: "قال".into(),
                cue_start: 0,
                cue_end: 3,
                text: format!("قول {i} {ord}"),
                direct: true,
                certainty: Certainty {
                    label: CertaintyLabel::Confirmed,
                    cue: None,
                    cue_start: None,
                    cue_end: None,
                    scope_start: 0,
                    scope_end: 3,
                },
                start: 0,
                end: 3,
            });
        }
    }
    ingest(&store, &articles, 4);
    for actor in [None, Some("actor01".to_string())] {
        let all = QuoteFilter {
            actor: actor.clone(),
            ..QuoteFilter::default()
        };
        let mut expected = store.quotes(&all).unwrap();
        assert_eq!(expected.len(), if actor.is_some() { 9 } else { 18 });
        expected.reverse();
        assert_eq!(store.latest_quotes(&all).unwrap(), expected);
        let five = QuoteFilter {
            limit: Some(5),
            ..all
        };
        expected.truncate(5);
        assert_eq!(store.latest_quotes(&five).unwrap(), expected);
    }
}
