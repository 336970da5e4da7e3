//! Extraction for marsad: named entities and the gazetteers behind them.
//!
//! * [`ner`]: a named-entity recognizer for Arabic news (PER / ORG / LOC / MISC), an averaged
//!   structured perceptron over rich lexical, cluster and gazetteer features, trained on
//!   ANERcorp by `marsad train ner` and embedded in the binary.
//! * [`actors`]: actor resolution: within-article coreference, metonymy, attributes and a
//!   corpus registry of stable actor ids.
//! * [`events`]: PLOVER events with participants, place, date, certainty and attribution,
//!   from a trigger lexicon of Arabic verbs, verbal nouns and phrases.
//! * [`gazetteer`]: marsad's own reviewed lists of countries, capitals, nisba adjectives,
//!   cities, organizations, titles and trigger words, with longest-match lookup over tokens.
//!
//! Analysis never fails: [`NerModel::recognize`] takes any `&str` and returns entities whose
//! `start..end` are char offsets into that `&str`.
//!
//! ```
//! use marsad_extract::{EntityKind, NerModel};
//!
//! let text = "وقال الرئيس الروسي فلاديمير بوتين في موسكو إن روسيا تدعم الحل السياسي.";
//! let entities = NerModel::embedded().recognize(text);
//! let moscow = entities.iter().find(|e| e.text == "موسكو").expect("Moscow is found");
//! assert_eq!(moscow.kind, EntityKind::Loc);
//! let chars: Vec<char> = text.chars().collect();
//! assert_eq!(chars[moscow.start..moscow.end].iter().collect::<String>(), "موسكو");
//!
//! use marsad_extract::gazetteer::{Gazetteer, EntryKind};
//! let hits = Gazetteer::embedded().lookup("الروسية");
//! assert!(hits.iter().any(|e| e.kind == EntryKind::Nisba && e.country_code() == Some("RUS")));
//! ```

pub mod actors;
pub mod claims;
pub mod entity;
pub mod error;
pub mod events;
pub mod gazetteer;
pub mod ner;
mod parallel;
pub mod pipeline;
pub mod quotes;
mod rng;

pub use entity::{Entity, EntityKind};
pub use error::{Error, ErrorKind};
pub use gazetteer::Gazetteer;
pub use ner::{NerModel, Tag};
