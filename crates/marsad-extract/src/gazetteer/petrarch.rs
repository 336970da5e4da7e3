//! Seeding a person-name list from the UniversalPetrarch Arabic actor dictionary
//! (`openeventdata/UniversalPetrarch`, branch `arabic`, `actor_dict_ar_v4.txt`; MIT,
//! © 2016 Open Event Data Alliance).
//!
//! The dictionary lists ~5.7k actors as underscore-joined lemma phrases with CAMEO codes and
//! optional dated roles (`أياد_علاوي_` then `\t[IRQGOV 20030801-20030831]`). It stops in 2018
//! and mixes people with organizations, places and generic agents, so only what passes
//! these filters is kept, as `person` entries:
//!
//! 1. leading titles (ours and [`TITLE_LEMMAS`]) and nisbas are dropped
//!    (رئيس_أميركي_جورج_بوش_ → جورج بوش);
//! 2. two to four words remain, all of Arabic letters only, each of two letters or more, and
//!    the phrase is not a listed place or organization (تل أبيب);
//! 3. no word is listed in our gazetteer as a title, body, organization head, place head,
//!    country, capital, city, region, nisba or organization (that rejects حركة_حماس_,
//!    شرطة_بلجيكي_, أرض_فلسطيني_), and none is in [`REJECT`], the words our review found
//!    in non-person entries;
//! 4. the first word is one of our given names, or the entry has a dated role (people in
//!    the dictionary carry dated roles; generic agents do not);
//! 5. the country is the first three letters of the first code when those are one of our
//!    country codes (IRQGOV → IRQ), else none.
//!
//! The output is sorted and deduplicated, so it depends only on the dictionary and the
//! gazetteer.

use super::{EntryKind, Gazetteer};
use std::collections::BTreeMap;

/// Words our review of the output found in entries that are not people (lemmas of common
/// nouns), and known misspellings in the dictionary.
pub const REJECT: [&str; 45] = [
    "قوة",
    "سفينة",
    "مسؤول",
    "متحدث",
    "عضو",
    "نائب",
    "رجل",
    "امرأة",
    "طفل",
    "شعب",
    "جماعة",
    "لجنة",
    "مصدر",
    "مواطن",
    "جندي",
    "ضابط",
    "مقاتل",
    "مسلح",
    "ناشط",
    "عامل",
    "أمن",
    "وفينوس",
    "حكومي",
    "دولي",
    "انتقالي",
    "مؤتمر",
    "شعبي",
    "معارض",
    "صغير",
    "تايمز",
    "إرهابي",
    "سادس",
    "دين",
    "لمحمد",
    "المخلصون",
    "الجمركيون",
    "برنامج",
    "مهربي",
    "تاجر",
    "الذي",
    "التي",
    "والنمسوي",
    "غذاء",
    "مخدر",
    "سلاح",
];

/// Title lemmas (the dictionary drops the article) removed from the front of a name.
pub const TITLE_LEMMAS: [&str; 20] = [
    "ملك",
    "شيخ",
    "أمير",
    "مستشار",
    "مستشارة",
    "سلطان",
    "جنرال",
    "عقيد",
    "رئيس",
    "وزير",
    "زعيم",
    "قائد",
    "نائب",
    "سفير",
    "رئيسة",
    "إمام",
    "دكتور",
    "سيد",
    "لواء",
    "مشير",
];

/// A person seeded from the dictionary.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct PersonSeed {
    /// The name, words separated by one space.
    pub name: String,
    /// ISO 3166-1 alpha-3 code from the CAMEO code, when it names a listed country.
    pub country: Option<String>,
}

