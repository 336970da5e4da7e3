//! marsad's gazetteers: reviewed lists of places, organizations, nisba adjectives, titles,
//! trigger words and given names, with longest-match lookup over tokens.
//!
//! The lists live in `crates/marsad-extract/data/gazetteer/*.tsv` (format in [`parse`]) and
//! are compiled into the binary. Matching is done on marsad's search form of each token
//! ([`Folds::SEARCH`]: diacritics, alef forms, ى, ة, hamza seats), and the first token of a
//! match may carry proclitics (و ف ب ك ل, and ل + ال written لل), so وبموسكو and للولايات
//! المتحدة are found without listing them.
//!
//! ```
//! use marsad_extract::gazetteer::{EntryKind, Gazetteer};
//!
//! let g = Gazetteer::embedded();
//! let moscow = g.lookup("موسكو");
//! assert!(moscow.iter().any(|e| e.kind == EntryKind::Capital && e.capital_of() == Some("RUS")));
//! let tokens = ["وصل", "إلى", "الولايات", "المتحدة", "أمس"];
//! let m = &g.find(&tokens)[0];
//! assert_eq!((m.start, m.end), (2, 4));
//! assert_eq!(m.entries[0].country_code(), Some("USA"));
//! ```

pub(crate) mod clitics;
pub mod parse;
pub mod petrarch;

use crate::entity::EntityKind;
use crate::error::Result;
use marsad_arabic::normalize::{Folds, normalize_into};
use rustc_hash::FxHashMap;
use std::sync::LazyLock;

/// What a gazetteer entry is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum EntryKind {
    /// A sovereign state (`country` is its own code).
    Country,
    /// A capital city (`country` is the state it is the capital of).
    Capital,
    /// Another city or a province.
    City,
    /// A region, continent or disputed territory.
    Region,
    /// A sea, river, strait or canal.
    Water,
    /// An organization.
    Org,
    /// A nisba adjective (الروسي, الليبية): not an entity, but it names a country.
    Nisba,
    /// A title or role that precedes a person's name (الرئيس, العقيد, الناطق باسم).
    Title,
    /// A word that begins an organization's name (شركة, حزب, منظمة).
    OrgHead,
    /// A government-body head that forms a name with a complement (وزارة, حكومة, المجلس).
    Body,
    /// A word that begins a place name (مدينة, محافظة).
    LocHead,
    /// A given name.
    Given,
    /// A person's full name.
    Person,
}

impl EntryKind {
    /// Every kind, in a stable order (its index is its bit in feature masks).
    pub const ALL: [EntryKind; 13] = [
        EntryKind::Country,
        EntryKind::Capital,
        EntryKind::City,
        EntryKind::Region,
        EntryKind::Water,
        EntryKind::Org,
        EntryKind::Nisba,
        EntryKind::Title,
        EntryKind::OrgHead,
        EntryKind::Body,
        EntryKind::LocHead,
        EntryKind::Given,
        EntryKind::Person,
    ];

    /// The name used in the data files.
    pub fn name(self) -> &'static str {
        match self {
            EntryKind::Country => "country",
            EntryKind::Capital => "capital",
            EntryKind::City => "city",
            EntryKind::Region => "region",
            EntryKind::Water => "water",
            EntryKind::Org => "org",
            EntryKind::Nisba => "nisba",
            EntryKind::Title => "title",
            EntryKind::OrgHead => "org-head",
            EntryKind::Body => "body",
            EntryKind::LocHead => "loc-head",
            EntryKind::Given => "given",
            EntryKind::Person => "person",
        }
    }

    /// The kind named `name` in a data file.
    pub fn parse(name: &str) -> Option<EntryKind> {
        EntryKind::ALL.into_iter().find(|k| k.name() == name)
    }

    /// The entity type an entry of this kind names by itself, if any. Given names are not
    /// entities alone, and neither are nisbas, titles or heads.
    pub fn entity(self) -> Option<EntityKind> {
        match self {
            EntryKind::Country
            | EntryKind::Capital
            | EntryKind::City
            | EntryKind::Region
            | EntryKind::Water => Some(EntityKind::Loc),
            EntryKind::Org => Some(EntityKind::Org),
            EntryKind::Person => Some(EntityKind::Per),
            _ => None,
        }
    }

    pub(crate) fn bit(self) -> u16 {
        1 << (self as u16)
    }
}

/// One gazetteer entry: one surface form of one name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// What it is.
    pub kind: EntryKind,
    /// The canonical name (the first form of its line; for nisbas, the masculine singular).
    pub canonical: String,
    /// The surface form this entry matches, as written in the list (or generated from it).
    pub form: String,
    country: Option<[u8; 3]>,
}

impl Entry {
    /// The ISO 3166-1 alpha-3 code of the country the entry belongs to, names or is the
    /// capital of.
    pub fn country_code(&self) -> Option<&str> {
        self.country
            .as_ref()
            .and_then(|c| std::str::from_utf8(c).ok())
    }

