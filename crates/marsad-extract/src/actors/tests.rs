//! Actor resolution on sentences of our own. Entities are placed by hand (`[[PER:…]]`
//! markup), so these tests check resolution alone, whatever the tagger finds.

use super::*;
use proptest::prelude::*;

/// Reads `[[PER:name]]` markup: the plain text and its entities (char spans).
fn parse(marked: &str) -> (String, Vec<Entity>) {
    let mut body = String::new();
    let mut entities = Vec::new();
    let mut rest = marked;
    while let Some(open) = rest.find("[[") {
        body.push_str(&rest[..open]);
        let close = rest[open..].find("]]").expect("closed markup") + open;
        let inner = &rest[open + 2..close];
        let (kind, text) = inner.split_once(':').expect("KIND:text");
        let start = body.chars().count();
        body.push_str(text);
        entities.push(Entity {
            kind: EntityKind::parse(kind).expect("a kind"),
            start,
            end: start + text.chars().count(),
            text: text.to_string(),
        });
        rest = &rest[close + 2..];
    }
    body.push_str(rest);
    (body, entities)
}

/// `(mention text, actor name)` for every mention with an actor, in body order.
fn links(marked: &str) -> (Vec<(String, String)>, ArticleActors) {
    let (body, entities) = parse(marked);
    let found = resolve(&body, &entities);
    let chars: Vec<char> = body.chars().collect();
    for m in &found.mentions {
        let span: String = chars[m.start..m.end].iter().collect();
        assert_eq!(span, m.text, "offsets of {m:?}");
    }
    let pairs = found
        .mentions
        .iter()
        .filter_map(|m| Some((m.text.clone(), found.actors[m.actor?].name.clone())))
        .collect();
    (pairs, found)
}

fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect()
}

#[test]
fn within_article_linking() {
    let table: [(&str, &[(&str, &str)]); 6] = [
        (
            "وصل المشير [[PER:سالم الوردي]] إلى المدينة، وقال [[PER:الوردي]] إن الجيش جاهز.",
            &[("سالم الوردي", "سالم الوردي"), ("الوردي", "سالم الوردي")],
        ),
        // A longer full name with the same first and last word is the same person.
        (
            "التقى [[PER:سالم الوردي]] أمس، ثم عاد [[PER:سالم عمر الوردي]] إلى مكتبه.",
            &[
                ("سالم الوردي", "سالم عمر الوردي"),
                ("سالم عمر الوردي", "سالم عمر الوردي"),
            ],
        ),
        // Two people share a surname: the bare surname goes to the most recent one.
        (
            "قال [[PER:سالم الوردي]] كلمته، ثم تحدث [[PER:منير الوردي]] طويلا، وختم [[PER:الوردي]] الجلسة.",
            &[
                ("سالم الوردي", "سالم الوردي"),
                ("منير الوردي", "منير الوردي"),
                ("الوردي", "منير الوردي"),
            ],
        ),
        // A surname before the only full name links forward.
        (
            "رحب [[PER:الوردي]] بالمبادرة. وكان [[PER:سالم الوردي]] قد دعا إليها.",
            &[("الوردي", "سالم الوردي"), ("سالم الوردي", "سالم الوردي")],
        ),
        // A title alone goes to the most recent person of that title class.
        (
            "أعلن المشير [[PER:سالم الوردي]] والعقيد [[PER:نادر الكبير]] الخطة، ثم غادر الجنرال القاعة.",
            &[
                ("سالم الوردي", "سالم الوردي"),
                ("نادر الكبير", "نادر الكبير"),
                ("الجنرال", "سالم الوردي"),
            ],
        ),
        // A spokesman introduced with المتحدث is الناطق later.
        (
            "قال المتحدث باسم [[ORG:القوات الوطنية]] العقيد [[PER:نادر الكبير]] إن الهدنة صامدة، وأكد الناطق باسم [[ORG:الجيش الوطني]] أن القوات انسحبت.",
            &[
                ("القوات الوطنية", "القوات الوطنية"),
                ("نادر الكبير", "نادر الكبير"),
                ("الناطق باسم", "نادر الكبير"),
                ("الجيش الوطني", "الجيش الوطني"),
            ],
        ),
    ];
    for (marked, want) in table {
        let (got, _) = links(marked);
        assert_eq!(got, pairs(want), "{marked}");
    }
}

