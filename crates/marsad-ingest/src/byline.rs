//! Bylines: `author – outlet`, with the separators, markers and datelines newsrooms use.
//!
//! Splits a byline into author, outlet and dateline place. Separators: – — - | / ، :
//! Markers such as بقلم، كتب، إعداد are dropped. A single name is an outlet when it looks
//! like one (agency names, words such as نيوز، وكالة، صحيفة) and an author otherwise.
//! A first part that is a known city (`الرياض - واس`) is a dateline, not a writer.

use marsad_arabic::normalize::{Folds, normalize_into};
use std::collections::HashSet;
use std::sync::OnceLock;

/// A byline split into its parts.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Byline {
    pub author: Option<String>,
    pub outlet: Option<String>,
    pub dateline: Option<String>,
}

const MARKERS: &[&str] = &[
    "بقلم:",
    "بقلم",
    "كتب:",
    "كتبت:",
    "كتب",
    "كتبت",
    "بواسطة:",
    "بواسطة",
    "إعداد:",
    "إعداد",
    "اعداد",
    "تقرير:",
    "ترجمة:",
    "حوار:",
    "متابعة:",
    "by",
    "By",
    "BY",
];

/// Words that mark a name as an outlet or agency.
const OUTLET_WORDS: &[&str] = &[
    "نيوز",
    "وكالة",
    "وكالات",
    "صحيفة",
    "جريدة",
    "قناة",
    "موقع",
    "بوابة",
    "تلفزيون",
    "إذاعة",
    "راديو",
    "الإخبارية",
    "الاخبارية",
    "نت",
    "أونلاين",
    "اونلاين",
    "news",
    "agency",
    "press",
    "tv",
    "online",
    "times",
];

/// Agencies and outlets often named alone in a byline.
const KNOWN_OUTLETS: &[&str] = &[
    "واس",
    "رويترز",
    "أ ف ب",
    "ا ف ب",
    "أ.ف.ب",
    "فرانس برس",
    "الأناضول",
    "الاناضول",
    "سبوتنيك",
    "د ب أ",
    "أسوشيتد برس",
    "ا ب",
    "قنا",
    "وام",
    "كونا",
    "بنا",
    "سانا",
    "وفا",
    "العمانية",
    "الأناضول",
    "بي بي سي",
    "سي إن إن",
    "الجزيرة",
    "العربية",
    "سكاي نيوز عربية",
    "إرم نيوز",
    "الوئام",
    "سبق",
    "reuters",
    "afp",
    "ap",
    "bbc",
    "cnn",
    "spa",
    "wam",
    "kuna",
];

/// Cities that open a dateline byline (`الرياض - واس`).
const PLACES: &[&str] = &[
    "الرياض",
    "جدة",
    "مكة",
    "مكة المكرمة",
    "المدينة المنورة",
    "الدمام",
    "الخبر",
    "الطائف",
    "تبوك",
    "أبها",
    "حائل",
    "بريدة",
    "القصيم",
    "جازان",
    "نجران",
    "الأحساء",
    "الاحساء",
    "ينبع",
    "الجبيل",
    "القطيف",
    "عرعر",
    "سكاكا",
    "الباحة",
    "خميس مشيط",
    "المنطقة الشرقية",
    "القاهرة",
    "الإسكندرية",
    "دبي",
    "أبوظبي",
    "الدوحة",
    "الكويت",
    "المنامة",
    "مسقط",
    "عمان",
    "بيروت",
    "دمشق",
    "بغداد",
    "طرابلس",
    "بنغازي",
    "تونس",
    "الجزائر",
    "الرباط",
    "الدار البيضاء",
    "نواكشوط",
    "الخرطوم",
    "صنعاء",
    "عدن",
    "القدس",
    "غزة",
    "رام الله",
    "لندن",
    "باريس",
    "واشنطن",
    "نيويورك",
    "موسكو",
    "بكين",
    "جنيف",
    "أنقرة",
    "إسطنبول",
    "اسطنبول",
    "طهران",
    "برلين",
    "روما",
    "بروكسل",
    "فيينا",
    "طوكيو",
    "نيودلهي",
    "إسلام آباد",
];

fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    normalize_into(s, Folds::SEARCH, &mut out);
    out
}

fn folded_set(words: &[&str]) -> HashSet<String> {
    words.iter().map(|w| fold(w)).collect()
}

fn places() -> &'static HashSet<String> {
    static S: OnceLock<HashSet<String>> = OnceLock::new();
    S.get_or_init(|| folded_set(PLACES))
}

fn known_outlets() -> &'static HashSet<String> {
    static S: OnceLock<HashSet<String>> = OnceLock::new();
    S.get_or_init(|| folded_set(KNOWN_OUTLETS))
}

fn outlet_words() -> &'static HashSet<String> {
    static S: OnceLock<HashSet<String>> = OnceLock::new();
    S.get_or_init(|| folded_set(OUTLET_WORDS))
}

fn is_place(s: &str) -> bool {
    places().contains(&fold(s))
}

/// True when `name` looks like an outlet rather than a person.
pub fn looks_like_outlet(name: &str) -> bool {
    if known_outlets().contains(&fold(name)) {
        return true;
    }
    name.split_whitespace()
        .any(|w| outlet_words().contains(&fold(w)))
        || name.contains('.') && name.is_ascii()
}

fn clean(part: &str) -> Option<String> {
    let mut p = part.trim().trim_matches(|c: char| {
        matches!(c, ':' | '،' | ',' | '-' | '–' | '—' | '|' | '/' | '(' | ')') || c.is_whitespace()
    });
    for m in MARKERS {
        if let Some(rest) = p.strip_prefix(m) {
            p = rest.trim_start_matches([':', ' ']);
            break;
        }
    }
    let p = p.trim();
    (!p.is_empty()).then(|| p.split_whitespace().collect::<Vec<_>>().join(" "))
}

