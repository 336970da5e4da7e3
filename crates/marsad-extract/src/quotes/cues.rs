//! The attribution cue lexicon: speech verbs in every person and tense, their circumstantial
//! participles (`مشيرا`, `مؤكدة`), verbal nouns (`بقوله`) and source phrases (`بحسب`).

use crate::claims::words::fold;
use rustc_hash::FxHashMap;
use std::sync::OnceLock;

/// What kind of cue a word is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CueKind {
    /// A finite speech verb: `قال`, `وأكدت`, `يقولون`, `أؤكد`.
    Verb,
    /// A circumstantial participle whose subject is the current speaker: `مشيرا`, `مضيفة`.
    Participle,
    /// A verbal noun introducing speech by the current or named speaker: `بقوله`, `قائلا`.
    SpeechNoun,
    /// A source phrase: `بحسب`, `حسب`, `وفقا`, `نقلا`.
    Source,
}

/// One cue lexicon entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CueEntry {
    /// The lemma (past 3ms), as written in the table.
    pub lemma: &'static str,
    /// Verb, participle, noun or source.
    pub kind: CueKind,
    /// True for denial verbs (`نفى`).
    pub denial: bool,
    /// True for verbs that report an allegation (`زعم`, `ادعى`).
    pub allegation: bool,
    /// True for forms that are also frequent non-speech words (`بين` "between", `تابع`
    /// "follow", `ذكر`): they need a clausal complement (أن، colon, quotation mark).
    pub weak: bool,
}

/// (lemma, past stem, imperfect stem, participle stem, weak).
const VERBS: &[(&str, &str, &str, &str, bool)] = &[
    ("قال", "قال", "قول", "قائل", false),
    ("أكد", "أكد", "ؤكد", "مؤكد", false),
    ("أضاف", "أضاف", "ضيف", "مضيف", false),
    ("أوضح", "أوضح", "وضح", "موضح", false),
    ("أشار", "أشار", "شير", "مشير", false),
    ("صرح", "صرح", "صرح", "مصرح", false),
    ("أعلن", "أعلن", "علن", "معلن", false),
    ("نفى", "نفى", "نفي", "ناف", false),
    ("حذر", "حذر", "حذر", "محذر", false),
    ("اعتبر", "اعتبر", "عتبر", "معتبر", false),
    ("شدد", "شدد", "شدد", "مشدد", false),
    ("لفت", "لفت", "لفت", "لافت", false),
    ("رأى", "رأى", "رى", "", false),
    ("كشف", "كشف", "كشف", "كاشف", false),
    ("ذكر", "ذكر", "ذكر", "", true),
    ("أفاد", "أفاد", "فيد", "مفيد", false),
    ("نقل", "نقل", "نقل", "ناقل", true),
    ("بين", "بين", "بين", "مبين", true),
    ("أبان", "أبان", "بين", "", false),
    ("تابع", "تابع", "تابع", "", true),
    ("استدرك", "استدرك", "ستدرك", "مستدرك", false),
    ("أردف", "أردف", "ردف", "مردف", false),
    ("نوه", "نوه", "نوه", "منوه", false),
    ("استطرد", "استطرد", "ستطرد", "مستطرد", false),
    ("اعترف", "اعترف", "عترف", "معترف", false),
    ("أقر", "أقر", "قر", "", true),
    ("زعم", "زعم", "زعم", "زاعم", false),
    ("ادعى", "ادعى", "دعي", "مدعي", false),
    ("أجاب", "أجاب", "جيب", "مجيب", true),
    ("أورد", "أورد", "ورد", "", true),
    ("شرح", "شرح", "شرح", "شارح", true),
    ("أفصح", "أفصح", "فصح", "مفصح", false),
    ("تحدث", "تحدث", "تحدث", "", true),
    ("أبلغ", "أبلغ", "بلغ", "", true),
];

const PAST_SUFFIXES: &[&str] = &["", "ت", "وا", "ا", "تا", "ن", "نا", "تم"];
const IMPERFECT_PREFIXES: &[&str] = &["ي", "ت", "ن", "أ"];
const IMPERFECT_SUFFIXES: &[&str] = &["", "ون", "ان", "ين", "ن"];
const PARTICIPLE_SUFFIXES: &[&str] = &["ا", "ة", "ين", "ون", "تين", "ان"];

