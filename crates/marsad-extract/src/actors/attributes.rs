//! Actor attributes: the type an organization's name says it is, the country a name or a
//! role implies, and the gazetteer identity of a listed name.
//!
//! Types come from the head of the name (`حكومة`/`وزارة` → government, `الجيش`/`القوات` →
//! military, `كتائب`/`ميليشيا` → armed group, `حزب` → party, `شركة` → company,
//! `صحيفة`/`قناة`/`وكالة` → media), from international names (`الأمم المتحدة`,
//! `الاتحاد الأوروبي` → IGO) and, for listed organizations without a head (`رويترز`), from the
//! heads of the other forms on their gazetteer line (`وكالة رويترز`).

use super::normalize_name;
use crate::gazetteer::{EntryKind, Gazetteer};
use marsad_core::ActorType;
use rustc_hash::FxHashMap;
use std::sync::LazyLock;

/// Listed organizations that are non-state armed groups (canonical names).
const ARMED_GROUPS: [&str; 13] = [
    "حماس",
    "حزب الله",
    "الحوثيين",
    "داعش",
    "تنظيم القاعدة",
    "جبهة النصرة",
    "طالبان",
    "بوكو حرام",
    "حركة الشباب",
    "قوات سوريا الديمقراطية",
    "الجيش السوري الحر",
    "حزب العمال الكردستاني",
    "الحشد الشعبي",
];

/// Listed international bodies that are not intergovernmental.
const NGOS: [&str; 5] = [
    "الصليب الأحمر",
    "الهلال الأحمر",
    "منظمة العفو الدولية",
    "هيومن رايتس ووتش",
    "أطباء بلا حدود",
];

/// Phrases that make a name intergovernmental wherever they occur in it.
const IGO_PHRASES: [&str; 8] = [
    "الأمم المتحدة",
    "الاتحاد الأوروبي",
    "الاتحاد الأوربي",
    "الاتحاد الأفريقي",
    "الجامعة العربية",
    "جامعة الدول العربية",
    "مجلس الأمن",
    "حلف شمال الأطلسي",
];

/// Head words (first word of the name) and the type they give.
const HEADS: [(&str, ActorType); 44] = [
    ("حكومة", ActorType::Government),
    ("الحكومة", ActorType::Government),
    ("وزارة", ActorType::Government),
    ("الوزارة", ActorType::Government),
    ("رئاسة", ActorType::Government),
    ("الرئاسة", ActorType::Government),
    ("برلمان", ActorType::Government),
    ("البرلمان", ActorType::Government),
    ("سفارة", ActorType::Government),
    ("السفارة", ActorType::Government),
    ("الخارجية", ActorType::Government),
    ("الداخلية", ActorType::Government),
    ("الجيش", ActorType::Military),
    ("جيش", ActorType::Military),
    ("القوات", ActorType::Military),
    ("قوات", ActorType::Military),
    ("البحرية", ActorType::Military),
    ("الحرس", ActorType::Military),
    ("سلاح", ActorType::Military),
    ("الأركان", ActorType::Military),
    ("كتائب", ActorType::ArmedGroup),
    ("كتيبة", ActorType::ArmedGroup),
    ("ميليشيا", ActorType::ArmedGroup),
    ("ميليشيات", ActorType::ArmedGroup),
    ("مليشيا", ActorType::ArmedGroup),
    ("مليشيات", ActorType::ArmedGroup),
    ("فصائل", ActorType::ArmedGroup),
    ("تنظيم", ActorType::ArmedGroup),
    ("حزب", ActorType::Party),
    ("الحزب", ActorType::Party),
    ("حركة", ActorType::Party),
    ("تيار", ActorType::Party),
    ("شركة", ActorType::Company),
    ("الشركة", ActorType::Company),
    ("مصرف", ActorType::Company),
    ("بنك", ActorType::Company),
    ("صحيفة", ActorType::Media),
    ("جريدة", ActorType::Media),
    ("مجلة", ActorType::Media),
    ("قناة", ActorType::Media),
    ("إذاعة", ActorType::Media),
    ("وكالة", ActorType::Media),
    ("شبكة", ActorType::Media),
    ("تلفزيون", ActorType::Media),
];

/// Second words that override a head: `وكالة المخابرات` is an intelligence service, not media.
const HEAD_OVERRIDES: [(&str, &str, ActorType); 4] = [
    ("وكالة", "المخابرات", ActorType::Government),
    ("وكالة", "الاستخبارات", ActorType::Government),
    ("مجلس", "النواب", ActorType::Government),
    ("مجلس", "الوزراء", ActorType::Government),
];

/// The tables above in search form (they are written as people spell them).
struct Tables {
    armed: Vec<String>,
    ngos: Vec<String>,
    igo: Vec<String>,
    heads: FxHashMap<String, ActorType>,
    overrides: Vec<(String, String, ActorType)>,
}

static TABLES: LazyLock<Tables> = LazyLock::new(|| {
    let all = |list: &[&str]| list.iter().map(|s| normalize_name(s)).collect();
    Tables {
        armed: all(&ARMED_GROUPS),
        ngos: all(&NGOS),
        igo: all(&IGO_PHRASES),
        heads: HEADS.iter().map(|&(h, t)| (normalize_name(h), t)).collect(),
        overrides: HEAD_OVERRIDES
            .iter()
            .map(|&(h, s, t)| (normalize_name(h), normalize_name(s), t))
            .collect(),
    }
});

/// Every form (search form) of one listed organization's line, and its country.
type OrgLine = (Vec<String>, Option<String>);