/// Splits a byline into its parts. `None` fields when absent.
pub fn parse(byline: &str) -> Byline {
    let line = byline.trim();
    // Long separators first; a bare '-' only between spaces, so hyphenated names survive.
    let seps = [
        " – ", " — ", "–", "—", " - ", " | ", "|", " / ", " ، ", " ـ ",
    ];
    let mut parts: Vec<&str> = vec![line];
    for sep in seps {
        if line.contains(sep) {
            parts = line.split(sep).collect();
            break;
        }
    }
    if parts.len() == 1 {
        for sep in ["/", " -", "- "] {
            if line.contains(sep) {
                parts = line.split(sep).collect();
                break;
            }
        }
    }
    let cleaned: Vec<Option<String>> = parts.iter().map(|p| clean(p)).collect();
    let mut out = Byline::default();
    match cleaned.as_slice() {
        [one] => {
            if let Some(one) = one {
                if looks_like_outlet(one) {
                    out.outlet = Some(one.clone());
                } else {
                    out.author = Some(one.clone());
                }
            }
        }
        [first, rest @ ..] => {
            let last = rest.iter().rev().flatten().next().cloned();
            match (first, last) {
                (Some(a), Some(o)) => {
                    if is_place(a) {
                        out.dateline = Some(a.clone());
                    } else if looks_like_outlet(a) && !looks_like_outlet(&o) {
                        // "وكالات – محمد علي": outlet first.
                        out.outlet = Some(a.clone());
                        out.author = Some(o);
                        return out;
                    } else {
                        out.author = Some(a.clone());
                    }
                    // Three parts: "author - place - outlet" or "place - author - outlet".
                    if rest.len() >= 2
                        && let Some(mid) = rest[0].clone()
                    {
                        if is_place(&mid) {
                            out.dateline = Some(mid);
                        } else if out.author.is_none() {
                            out.author = Some(mid);
                        }
                    }
                    out.outlet = Some(o);
                }
                (Some(a), None) => {
                    if looks_like_outlet(a) {
                        out.outlet = Some(a.clone());
                    } else {
                        out.author = Some(a.clone());
                    }
                }
                (None, Some(o)) => {
                    if looks_like_outlet(&o) || rest.len() == 1 {
                        out.outlet = Some(o);
                    } else {
                        out.author = Some(o);
                    }
                }
                (None, None) => {}
            }
        }
        [] => {}
    }
    out
}

/// True when `line` is plausibly a byline: short, and either split by a byline separator,
/// opened by a marker such as بقلم, or naming a known outlet.
pub fn looks_like_byline(line: &str) -> bool {
    let words = line.split_whitespace().count();
    if words == 0 || words > 12 || line.chars().count() > 100 {
        return false;
    }
    let t = line.trim();
    if MARKERS.iter().any(|m| t.starts_with(m)) {
        return true;
    }
    if ["–", "—", " - ", "|", " / ", "/", " ـ "]
        .iter()
        .any(|s| t.contains(s))
    {
        return true;
    }
    t.starts_with(['-', '–', '—']) || t.ends_with(['-', '–', '—', ':']) || looks_like_outlet(t)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn b(a: Option<&str>, o: Option<&str>, d: Option<&str>) -> Byline {
        Byline {
            author: a.map(Into::into),
            outlet: o.map(Into::into),
            dateline: d.map(Into::into),
        }
    }

    #[test]
    fn every_separator_and_shape() {
        let both = b(Some("عبدالعزيز الروَّاف"), Some("إرم نيوز"), None);
        for s in [
            "عبدالعزيز الروَّاف – إرم نيوز",
            "عبدالعزيز الروَّاف - إرم نيوز",
            "عبدالعزيز الروَّاف | إرم نيوز",
            "عبدالعزيز الروَّاف / إرم نيوز",
            "عبدالعزيز الروَّاف—إرم نيوز",
        ] {
            assert_eq!(parse(s), both, "{s}");
        }
        assert_eq!(
            parse("عبدالعزيز الروَّاف"),
            b(Some("عبدالعزيز الروَّاف"), None, None)
        );
        assert_eq!(
            parse("عبدالعزيز الروَّاف –"),
            b(Some("عبدالعزيز الروَّاف"), None, None)
        );
        assert_eq!(parse("– إرم نيوز"), b(None, Some("إرم نيوز"), None));
        assert_eq!(parse("إرم نيوز"), b(None, Some("إرم نيوز"), None));
        assert_eq!(
            parse("بقلم: سلمى الخطيب"),
            b(Some("سلمى الخطيب"), None, None)
        );
        assert_eq!(
            parse("الرياض - الوئام :"),
            b(None, Some("الوئام"), Some("الرياض"))
        );
        assert_eq!(parse("الرياض - واس"), b(None, Some("واس"), Some("الرياض")));
        assert_eq!(
            parse("محمد علي - القاهرة - سكاي نيوز عربية"),
            b(Some("محمد علي"), Some("سكاي نيوز عربية"), Some("القاهرة"))
        );
    }

    #[test]
    fn byline_lines_versus_tag_lines() {
        assert!(looks_like_byline("عبدالعزيز الروَّاف – إرم نيوز"));
        assert!(looks_like_byline("بقلم سلمى الخطيب"));
        assert!(looks_like_byline("– إرم نيوز"));
        assert!(!looks_like_byline("حفتر حفتر"));
        assert!(!looks_like_byline(&"كلمة ".repeat(20)));
    }
}
