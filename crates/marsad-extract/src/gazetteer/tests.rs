use super::*;

#[test]
fn embedded_lists_parse() {
    for (name, text) in EMBEDDED {
        let mut out = Vec::new();
        parse::parse_into(text, &mut out).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert!(!out.is_empty(), "{name} is empty");
    }
    assert!(Gazetteer::embedded().entries().len() > 1500);
}

/// `(phrase, kind, country or capital-of, canonical)` rows that must hold.
const ROWS: &[(&str, EntryKind, &str, &str)] = &[
    ("أمريكا", EntryKind::Country, "USA", "الولايات المتحدة"),
    ("أميركا", EntryKind::Country, "USA", "الولايات المتحدة"),
    (
        "الولايات المتحدة",
        EntryKind::Country,
        "USA",
        "الولايات المتحدة",
    ),
    (
        "للولايات المتحدة",
        EntryKind::Country,
        "USA",
        "الولايات المتحدة",
    ),
    ("واشنطن", EntryKind::Capital, "USA", "واشنطن"),
    ("أوروبا", EntryKind::Region, "", "أوروبا"),
    ("أوربا", EntryKind::Region, "", "أوروبا"),
    ("وأوربا", EntryKind::Region, "", "أوروبا"),
    ("روسيا", EntryKind::Country, "RUS", "روسيا"),
    ("بروسيا", EntryKind::Country, "RUS", "روسيا"),
    ("موسكو", EntryKind::Capital, "RUS", "موسكو"),
    ("الكرملين", EntryKind::Org, "RUS", "الكرملين"),
    ("الروسي", EntryKind::Nisba, "RUS", "روسي"),
    ("الروسية", EntryKind::Nisba, "RUS", "روسي"),
    ("والروسيين", EntryKind::Nisba, "RUS", "روسي"),
    ("الليبي", EntryKind::Nisba, "LBY", "ليبي"),
    ("الليبيه", EntryKind::Nisba, "LBY", "ليبي"),
    ("ليبيا", EntryKind::Country, "LBY", "ليبيا"),
    ("طرابلس", EntryKind::Capital, "LBY", "طرابلس"),
    ("بنغازي", EntryKind::City, "LBY", "بنغازي"),
    ("لندن", EntryKind::Capital, "GBR", "لندن"),
    ("الأمم المتحدة", EntryKind::Org, "", "الأمم المتحدة"),
    ("الامم المتحده", EntryKind::Org, "", "الأمم المتحدة"),
    ("مجلس الأمن", EntryKind::Org, "", "مجلس الأمن"),
    ("الاتحاد الأوروبي", EntryKind::Org, "", "الاتحاد الأوروبي"),
    ("الناتو", EntryKind::Org, "", "حلف شمال الأطلسي"),
    ("الجامعة العربية", EntryKind::Org, "", "الجامعة العربية"),
    ("جامعة الدول العربية", EntryKind::Org, "", "الجامعة العربية"),
    ("العقيد", EntryKind::Title, "", "العقيد"),
    ("المشير", EntryKind::Title, "", "المشير"),
    ("الناطق باسم", EntryKind::Title, "", "الناطق باسم"),
    ("وزارة", EntryKind::Body, "", "وزارة"),
    ("شركة", EntryKind::OrgHead, "", "شركة"),
    ("مدينة", EntryKind::LocHead, "", "مدينة"),
    ("خليفة", EntryKind::Given, "", "خليفة"),
];

#[test]
fn entry_table() {
    let g = Gazetteer::embedded();
    for &(phrase, kind, country, canonical) in ROWS {
        let hits = g.lookup(phrase);
        let hit = hits
            .iter()
            .find(|e| e.kind == kind)
            .unwrap_or_else(|| panic!("{phrase}: no {kind:?} entry in {hits:?}"));
        assert_eq!(hit.country_code().unwrap_or(""), country, "{phrase}");
        assert_eq!(hit.canonical, canonical, "{phrase}");
        if kind == EntryKind::Capital {
            assert_eq!(hit.capital_of(), Some(country), "{phrase}");
        } else {
            assert_eq!(hit.capital_of(), None, "{phrase}");
        }
    }
}

#[test]
fn words_that_are_not_names() {
    let g = Gazetteer::embedded();
    // Proclitic removal must not invent names: وزير is not و + زير, and common words that
    // look like place names are deliberately absent.
    for word in [
        "وزير",
        "البيضاء",
        "العين",
        "صور",
        "قال",
        "الحكومة الجديدة",
        "هو",
        "موسكوفي",
    ] {
        let hits = g.lookup(word);
        assert!(
            hits.iter().all(|e| e.entity_kind().is_none()),
            "{word}: {hits:?}"
        );
    }
}

#[test]
fn longest_match_wins_and_matches_do_not_overlap() {
    let g = Gazetteer::embedded();
    let tokens = [
        "قال",
        "مجلس",
        "الأمن",
        "الدولي",
        "في",
        "الولايات",
        "المتحدة",
        "الأمريكية",
        "و",
        "روسيا",
    ];
    let found: Vec<(usize, usize, Option<EntityKind>)> = g
        .find(&tokens)
        .iter()
        .map(|m| (m.start, m.end, m.entity_kind()))
        .collect();
    assert_eq!(
        found,
        vec![
            (1, 4, Some(EntityKind::Org)),
            (5, 8, Some(EntityKind::Loc)),
            (9, 10, Some(EntityKind::Loc)),
        ]
    );
}

#[test]
fn proclitic_length_is_reported() {
    let g = Gazetteer::embedded();
    let m = g.find(&["وبموسكو"]);
    assert_eq!(m.len(), 1);
    assert_eq!(m[0].proclitic, 2);
    let m = g.find(&["للولايات", "المتحدة"]);
    assert_eq!((m[0].start, m[0].end, m[0].proclitic), (0, 2, 0));
    let m = g.find(&["وللولايات", "المتحدة"]);
    assert_eq!((m[0].start, m[0].end, m[0].proclitic), (0, 2, 1));
}
