//! Actors in the store: mentions and counts, alias lookups, `--actor` search and actor
//! facets. Annotations are written by hand here (no NER), as `marsad_extract::actors`
//! would produce them.

use marsad_core::{Actor, ActorType, Article, Entity, EntityType, Format, Source};
use marsad_index::{SearchRequest, Store};

fn actor(id: &str, name: &str, kind: ActorType, aliases: &[&str]) -> Actor {
    Actor {
        id: id.into(),
        name: name.into(),
        kind,
        country: None,
        aliases: aliases.iter().map(|s| s.to_string()).collect(),
        roles: Vec::new(),
    }
}

/// An article whose body mentions `mentions` (text, actor) in order, separated by words.
fn article(id: &str, mentions: &[(&str, &Actor)]) -> Article {
    let mut a = Article::new(Source::file(format!("{id}.txt")), Format::Text);
    a.id = id.into();
    a.title = format!("خبر {id}");
    a.language = "ar".into();
    let mut body = String::from("قال");
    for (text, who) in mentions {
        body.push(' ');
        let start = body.chars().count();
        body.push_str(text);
        a.entities.push(Entity {
            text: text.to_string(),
            kind: if who.kind == ActorType::Person {
                EntityType::Per
            } else {
                EntityType::Org
            },
            start,
            end: start + text.chars().count(),
            actor: Some(who.id.clone()),
            nominal: false,
        });
        if !a.actors.iter().any(|x| x.id == who.id) {
            let mut local = (*who).clone();
            local.aliases = mentions
                .iter()
                .filter(|(_, w)| w.id == who.id)
                .map(|(t, _)| t.to_string())
                .collect();
            a.actors.push(local);
        }
        body.push_str(" اليوم");
    }
    a.set_paragraphs([body]);
    a
}

#[test]
fn actor_counts_aliases_search_and_facets() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let salem = actor("00000000000000a1", "سالم الوردي", ActorType::Person, &[]);
    let munir = actor("00000000000000a2", "منير الوردي", ActorType::Person, &[]);
    let gov = actor(
        "00000000000000b1",
        "حكومة الوفاق",
        ActorType::Government,
        &[],
    );
    let articles = [
        article(
            "x1",
            &[
                ("سالم الوردي", &salem),
                ("الوردي", &salem),
                ("حكومة الوفاق", &gov),
            ],
        ),
        article("x2", &[("الوردي", &salem), ("حكومة الوفاق الوطني", &gov)]),
        article("x3", &[("منير الوردي", &munir), ("الوردي", &munir)]),
        article("x4", &[("حكومة الوفاق", &gov)]),
    ];
    let mut w = store.writer(1).unwrap();
    for a in &articles {
        assert!(w.add(a, None).unwrap());
    }
    // The registry's merged record replaces the article-level one.
    let mut merged = salem.clone();
    merged.aliases = vec!["سالم الوردي".into(), "الوردي".into()];
    merged.roles = vec!["المشير".into()];
    merged.country = Some("LBY".into());
    w.put_actors(&[merged.clone()]).unwrap();
    w.finish().unwrap();

    let top = store.actors(10, None).unwrap();
    let rows: Vec<(&str, u64, u64)> = top
        .iter()
        .map(|r| (r.actor.name.as_str(), r.mentions, r.articles))
        .collect();
    assert_eq!(
        rows,
        [
            ("حكومة الوفاق", 3, 3),
            ("سالم الوردي", 3, 2),
            ("منير الوردي", 2, 1)
        ]
    );
    assert_eq!(top[1].actor, merged);
    let people = store.actors(10, Some(ActorType::Person)).unwrap();
    assert!(people.iter().all(|r| r.actor.kind == ActorType::Person));
    assert_eq!(people.len(), 2);
    assert_eq!(store.actors(1, None).unwrap().len(), 1);
    assert_eq!(store.all_actors().unwrap().len(), 3);

    // Lookups: by id, by alias in another spelling (ة/ه, diacritics), shared surnames.
    assert_eq!(
        store.actor_ids("00000000000000a2").unwrap(),
        ["00000000000000a2"]
    );
    assert_eq!(
        store.actor_ids("حكومه الوِفاق الوطني").unwrap(),
        ["00000000000000b1"]
    );
    assert_eq!(
        store.actor_ids("الوردي").unwrap(),
        ["00000000000000a1", "00000000000000a2"]
    );
    assert!(store.actor_ids("مجهول").unwrap().is_empty());
    let found = store.actor("الوردي").unwrap();
    assert_eq!(found[0].actor.id, "00000000000000a1");
    assert_eq!((found[0].mentions, found[1].mentions), (3, 2));

    // --actor: every article mentioning the actor, under any alias; combined with words.
    let ids = |req: &SearchRequest| -> Vec<String> {
        let mut v: Vec<String> = store
            .search(req)
            .unwrap()
            .hits
            .into_iter()
            .map(|h| h.id)
            .collect();
        v.sort();
        v
    };
    let mut req = SearchRequest::new("");
    req.actor = Some("حكومة الوفاق الوطني".into());
    assert_eq!(ids(&req), ["x1", "x2", "x4"]);
    req.actor = Some("سالم الوردي".into());
    assert_eq!(ids(&req), ["x1", "x2"]);
    req.actor = Some("الوردي".into());
    assert_eq!(ids(&req), ["x1", "x2", "x3"]);
    req.query = "الوفاق".into();
    assert_eq!(ids(&req), ["x1", "x2"]);
    req.actor = Some("مجهول".into());
    assert_eq!(store.search(&req).unwrap().total, 0);

    // Actor facets over the matches.
    let mut req = SearchRequest::new("الوفاق");
    req.facets = true;
    let facets = store.search(&req).unwrap().facets.unwrap();
    let got: Vec<(&str, u64)> = facets
        .actors
        .iter()
        .map(|f| (f.name.as_str(), f.hits))
        .collect();
    assert_eq!(got, [("حكومة الوفاق", 3), ("سالم الوردي", 2)]);
}