#[test]
fn a_title_alone_needs_a_compatible_role() {
    // Spokesmen of two different bodies: the second is not the first.
    let (got, _) = links(
        "قال المتحدث باسم القيادة العامة العقيد [[PER:نادر الكبير]] إن الهدنة صامدة، وقال المتحدث باسم حكومة الوحدة إن الحوار مستمر.",
    );
    assert_eq!(got, pairs(&[("نادر الكبير", "نادر الكبير")]));
    // An envoy's complement is not a dative object.
    let (got, found) = links(
        "وصل المبعوث الأممي [[PER:لارس هولم]] أمس، وقال المبعوث الأممي للصحفيين إن الجولة مفيدة.",
    );
    assert_eq!(
        got,
        pairs(&[("لارس هولم", "لارس هولم"), ("المبعوث الأممي", "لارس هولم")])
    );
    assert_eq!(found.actors[0].roles, ["المبعوث الأممي"]);
}

#[test]
fn a_title_inside_a_person_entity_ends_the_name() {
    let (got, found) = links("استقبل العاهل [[PER:منصور بن راشد الوزير الزيدي]] أمس.");
    assert_eq!(got, pairs(&[("منصور بن راشد", "منصور بن راشد")]));
    assert_eq!(found.actors[0].roles, ["العاهل"]);
    let (got, _) =
        links("التقى [[PER:محمد الهاشمي السفير]] الروسي، وقال [[PER:الهاشمي]] إن اللقاء مثمر.");
    assert_eq!(
        got,
        pairs(&[
            ("محمد الهاشمي", "محمد الهاشمي"),
            ("الهاشمي", "محمد الهاشمي")
        ])
    );
}

#[test]
fn a_rank_with_a_nisba_is_someone_else() {
    let (got, _) = links("وصل المشير [[PER:سالم الوردي]] وقال الجنرال الروسي إن الوضع هادئ.");
    assert_eq!(got, pairs(&[("سالم الوردي", "سالم الوردي")]));
}

#[test]
fn roles_from_titles_and_appositions() {
    let (_, found) = links(
        "قال المتحدث باسم القوات الليبية العقيد [[PER:نادر الكبير]] إن الوضع هادئ. وقال [[PER:ماهر العلي]]، خبير الشؤون الدولية في مركز الدراسات، إن الحل سياسي.",
    );
    let roles: Vec<(&str, Vec<&str>)> = found
        .actors
        .iter()
        .map(|a| {
            (
                a.name.as_str(),
                a.roles.iter().map(String::as_str).collect(),
            )
        })
        .collect();
    assert_eq!(
        roles,
        [
            ("نادر الكبير", vec!["العقيد", "المتحدث باسم القوات الليبية"]),
            ("ماهر العلي", vec!["خبير الشؤون الدولية في مركز الدراسات"]),
        ]
    );
    // The role names the country.
    assert_eq!(found.actors[0].country.as_deref(), Some("LBY"));
    assert_eq!(found.actors[0].key.country, None);
}

#[test]
fn given_name_before_a_surname_mention_widens_it() {
    let (got, found) = links(
        "قال الجنرال [[PER:سالم الوردي]] كلمته. ثم وصل الفريق أول سالم [[PER:الوردي]] إلى القاعدة.",
    );
    assert_eq!(
        got,
        pairs(&[
            ("سالم الوردي", "سالم الوردي"),
            ("سالم الوردي", "سالم الوردي")
        ])
    );
    assert_eq!(found.actors[0].roles, ["الجنرال", "الفريق أول"]);
}