    /// For a capital, the country it is the capital of.
    pub fn capital_of(&self) -> Option<&str> {
        if self.kind == EntryKind::Capital {
            self.country_code()
        } else {
            None
        }
    }

    /// The entity type the entry names by itself, if any.
    pub fn entity_kind(&self) -> Option<EntityKind> {
        self.kind.entity()
    }
}

/// A match of a gazetteer phrase over tokens `start..end`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Match<'g> {
    /// First token of the match.
    pub start: usize,
    /// One past the last token.
    pub end: usize,
    /// Letters of proclitic (و، ب، ل…) in front of the name in the first token, counted in
    /// the token's search form.
    pub proclitic: usize,
    /// The entries of the phrase (a phrase may be listed under several kinds).
    pub entries: Vec<&'g Entry>,
}

impl Match<'_> {
    /// The union of the entries' kinds as a bit mask (bit = index in [`EntryKind::ALL`]).
    pub fn kind_mask(&self) -> u16 {
        self.entries.iter().fold(0, |m, e| m | e.kind.bit())
    }

    /// The entity type the match names: ORG before LOC before PER when a phrase is listed
    /// under several (حكومة الوفاق is an organization even if a place shares a word with it).
    pub fn entity_kind(&self) -> Option<EntityKind> {
        let kinds: Vec<EntityKind> = self
            .entries
            .iter()
            .filter_map(|e| e.entity_kind())
            .collect();
        [EntityKind::Org, EntityKind::Loc, EntityKind::Per]
            .into_iter()
            .find(|k| kinds.contains(k))
    }
}

#[derive(Debug, Clone)]
struct Phrase {
    /// The normalized tokens after the first.
    rest: Box<[Box<str>]>,
    entries: Vec<u32>,
}

/// A set of gazetteer entries indexed for longest-match lookup.
#[derive(Debug, Clone, Default)]
pub struct Gazetteer {
    entries: Vec<Entry>,
    /// Normalized first token → the phrases starting with it, longest first.
    first: FxHashMap<Box<str>, Vec<Phrase>>,
}

/// The lists compiled into the binary, by file name.
pub const EMBEDDED: [(&str, &str); 6] = [
    (
        "countries.tsv",
        include_str!("../../data/gazetteer/countries.tsv"),
    ),
    (
        "places.tsv",
        include_str!("../../data/gazetteer/places.tsv"),
    ),
    (
        "organizations.tsv",
        include_str!("../../data/gazetteer/organizations.tsv"),
    ),
    ("roles.tsv", include_str!("../../data/gazetteer/roles.tsv")),
    (
        "given_names.tsv",
        include_str!("../../data/gazetteer/given_names.tsv"),
    ),
    (
        "persons_petrarch.tsv",
        include_str!("../../data/gazetteer/persons_petrarch.tsv"),
    ),
];

/// The lists the tagger's features use: all but the person list seeded from PETRARCH, which
/// lowered the dev-slice F1 when used as a feature (72.8 → 71.6) and serves lookups only.
pub const TAGGER_LISTS: [&str; 5] = [
    "countries.tsv",
    "places.tsv",
    "organizations.tsv",
    "roles.tsv",
    "given_names.tsv",
];

static TAGGER_GAZETTEER: LazyLock<Gazetteer> = LazyLock::new(|| {
    let sources: Vec<(&str, &str)> = EMBEDDED
        .iter()
        .copied()
        .filter(|(name, _)| TAGGER_LISTS.contains(name))
        .collect();
    Gazetteer::from_sources(&sources).unwrap_or_default()
});

static EMBEDDED_GAZETTEER: LazyLock<Gazetteer> = LazyLock::new(|| {
    // The embedded lists are ours and a unit test parses them; should one ever be broken
    // the gazetteer is empty rather than the program aborting.
    Gazetteer::from_sources(&EMBEDDED).unwrap_or_default()
});

/// The search form of one token, as the gazetteer and the tagger compare words.
#[inline]
pub fn search_form(token: &str, out: &mut String) {
    out.clear();
    normalize_into(token, Folds::SEARCH, out);
}