#[test]
fn a_store_of_the_previous_format_asks_for_a_reingest() {
    let dir = tempfile::tempdir().unwrap();
    drop(Store::open(dir.path()).unwrap());
    let conn = rusqlite::Connection::open(dir.path().join("marsad.sqlite")).unwrap();
    conn.execute("UPDATE meta SET value = '1' WHERE key = 'format'", [])
        .unwrap();
    drop(conn);
    let err = Store::open(dir.path()).unwrap_err().to_string();
    assert!(
        err.contains("format 1") && err.contains("re-ingest"),
        "{err}"
    );
}

#[test]
fn people_known_only_by_surname_are_offered_as_possibly_the_same() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    // Our own names. Two full names share the surname الوردي; a third article names
    // only «الوردي» and so has an actor of its own (bare surnames never link articles).
    let salem = actor("00000000000000a1", "سالم الوردي", ActorType::Person, &[]);
    let munir = actor("00000000000000a2", "منير الوردي", ActorType::Person, &[]);
    let bare = actor("00000000000000a3", "الوردي", ActorType::Person, &[]);
    let other = actor("00000000000000a4", "هالة النمر", ActorType::Person, &[]);
    let gov = actor("00000000000000b1", "الوردي", ActorType::Government, &[]);
    let articles = [
        article("y1", &[("سالم الوردي", &salem), ("سالم الوردي", &salem)]),
        article("y2", &[("منير الوردي", &munir)]),
        article("y3", &[("الوردي", &bare), ("هالة النمر", &other)]),
        article("y4", &[("الوردي", &gov)]),
    ];
    let mut w = store.writer(1).unwrap();
    for a in &articles {
        assert!(w.add(a, None).unwrap());
    }
    w.finish().unwrap();

    let names = |a: &Actor| -> Vec<String> {
        store
            .possibly_same(a, 10)
            .unwrap()
            .into_iter()
            .map(|s| s.actor.name)
            .collect()
    };
    // The bare surname: every person whose full name ends in it, most mentioned first; not
    // the government body that happens to share the word, nor itself.
    assert_eq!(names(&bare), ["سالم الوردي", "منير الوردي"]);
    assert_eq!(store.possibly_same(&bare, 1).unwrap().len(), 1);
    // A full name: the one-word person named by its surname, not the other full name.
    assert_eq!(names(&salem), ["الوردي"]);
    assert_eq!(names(&munir), ["الوردي"]);
    // No namesake, and not a person at all.
    assert!(names(&other).is_empty());
    assert!(names(&gov).is_empty());
}