/// Verbal nouns that introduce speech.
const SPEECH_NOUNS: &[&str] = &[
    "بقوله",
    "بقولها",
    "بالقول",
    "قوله",
    "قولها",
    "قائلا",
    "قائلة",
    "قائلين",
    "مجيبا",
    "التأكيد",
    "ادعاءه",
    "ادعاءها",
    "بمقولة",
];

/// Source phrases.
const SOURCES: &[&str] = &["بحسب", "حسب", "حسبما", "وفقا", "وفق", "نقلا", "طبقا", "وفقاً"];

/// The folded-form table, built once.
pub fn table() -> &'static FxHashMap<String, CueEntry> {
    static TABLE: OnceLock<FxHashMap<String, CueEntry>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut t = FxHashMap::default();
        let mut put = |form: String, e: CueEntry| {
            t.entry(form).or_insert(e);
        };
        for &(lemma, past, imperfect, participle, weak) in VERBS {
            let denial = lemma == "نفى";
            let allegation = matches!(lemma, "زعم" | "ادعى");
            let verb = CueEntry {
                lemma,
                kind: CueKind::Verb,
                denial,
                allegation,
                weak,
            };
            // Defective past stems (نفى، رأى، ادعى) drop their final ى before suffixes.
            let past_base = past.strip_suffix('ى').unwrap_or(past);
            for s in PAST_SUFFIXES {
                let form = if s.is_empty() {
                    past.to_string()
                } else {
                    format!("{past_base}{s}")
                };
                put(fold(&form), verb);
            }
            if past != past_base {
                put(fold(&format!("{past_base}وا")), verb);
                put(fold(&format!("{past_base}ت")), verb);
            }
            for p in IMPERFECT_PREFIXES {
                for s in IMPERFECT_SUFFIXES {
                    put(fold(&format!("{p}{imperfect}{s}")), verb);
                }
            }
            if !participle.is_empty() {
                let part = CueEntry {
                    kind: CueKind::Participle,
                    ..verb
                };
                for s in PARTICIPLE_SUFFIXES {
                    put(fold(&format!("{participle}{s}")), part);
                }
                if participle.ends_with('ف') {
                    put(fold(&format!("{participle}يا")), part);
                    put(fold(&format!("{participle}ية")), part);
                }
            }
        }
        // نفى's participle is نافيا/نافية.
        for f in ["نافيا", "نافية"] {
            put(
                fold(f),
                CueEntry {
                    lemma: "نفى",
                    kind: CueKind::Participle,
                    denial: true,
                    allegation: false,
                    weak: false,
                },
            );
        }
        for n in SPEECH_NOUNS {
            put(
                fold(n),
                CueEntry {
                    lemma: "قال",
                    kind: CueKind::SpeechNoun,
                    denial: false,
                    allegation: n.contains("ادعاء"),
                    weak: false,
                },
            );
        }
        for s in SOURCES {
            put(
                fold(s),
                CueEntry {
                    lemma: "بحسب",
                    kind: CueKind::Source,
                    denial: false,
                    allegation: false,
                    weak: false,
                },
            );
        }
        t
    })
}

/// True when a folded, conjunction-free key is only a first-person singular imperfect of a
/// speech verb (`أقول`, `أؤكد`): outside a quotation that is the author's own voice
/// (`أقول لكم`), not an attributed statement.
pub fn is_first_person_singular(key: &str) -> bool {
    static SET: OnceLock<Vec<String>> = OnceLock::new();
    SET.get_or_init(|| {
        let past: Vec<String> = VERBS
            .iter()
            .flat_map(|&(_, past, ..)| {
                let base = past.strip_suffix('ى').unwrap_or(past);
                PAST_SUFFIXES.iter().map(move |s| {
                    fold(&if s.is_empty() {
                        past.to_string()
                    } else {
                        format!("{base}{s}")
                    })
                })
            })
            .collect();
        let mut v: Vec<String> = VERBS
            .iter()
            .map(|&(_, _, imperfect, ..)| fold(&format!("أ{imperfect}")))
            .filter(|f| !past.contains(f))
            .collect();
        v.sort();
        v.dedup();
        v
    })
    .binary_search_by(|f| f.as_str().cmp(key))
    .is_ok()
}

/// The cue entry for a token, given its folded key and its conjunction-free key.
pub fn lookup(key: &str, bare: &str) -> Option<CueEntry> {
    let t = table();
    t.get(key).or_else(|| t.get(bare)).copied()
}