#[test]
fn metonymy_and_collectives() {
    let table: [(&str, &[(&str, &str)]); 6] = [
        // A capital that acts is the state; one after a locative word is a place.
        (
            "ومن المتوقع أن تستقبل [[LOC:موسكو]] مبعوثين، بعد لقاءات عقدت في [[LOC:موسكو]].",
            &[("موسكو", "روسيا")],
        ),
        (
            "فتح قنوات اتصال مع [[LOC:موسكو]] ومع [[LOC:أمريكا]]، ومقره [[LOC:لندن]].",
            &[("موسكو", "روسيا"), ("أمريكا", "الولايات المتحدة")],
        ),
        // Collectives: head + nisba.
        (
            "لا اتفاق مع القيادة الروسية، لكن الجانب الروسي منفتح، والدب الروسي يراقب.",
            &[
                ("القيادة الروسية", "روسيا"),
                ("الجانب الروسي", "روسيا"),
                ("الدب الروسي", "روسيا"),
            ],
        ),
        // A nisba that does not agree with the head qualifies something else.
        (
            "قال رئيس الحكومة اليمني إن الحكومة اليمنية مستعدة.",
            &[("الحكومة اليمنية", "اليمن")],
        ),
        // A proclitic ب makes a place; a country name is always the state.
        (
            "اجتمع الوفد بـ[[LOC:القاهرة]] ثم سافر إلى [[LOC:مصر]] مرة أخرى.",
            &[("مصر", "مصر")],
        ),
        // A government of its own, and a seat of power.
        (
            "رحبت [[ORG:حكومة الوفاق الوطني]] بالقرار، وقالت [[ORG:حكومة الوفاق]] إن [[ORG:الكرملين]] لم يرد.",
            &[
                ("حكومة الوفاق الوطني", "حكومة الوفاق"),
                ("حكومة الوفاق", "حكومة الوفاق"),
                ("الكرملين", "روسيا"),
            ],
        ),
    ];
    for (marked, want) in table {
        let (got, _) = links(marked);
        assert_eq!(got, pairs(want), "{marked}");
    }
}

#[test]
fn aliases_lose_the_conjunction_and_keep_the_article() {
    let (_, found) = links("قالت [[LOC:وإيران]] و[[ORG:للجيش الليبي]] كلاما.");
    let aliases: Vec<&str> = found
        .actors
        .iter()
        .flat_map(|a| a.aliases.iter().map(String::as_str))
        .collect();
    assert_eq!(aliases, ["إيران", "الجيش الليبي"]);
}

#[test]
fn actor_types_and_countries() {
    let (_, found) = links(
        "قالت [[ORG:حكومة الوفاق]] إن [[ORG:للجيش الليبي]] دورا، ورحب [[ORG:الاتحاد الأوروبي]] و[[ORG:حزب النهضة المدنية]] و[[ORG:كتائب الفجر]] و[[ORG:القيادة الروسية]].",
    );
    let got: Vec<(&str, ActorType, Option<&str>)> = found
        .actors
        .iter()
        .map(|a| (a.name.as_str(), a.key.kind, a.country.as_deref()))
        .collect();
    assert_eq!(
        got,
        [
            ("حكومة الوفاق", ActorType::Government, Some("LBY")),
            ("الجيش الليبي", ActorType::Military, Some("LBY")),
            ("الاتحاد الأوروبي", ActorType::Igo, None),
            ("حزب النهضة المدنية", ActorType::Party, None),
            ("كتائب الفجر", ActorType::ArmedGroup, None),
            ("روسيا", ActorType::Government, Some("RUS")),
        ]
    );
}

#[test]
fn registry_ids_aliases_and_the_surname_rule() {
    let mut registry = Registry::new();
    let article = |marked: &str| {
        let (body, entities) = parse(marked);
        resolve(&body, &entities)
    };
    let a1 = article("قال المشير [[PER:سالم الوردي]] إن [[PER:الوردي]] لن يتراجع.");
    let a2 = article("التقى [[PER:منير الوردي]] وفدا أجنبيا.");
    let a3 = article("قال [[PER:الوردي]] إن الحرب انتهت.");
    let a4 = article("وصل [[PER:سالم الوردي]] إلى [[LOC:روسيا]].");
    let a5 = article("رحبت [[ORG:حكومة الوفاق الوطني]] بالاتفاق.");
    let a6 = article("قالت [[ORG:حكومة الوفاق]] إنها توافق.");
    let ids: Vec<Vec<String>> = [&a1, &a2, &a3, &a4, &a5, &a6]
        .iter()
        .map(|a| registry.assign(a))
        .collect();
    // Two full names sharing a surname are two actors; a bare surname in an article
    // without a full name is neither of them.
    assert_ne!(ids[0][0], ids[1][0]);
    assert_ne!(ids[2][0], ids[0][0]);
    assert_ne!(ids[2][0], ids[1][0]);
    // The same full name is the same actor in another article.
    assert_eq!(ids[3][0], ids[0][0]);
    // Aliases meet: حكومة الوفاق الوطني and حكومة الوفاق.
    assert_eq!(ids[4][0], ids[5][0]);
    let salem = registry.get(&ids[0][0]).unwrap();
    assert_eq!(salem.aliases, ["سالم الوردي", "الوردي"]);
    assert_eq!(salem.roles, ["المشير"]);
    // Ids are a function of the key alone, not of the order articles arrive in.
    let mut other = Registry::new();
    let reversed: Vec<Vec<String>> = [&a6, &a5, &a4, &a3, &a2, &a1]
        .iter()
        .map(|a| other.assign(a))
        .collect();
    assert_eq!(reversed[5][0], ids[0][0]);
    assert_eq!(reversed[4][0], ids[1][0]);
    assert_eq!(reversed[0][0], ids[5][0]);
    // A registry rebuilt from stored actors gives the same ids.
    let mut rebuilt = Registry::from_actors(registry.actors().to_vec());
    assert!(rebuilt.take_changed().is_empty());
    assert_eq!(rebuilt.assign(&a2), ids[1]);
    assert_eq!(rebuilt.assign(&a5), ids[4]);
    // annotate fills entity actor ids.
    let (entities, actors) = rebuilt.annotate(&a1);
    assert_eq!(actors.len(), 1);
    assert!(
        entities
            .iter()
            .all(|e| e.actor.as_ref() == Some(&actors[0].id))
    );
}