impl Gazetteer {
    /// The gazetteer compiled into the binary (parsed on first use).
    pub fn embedded() -> &'static Gazetteer {
        &EMBEDDED_GAZETTEER
    }

    /// The part of the embedded lists the NER tagger computes features with
    /// ([`TAGGER_LISTS`]).
    pub fn for_tagger() -> &'static Gazetteer {
        &TAGGER_GAZETTEER
    }

    /// Parses `(file name, text)` sources in the format of [`parse`].
    pub fn from_sources(sources: &[(&str, &str)]) -> Result<Gazetteer> {
        let mut entries = Vec::new();
        for (name, text) in sources {
            parse::parse_into(text, &mut entries).map_err(|e| e.in_source(*name))?;
        }
        Ok(Gazetteer::from_entries(entries))
    }

    /// Indexes `entries`.
    pub fn from_entries(entries: Vec<Entry>) -> Gazetteer {
        let mut by_phrase: FxHashMap<Vec<Box<str>>, Vec<u32>> = FxHashMap::default();
        let mut buf = String::new();
        for (i, e) in entries.iter().enumerate() {
            let words: Vec<Box<str>> = e
                .form
                .split_whitespace()
                .filter_map(|w| {
                    search_form(w, &mut buf);
                    (!buf.is_empty()).then(|| Box::from(buf.as_str()))
                })
                .collect();
            if words.is_empty() {
                continue;
            }
            let ids = by_phrase.entry(words).or_default();
            if !ids.contains(&(i as u32)) {
                ids.push(i as u32);
            }
        }
        let mut first: FxHashMap<Box<str>, Vec<Phrase>> = FxHashMap::default();
        for (words, ids) in by_phrase {
            let (head, rest) = words.split_first().expect("phrases are non-empty");
            first.entry(head.clone()).or_default().push(Phrase {
                rest: rest.to_vec().into_boxed_slice(),
                entries: ids,
            });
        }
        for phrases in first.values_mut() {
            // Longest first, then a fixed order so lookups never depend on hash order.
            phrases.sort_by(|a, b| b.rest.len().cmp(&a.rest.len()).then(a.rest.cmp(&b.rest)));
            for p in phrases.iter_mut() {
                p.entries.sort_unstable();
            }
        }
        Gazetteer { entries, first }
    }

    /// Every entry, in file order.
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// The entries whose form is exactly `phrase` (after tokenization, search folding and
    /// proclitic removal on the first word). Empty when nothing matches the whole phrase.
    pub fn lookup(&self, phrase: &str) -> Vec<&Entry> {
        let tokens: Vec<&str> = marsad_arabic::token::tokenize(phrase)
            .iter()
            .map(|t| t.text(phrase))
            .collect();
        let norm = normalize_tokens(&tokens);
        let norm_refs: Vec<&str> = norm.iter().map(String::as_str).collect();
        match self.match_at(&norm_refs, 0) {
            Some(m) if m.end == norm_refs.len() => m.entries,
            _ => Vec::new(),
        }
    }

    /// Leftmost-longest matches over `tokens` (raw token texts), not overlapping.
    pub fn find(&self, tokens: &[&str]) -> Vec<Match<'_>> {
        let norm = normalize_tokens(tokens);
        let refs: Vec<&str> = norm.iter().map(String::as_str).collect();
        self.find_normalized(&refs)
    }

    /// [`Gazetteer::find`] over tokens already in search form.
    pub fn find_normalized(&self, norm: &[&str]) -> Vec<Match<'_>> {
        let mut out = Vec::new();
        let mut i = 0;
        while i < norm.len() {
            if let Some(m) = self.match_at(norm, i) {
                i = m.end;
                out.push(m);
            } else {
                i += 1;
            }
        }
        out
    }

    /// The longest match starting at token `i` (tokens in search form), preferring a match
    /// without proclitic removal among equally long ones.
    pub fn match_at(&self, norm: &[&str], i: usize) -> Option<Match<'_>> {
        let token = norm.get(i)?;
        let mut best: Option<(usize, usize, &Phrase)> = None;
        for (clitic, candidate) in clitics::candidates(token) {
            let Some(phrases) = self.first.get(candidate.as_ref()) else {
                continue;
            };
            for p in phrases {
                let len = 1 + p.rest.len();
                if i + len > norm.len() {
                    continue;
                }
                if best.is_some_and(|(l, _, _)| l >= len) {
                    break;
                }
                if p.rest
                    .iter()
                    .zip(&norm[i + 1..])
                    .all(|(a, b)| a.as_ref() == *b)
                {
                    best = Some((len, clitic, p));
                    break;
                }
            }
        }
        best.map(|(len, clitic, p)| Match {
            start: i,
            end: i + len,
            proclitic: clitic,
            entries: p
                .entries
                .iter()
                .map(|&e| &self.entries[e as usize])
                .collect(),
        })
    }

    /// The union of entry kinds of the single-token forms `token` (already in search form)
    /// is listed under, with proclitics removed as in matching.
    pub fn single_token_mask(&self, token: &str) -> u16 {
        let mut mask = 0;
        for (_, candidate) in clitics::candidates(token) {
            if let Some(phrases) = self.first.get(candidate.as_ref()) {
                for p in phrases.iter().filter(|p| p.rest.is_empty()) {
                    for &e in &p.entries {
                        mask |= self.entries[e as usize].kind.bit();
                    }
                }
            }
        }
        mask
    }
}

fn normalize_tokens(tokens: &[&str]) -> Vec<String> {
    tokens
        .iter()
        .map(|t| {
            let mut s = String::new();
            search_form(t, &mut s);
            s
        })
        .collect()
}

#[cfg(test)]
mod tests;