/// Extracts the people of an actor dictionary, checked against `known`.
pub fn extract_persons(actor_dict: &str, known: &Gazetteer) -> Vec<PersonSeed> {
    let countries: std::collections::BTreeSet<&str> = known
        .entries()
        .iter()
        .filter(|e| e.kind == EntryKind::Country)
        .filter_map(|e| e.country_code())
        .collect();
    let given = |w: &str| known.lookup(w).iter().any(|e| e.kind == EntryKind::Given);
    let blocking = EntryKind::Title.bit()
        | EntryKind::Body.bit()
        | EntryKind::OrgHead.bit()
        | EntryKind::LocHead.bit()
        | EntryKind::Country.bit()
        | EntryKind::Capital.bit()
        | EntryKind::City.bit()
        | EntryKind::Region.bit()
        | EntryKind::Nisba.bit()
        | EntryKind::Org.bit();
    let mask = |w: &str| {
        let mut f = String::new();
        super::search_form(w, &mut f);
        known
            .match_at(&[f.as_str()], 0)
            .filter(|m| m.proclitic == 0)
            .map_or(0, |m| m.kind_mask())
    };

    // Entries with their codes and whether a dated role follows.
    let mut entries: Vec<(String, Vec<String>, bool)> = Vec::new();
    for line in actor_dict.lines() {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() || line.trim_start().starts_with('#') {
            continue;
        }
        let indented = line.starts_with([' ', '\t']) && line.trim_start().starts_with('[');
        if indented {
            if let Some(last) = entries.last_mut() {
                let role = line.trim().trim_start_matches('[').trim_end_matches(']');
                let mut parts = role.split_whitespace();
                if let Some(code) = parts.next() {
                    last.1.push(code.to_string());
                }
                if parts.next().is_some() {
                    last.2 = true;
                }
            }
            continue;
        }
        let (name, code) = match line.split_once('[') {
            Some((n, c)) => (n.trim(), Some(c.trim_end().trim_end_matches(']').trim())),
            None => (line.trim(), None),
        };
        let codes = code
            .and_then(|c| c.split_whitespace().next())
            .map(|c| vec![c.to_string()])
            .unwrap_or_default();
        entries.push((name.to_string(), codes, false));
    }

    let mut out: BTreeMap<String, Option<String>> = BTreeMap::new();
    for (name, codes, dated) in entries {
        let mut words: Vec<&str> = name.split('_').filter(|w| !w.is_empty()).collect();
        if words.starts_with(&["آية", "الله"]) {
            words.drain(..2);
        }
        while let Some(first) = words.first() {
            let nisba_like = first.starts_with("ال") && first.ends_with('ي');
            if nisba_like
                || TITLE_LEMMAS.contains(first)
                || mask(first) & (EntryKind::Title.bit() | EntryKind::Nisba.bit()) != 0
            {
                words.remove(0);
            } else {
                break;
            }
        }
        if !(2..=4).contains(&words.len()) {
            continue;
        }
        if !words
            .iter()
            .all(|w| w.chars().all(marsad_arabic::chars::is_arabic_letter))
        {
            continue;
        }
        if words
            .iter()
            .any(|w| w.chars().count() < 2 || mask(w) & blocking != 0 || REJECT.contains(w))
        {
            continue;
        }
        // A place or organization listed under several words (تل أبيب).
        let phrase = words.join(" ");
        if known
            .lookup(&phrase)
            .iter()
            .any(|e| e.entity_kind().is_some())
        {
            continue;
        }
        if !(given(words[0]) || dated) {
            continue;
        }
        let country = codes
            .first()
            .and_then(|c| c.get(..3))
            .filter(|c| countries.contains(c))
            .map(str::to_string);
        out.entry(words.join(" ")).or_insert(country);
    }
    out.into_iter()
        .map(|(name, country)| PersonSeed { name, country })
        .collect()
}

/// Writes the seeds in the gazetteer format, with a header naming the source.
pub fn to_text(seeds: &[PersonSeed], source: &str) -> String {
    let mut out = String::new();
    out.push_str("# marsad gazetteer v1: people, seeded from the UniversalPetrarch Arabic actor dictionary\n");
    out.push_str(&format!("# source: {source} (openeventdata/UniversalPetrarch, branch arabic, 2018-11-14; MIT, (c) 2016 Open Event Data Alliance)\n"));
    out.push_str("# The dictionary stops in 2018 and has known errors (UniversalPetrarch issues #33, #36, #42);\n");
    out.push_str("# the cleaning rules are in crates/marsad-extract/src/gazetteer/petrarch.rs.\n");
    out.push_str(
        "# Rebuild: marsad train gazetteer --petrarch <actor_dict_ar_v4.txt> --out <this file>\n",
    );
    out.push_str("# Format: see countries.tsv. Names are lemmas as the dictionary writes them.\n");
    for s in seeds {
        out.push_str(&format!(
            "person\t{}\t{}\n",
            s.country.as_deref().unwrap_or("-"),
            s.name
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cleans_the_dictionary() {
        let dict = "\
رئيس_أميركي_جورج_بوش_  [USAGOV]
حركة_حماس_
\t[PSEREB 20140908-20161010]
نوري_المالكي_
\t[IRQGOV 20101221-20140908]
شرطة_بلجيكي_
\t[BEL 20090120-20170120]
قوة_أمن_  [COP]
جلال_حسنين_
\t[LBNCVLREF 19840502-18000101]
خرطوم
\t[SDN 20050508-18000101]
Obama_x_  [USAGOV]
";
        let seeds = extract_persons(dict, Gazetteer::for_tagger());
        let names: Vec<(&str, Option<&str>)> = seeds
            .iter()
            .map(|s| (s.name.as_str(), s.country.as_deref()))
            .collect();
        assert_eq!(
            names,
            vec![
                ("جلال حسنين", Some("LBN")),
                ("جورج بوش", Some("USA")),
                ("نوري المالكي", Some("IRQ")),
            ]
        );
        let text = to_text(&seeds, "actor_dict_ar_v4.txt");
        let mut parsed = Vec::new();
        super::super::parse::parse_into(&text, &mut parsed).unwrap();
        assert_eq!(parsed.len(), 3);
        assert!(parsed.iter().all(|e| e.kind == EntryKind::Person));
    }
}