#[test]
fn key_ids_are_stable_hex() {
    let key = ActorKey {
        name: normalize_name("خليفة حفتر"),
        kind: ActorType::Person,
        country: None,
    };
    let id = key.id();
    assert_eq!(id.len(), 16);
    assert!(id.chars().all(|c| c.is_ascii_hexdigit()));
    assert_eq!(normalize_name("خليفه  حَفتر"), key.name);
    let other = ActorKey {
        kind: ActorType::Government,
        ..key.clone()
    };
    assert_ne!(other.id(), id);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// Resolution never panics, whatever the text and however wrong the spans, and every
    /// mention's span lies in the body and matches its text.
    #[test]
    fn resolution_never_panics_and_spans_stay_in_range(
        body in "[ \\n،,.بتثجحخدذرزسشصضطظعغفقكلمنهويىةأإآءال0-9a-z]{0,120}",
        spans in proptest::collection::vec((0usize..140, 0usize..20, 0usize..4), 0..8),
    ) {
        let chars: Vec<char> = body.chars().collect();
        let entities: Vec<Entity> = spans
            .iter()
            .map(|&(start, len, k)| {
                let end = start + len;
                let text: String = chars
                    .get(start.min(chars.len())..end.min(chars.len()))
                    .map(|c| c.iter().collect())
                    .unwrap_or_default();
                Entity { kind: EntityKind::ALL[k], start, end, text }
            })
            .collect();
        let found = resolve(&body, &entities);
        for m in found.mentions.iter().filter(|m| m.entity.is_none()) {
            prop_assert!(m.start <= m.end && m.end <= chars.len());
            let span: String = chars[m.start..m.end].iter().collect();
            prop_assert_eq!(&span, &m.text);
        }
        for m in &found.mentions {
            prop_assert!(m.actor.is_none_or(|a| a < found.actors.len()));
        }
        let mut registry = Registry::new();
        let (out, actors) = registry.annotate(&found);
        prop_assert_eq!(out.len(), found.mentions.len());
        prop_assert_eq!(actors.len(), found.actors.len());
    }

    /// On real text with real entities, named mentions keep the tagger's spans.
    #[test]
    fn recognized_entities_keep_their_spans(
        words in proptest::collection::vec(
            prop::sample::select(vec![
                "قال", "المشير", "خليفة", "حفتر", "إن", "موسكو", "في", "القيادة", "الروسية",
                "الناطق", "باسم", "الجيش", "الليبي", "،", ".", "وحفتر", "بموسكو", "العقيد",
            ]),
            0..40,
        ),
    ) {
        let body = words.join(" ");
        let found = extract(&body);
        let chars: Vec<char> = body.chars().collect();
        for m in &found.mentions {
            prop_assert!(m.start < m.end && m.end <= chars.len());
            let span: String = chars[m.start..m.end].iter().collect();
            prop_assert_eq!(&span, &m.text);
        }
    }
}