/// Gazetteer canonical name (search form) → every form on its line, for listed orgs.
static ORG_FORMS: LazyLock<FxHashMap<String, OrgLine>> = LazyLock::new(|| {
    let mut map: FxHashMap<String, OrgLine> = FxHashMap::default();
    for e in Gazetteer::embedded().entries() {
        if e.kind == EntryKind::Org {
            let slot = map
                .entry(normalize_name(&e.canonical))
                .or_insert_with(|| (Vec::new(), e.country_code().map(str::to_string)));
            slot.0.push(normalize_name(&e.form));
        }
    }
    map
});

/// Country code → the canonical name of the country.
static COUNTRY_NAMES: LazyLock<FxHashMap<String, String>> = LazyLock::new(|| {
    let mut map = FxHashMap::default();
    for e in Gazetteer::embedded().entries() {
        if e.kind == EntryKind::Country
            && let Some(c) = e.country_code()
        {
            map.entry(c.to_string())
                .or_insert_with(|| e.canonical.clone());
        }
    }
    map
});

/// The canonical name of the country with ISO-3 `code`, if the gazetteer lists it.
pub fn country_name(code: &str) -> Option<&'static str> {
    COUNTRY_NAMES.get(code).map(String::as_str)
}

/// The type of an organization named `name` (any spelling; search folds are applied).
pub fn org_type(name: &str) -> ActorType {
    let norm = normalize_name(name);
    let t = &*TABLES;
    if t.armed.contains(&norm) {
        return ActorType::ArmedGroup;
    }
    if t.ngos.iter().any(|n| norm.contains(n.as_str())) {
        return ActorType::Other;
    }
    if t.igo.iter().any(|p| norm.contains(p.as_str())) {
        return ActorType::Igo;
    }
    if let Some(t) = head_type(&norm) {
        return t;
    }
    // A listed organization: the heads of the other forms of its line, then its country.
    if let Some((forms, country)) = ORG_FORMS.get(&norm) {
        if let Some(t) = forms.iter().find_map(|f| head_type(f)) {
            return t;
        }
        if country.is_none() {
            // International bodies listed without a head (أوبك، اليونسكو) are IGOs.
            return ActorType::Igo;
        }
    }
    ActorType::Other
}

fn head_type(norm: &str) -> Option<ActorType> {
    let mut words = norm.split(' ');
    let first = words.next()?;
    let second = words.next().unwrap_or("");
    let t = &*TABLES;
    if let Some(&(_, _, kind)) = t
        .overrides
        .iter()
        .find(|(h, s, _)| h == first && s == second)
    {
        return Some(kind);
    }
    t.heads.get(first).copied()
}

/// The gazetteer's canonical name and country for a listed organization named `name`.
pub fn listed_org(name: &str) -> Option<(String, Option<String>)> {
    Gazetteer::embedded()
        .lookup(name)
        .into_iter()
        .find(|e| e.kind == EntryKind::Org)
        .map(|e| (e.canonical.clone(), e.country_code().map(str::to_string)))
}

/// The country a phrase implies: the first country, capital or nisba listed in it
/// (`الجيش الليبي` → LBY, `المتحدث باسم القوات الليبية` → LBY).
pub fn country_in(phrase: &str) -> Option<String> {
    let tokens: Vec<&str> = phrase.split_whitespace().collect();
    Gazetteer::embedded()
        .find(&tokens)
        .into_iter()
        .find_map(|m| {
            m.entries
                .iter()
                .find(|e| {
                    matches!(
                        e.kind,
                        EntryKind::Country | EntryKind::Capital | EntryKind::Nisba
                    )
                })
                .and_then(|e| e.country_code().map(str::to_string))
        })
}

/// The country of a person the gazetteer lists under `name`.
pub fn listed_person_country(name: &str) -> Option<String> {
    Gazetteer::embedded()
        .lookup(name)
        .into_iter()
        .find(|e| e.kind == EntryKind::Person)
        .and_then(|e| e.country_code().map(str::to_string))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn org_types_by_head_and_list() {
        let table: [(&str, ActorType); 17] = [
            ("حكومة الوفاق", ActorType::Government),
            ("وزارة الخارجية الروسية", ActorType::Government),
            ("الجيش الليبي", ActorType::Military),
            ("القوات المسلحة", ActorType::Military),
            ("كتائب الفجر", ActorType::ArmedGroup),
            ("حزب النهضة المدنية", ActorType::Party),
            ("الأمم المتحدة", ActorType::Igo),
            ("بعثة الأمم المتحدة في الساحل", ActorType::Igo),
            ("الاتحاد الأوربي", ActorType::Igo),
            ("أوبك", ActorType::Igo),
            ("شركة النجمة للخدمات البترولية", ActorType::Company),
            ("صحيفة الساحل اليوم", ActorType::Media),
            ("وكالة أنباء الوادي", ActorType::Media),
            ("رويترز", ActorType::Media),
            ("وكالة المخابرات المركزية", ActorType::Government),
            ("حزب اللة", ActorType::ArmedGroup),
            ("مجلس العلاقات الدولية الأوروبي", ActorType::Other),
        ];
        for (name, want) in table {
            assert_eq!(org_type(name), want, "{name}");
        }
    }

    #[test]
    fn countries_from_names_and_roles() {
        let table: [(&str, Option<&str>); 5] = [
            ("الجيش الليبي", Some("LBY")),
            ("المتحدث باسم القوات الليبية", Some("LBY")),
            ("وزارة الخارجية الروسية", Some("RUS")),
            ("السفارة في موسكو", Some("RUS")),
            ("مجلس العلاقات الدولية", None),
        ];
        for (phrase, want) in table {
            assert_eq!(country_in(phrase).as_deref(), want, "{phrase}");
        }
        assert_eq!(country_name("RUS"), Some("روسيا"));
        assert_eq!(
            listed_org("حكومة الوفاق الوطني"),
            Some(("حكومة الوفاق".to_string(), Some("LBY".to_string())))
        );
    }
}
