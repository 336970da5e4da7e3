//! Whether the head word of a participant phrase can name a participant at all.
//!
//! A source or target that names no entity, title, body, group or victim is kept when its
//! head could still be someone (`والده`, `مجرم`, `الأخوة اليمنيين`), and dropped when the
//! head is a thing no reader takes for a party: a verbal noun (`إعادة`, `تسهيل`,
//! `الاتفاق`), a document or abstract noun (`جدول زمني`, `الخطوة`, `القرار`), an ordinal
//! (`أول`), a time word (`مهلة`, `الشهر`) or a function word (`إليها`, `ليس`).
//!
//! Verbal nouns are recognised by the masdar patterns of the derived verb forms, which
//! ordinary nouns rarely share: إفعال (`إسكات`, `إعادة`), افتعال (`اجتماع`, `اتفاق`),
//! انفعال (`انسحاب`), استفعال (`استقبال`, `استقالة`), تفعيل (`تسجيل`, `تهدئة`) and تفاعل
//! (`تناوب`). Without the article a shape is only weak evidence, since many names share it
//! ([`Head::Shaped`]). Where a pattern is shared with people (the أفعال broken plural:
//! `أطفال`, `أعضاء`; `تلميذ`), the human word is listed as an agent first. Form III's
//! مفاعلة is left out: its feminine participle is a person (`مواطنة`, `مقاتلة`, `مساعدة`).
//! Form I verbal nouns have no pattern of their own and are listed (`زيارة`, `دعم`).
//!
//! Keys are folded as token keys are (أ/إ/آ → ا, ة → ه, ى → ي, ئ → ي).

use crate::claims::words::fold;
use rustc_hash::FxHashSet;
use std::sync::OnceLock;

/// What a participant phrase's head word can be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Head {
    /// A person, a kin, a profession, a collective or an institution.
    Agent,
    /// A verbal noun, a document or abstract noun, an ordinal, a time or function word.
    NotAgent,
    /// Shaped like a derived verbal noun but without the article, which many names share
    /// (`أوباما`, `توفيق`, `إيمان`): no one only in construct with another non-agent or a
    /// definite noun (`إعادة تأهيل`, `إسكات البنادق`); see [`weak_is_agent`].
    Shaped,
    /// Anything else: a proper noun the recogniser missed, a rare word.
    Unknown,
}

fn set(words: &[&str]) -> FxHashSet<String> {
    words.iter().map(|w| fold(w)).collect()
}

/// People whose word shares a verbal-noun pattern, kin, and common human nouns that the
/// actor vocabulary does not hold (it lists groups and titles, not individuals).
#[rustfmt::skip]
const AGENTS: &[&str] = &[
    // أفعال broken plurals of people (the shape of the إفعال verbal noun).
    "أطفال", "أشخاص", "أبناء", "أعضاء", "أطباء", "أشقاء", "أنصار", "أقباط", "أكراد", "أتراك",
    "أعراب", "أحفاد", "أعيان", "أشراف", "أسياد", "أولاد", "أزواج", "أخوال", "أعمام", "أجداد",
    "أحرار", "أعداء", "أفراد", "أتباع", "أبطال", "أعوان", "أقطاب", "أشرار", "إخوان", "أخوان",
    "أحزاب", "أرباب", "أصحاب", "أمراء", "أشبال", "أجناد", "أئمة", "أساتذة", "تلميذ", "تلاميذ",
    "إدارة", "إمارة",
    // Kin.
    "أب", "أبو", "أبي", "والد", "والدة", "والدي", "والدا", "أم", "أخ", "أخو", "أخي", "أخت",
    "إخوة", "أخوة", "شقيق", "شقيقة", "ابن", "ابنة", "بنت", "بنات", "زوج", "زوجة", "جد", "جدة",
    "عم", "عمة", "خال", "خالة", "حفيد", "أسرة", "عائلة", "قريب", "أقارب", "ذوو", "آل", "نظير",
    "نظيره", "نظيرها",
    // Individuals by role or deed (agent nouns the group list does not hold).
    "مجرم", "قاتل", "جان", "جاني", "متهم", "مشتبه", "لص", "سارق", "خاطف", "مهاجم", "منفذ",
    "فاعل", "رجل", "امرأة", "فتاة", "فتى", "شاب", "طفل", "طفلة", "مواطن", "مواطنة", "مقيم",
    "وافد", "زائر", "زوار", "ضيف", "ضيوف", "سائح", "حاج", "حجاج", "معتمر", "طالب", "طالبة",
    "معلم", "معلمة", "طبيب", "طبيبة", "مهندس", "محام", "محامي", "قاض", "قاضي", "قضاة", "شيخ",
    "إمام", "داعية", "علماء", "مفتي", "كاتب", "صحفي", "إعلامي", "مراسل", "مذيع",
    "ناشط", "ناشطة", "مغرد", "مدون", "فنان", "فنانة", "مطرب", "ممثلة", "لاعب", "مدرب", "تاجر",
    "مستثمر", "رجال", "موظف", "موظفة", "عامل", "عاملة", "خادمة", "سائق", "مزارع", "جار",
    "جيران", "صديق", "أصدقاء", "زميل", "زملاء", "مالك", "ملاك", "مستأجر", "مريض", "مرضى",
    "مصاب", "مصابين", "ضحية", "قتيل", "أسير", "أسرى", "سجين", "سجناء", "معتقل", "لاجئ", "نازح",
    "نازحين", "مهاجر", "مسافر", "مسافرة", "مبتعث", "مبتعثين", "خريج", "خريجين", "متقدم",
    "متقدمين", "مرشح", "مرشحين", "ناخب", "ناخبين", "قارئ", "قراء", "مستخدم", "مستخدمين",
    "مشترك", "عميل", "عملاء", "مراجع", "مراجعين", "مستفيد", "مستفيدين", "جمهور", "الجمهور",
    "جماهير", "حشد", "الناس", "ناس", "بشر", "إنسان", "أحد", "كلاهما", "الجميع", "جميع",
];

fn agents() -> &'static FxHashSet<String> {
    static S: OnceLock<FxHashSet<String>> = OnceLock::new();
    S.get_or_init(|| set(AGENTS))
}

/// Nouns that never name a party: Form I verbal nouns and abstract nouns of the news,
/// documents and agreements, ordinals, time words, and function words that head no phrase.
#[rustfmt::skip]
const NOT_AGENTS: &[&str] = &[
    // Documents, agreements, decisions.
    "اتفاقية", "قرار", "قرارات", "مقترح", "مقترحات", "خطة", "خطط", "مشروع", "مشاريع", "برنامج",
    "بيان", "تقرير", "وثيقة", "مذكرة", "رسالة", "خطاب", "ملف", "قانون", "لائحة",
    "دستور", "ميثاق", "معاهدة", "صفقة", "عقد", "هدنة", "مبادرة", "جدول", "أجندة", "بند",
    "بنود", "نص", "مسودة", "عريضة", "شكوى", "طلب", "طلبات", "دعوة", "توصية", "توصيات",
    "شروط", "شرط",
    // Abstract nouns and Form I verbal nouns of the news.
    "خطوة", "خطوات", "حوار", "حل", "حلول", "مهمة", "مهام", "قضية", "قضايا", "مسألة", "موضوع",
    "فكرة", "عملية", "عمليات", "زيارة", "زيارات", "دعم", "قتل", "هجوم", "هجمات", "حرب", "سلام",
    "استقرار", "سيادة", "حقوق", "حق", "مصالح", "مصلحة", "علاقات", "علاقة",
    "جهود", "جهد", "دور", "موقف", "مواقف", "رأي", "شفقة", "وقوف", "وصول", "عودة", "خروج",
    "دخول", "سقوط", "فشل", "نجاح", "رفض", "قبول", "طرد", "حصار", "قصف", "ضرب", "منع", "حظر",
    "وقف", "فتح", "غلق", "إغلاق", "بحث", "نقاش", "حديث", "كلام", "قول", "وعد", "عهد", "تهديد",
    "ضغط", "ضغوط", "سحب", "نشر", "بناء", "تطور", "تطورات", "وضع", "أوضاع", "ظروف", "أزمة",
    "أزمات", "مشكلة", "مشاكل", "خلاف", "خلافات", "نزاع", "صراع", "أحداث", "حادث", "حادثة",
    "واقعة", "جريمة", "جرائم", "عنف", "إرهاب", "فساد", "أمل", "آمال", "رغبة", "نية", "ثقة",
    "أهمية", "ضرورة", "إمكانية", "فرصة", "فرص", "تقدم", "نمو", "ملفات", "مجال", "مجالات",
    "إطار", "صعيد", "مستوى", "شأن", "سبيل", "شيء", "أشياء",
    // Ordinals and order words.
    "أول", "أولى", "ثاني", "ثانية", "ثالث", "ثالثة", "رابع", "رابعة", "خامس", "سادس", "سابع",
    "ثامن", "تاسع", "عاشر", "أخير", "أخيرة", "أواخر", "أوائل", "بداية", "نهاية", "منتصف",
    "مطلع",
    // Time words.
    "يوم", "أيام", "أسبوع", "أسابيع", "شهر", "أشهر", "شهور", "عام", "أعوام", "سنة", "سنوات",
    "ساعة", "ساعات", "دقيقة", "دقائق", "فترة", "مرحلة", "موعد", "وقت", "تاريخ", "مدة", "مهلة",
    "ليلة", "صباح", "مساء", "موسم", "جولة", "دورة",
    // Function words a phrase cannot start with.
    "ليس", "ليست", "لست", "إليه", "إليها", "إليهم", "عليه", "عليها", "عليهم", "منه", "منها",
    "منهم", "عنه", "عنها", "عنهم", "فيه", "فيها", "فيهم", "معه", "معها", "معهم", "باسم",
];

fn not_agents() -> &'static FxHashSet<String> {
    static S: OnceLock<FxHashSet<String>> = OnceLock::new();
    S.get_or_init(|| set(NOT_AGENTS))
}

/// The key without a glued preposition and article (`بالاتفاق` → `اتفاق`), when at least
/// two letters remain. The conjunction is already off: keys come from `Doc::bare`.
fn strip_article(key: &str) -> &str {
    for p in ["بال", "كال", "لل", "ال"] {
        if let Some(r) = key.strip_prefix(p)
            && r.chars().count() >= 2
        {
            return r;
        }
    }
    key
}

/// The forms of a head to look up: without its article, then also without the accusative
/// alef (`اتفاقا`), a possessive pronoun (`زيارته` → `زياره`) or the plural ات (`اتصالات`).
fn candidates(key: &str) -> Vec<String> {
    let k = strip_article(key);
    let mut out = vec![k.to_string()];
    let n = k.chars().count();
    if n >= 3
        && let Some(r) = k.strip_suffix('ا')
    {
        out.push(r.to_string());
    }
    for suffix in ["هما", "هم", "ها", "ه"] {
        if let Some(r) = k.strip_suffix(suffix)
            && r.chars().count() >= 3
        {
            // The teh marbuta is written ت before a pronoun: زيارته is زيارة's.
            match r.strip_suffix('ت') {
                Some(stem) => out.push(format!("{stem}ه")),
                None => out.push(r.to_string()),
            }
            break;
        }
    }
    if n >= 5
        && let Some(r) = k.strip_suffix("ات")
    {
        out.push(r.to_string());
    }
    out
}

/// True when the folded letters follow the verbal-noun pattern of a derived verb form.
fn masdar_shape(k: &str) -> bool {
    let c: Vec<char> = k.chars().collect();
    let at = |i: usize| c.get(i).copied().unwrap_or('\0');
    match c.len() {
        // إفعال (إسكات، إرسال), إفالة (إعادة، إقامة), assimilated افتعال (اتفاق، اتصال),
        // تفعيل and تفعلة (تسجيل، تهدئة), تفاعل (تناوب، تعاون).
        5 => {
            (at(0) == 'ا' && at(3) == 'ا')
                || (at(0) == 'ا' && at(2) == 'ا' && at(4) == 'ه')
                || (at(0) == 'ت' && at(3) == 'ي')
                || (at(0) == 'ت' && at(2) == 'ا')
        }
        // افتعال (اجتماع، اضطراب، ازدحام), انفعال (انسحاب).
        6 => {
            at(0) == 'ا' && matches!(at(2), 'ت' | 'ط' | 'د') && at(4) == 'ا'
                || k.starts_with("ان") && at(4) == 'ا'
        }
        // استفعال (استقبال), استفالة (استقالة).
        7 => k.starts_with("است") && (at(5) == 'ا' || at(4) == 'ا' && at(6) == 'ه'),
        _ => false,
    }
}

/// Classifies the folded key of a participant phrase's first word.
pub(crate) fn classify(key: &str) -> Head {
    let forms = candidates(key);
    if forms.iter().any(|f| agents().contains(f.as_str())) {
        return Head::Agent;
    }
    // إليها is not ال + يها: the word as written is looked up too (not shaped: الشاب is
    // not an إفعال).
    if not_agents().contains(key) || forms.iter().any(|f| not_agents().contains(f.as_str())) {
        return Head::NotAgent;
    }
    if forms.iter().any(|f| masdar_shape(f)) {
        return if strip_article(key) != key {
            Head::NotAgent
        } else {
            Head::Shaped
        };
    }
    Head::Unknown
}

/// Whether a [`Head::Shaped`] word, followed by the word whose key is `next` (if any), may
/// still name someone: yes unless the next word is no one too (`إعادة تأهيل`, `تسهيل
/// وصول`) or definite (`إسكات البنادق`), as a verbal noun's complement is, and a name's
/// second part mostly is not (`أوباما باول`, `توفيق عكاشة`).
pub(crate) fn weak_is_agent(next: Option<&str>) -> bool {
    let Some(next) = next else {
        return true;
    };
    !(matches!(classify(next), Head::NotAgent | Head::Shaped) || next.starts_with("ال"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn class(word: &str) -> Head {
        classify(&fold(word))
    }

    #[test]
    fn verbal_nouns_of_derived_forms_are_not_agents() {
        for w in [
            "الإعادة",
            "بالإسكات",
            "الاتفاق",
            "بالاتفاق",
            "الاجتماع",
            "الاضطرابات",
            "الانسحاب",
            "الاستقبال",
            "الاستقالة",
            "للتسجيل",
            "التوقيع",
            "التهدئة",
            "التسهيل",
            "التناوب",
            "للاستماع",
            "الاتصالات",
        ] {
            assert_eq!(class(w), Head::NotAgent, "{w}");
        }
    }

    #[test]
    fn documents_abstracts_ordinals_and_times_are_not_agents() {
        for w in [
            "جدول",
            "أول",
            "الخطوة",
            "القرار",
            "المقترح",
            "الحوار",
            "مهمة",
            "مهلة",
            "زيارته",
            "الأسبوع",
            "إليها",
            "ليس",
            "باسم",
        ] {
            assert_eq!(class(w), Head::NotAgent, "{w}");
        }
    }

    #[test]
    fn people_sharing_a_verbal_noun_shape_are_agents() {
        // أفعال plurals look like إفعال, تلميذ like تفعيل; kin and deeds name people.
        for w in [
            "الأطفال",
            "أعضاء",
            "الأشقاء",
            "أتراك",
            "أتباع",
            "تلميذ",
            "والده",
            "الأخوة",
            "مجرم",
            "نظيره",
            "إدارة",
        ] {
            assert_eq!(class(w), Head::Agent, "{w}");
        }
    }

    #[test]
    fn an_indefinite_shape_is_no_one_only_in_construct() {
        // إعادة تأهيل، إسكات البنادق are acts; أوباما باول، توفيق عكاشة are people.
        assert_eq!(class("إعادة"), Head::Shaped);
        assert_eq!(class("أوباما"), Head::Shaped);
        assert!(!weak_is_agent(Some(&fold("تأهيل"))));
        assert!(!weak_is_agent(Some(&fold("وصول"))));
        assert!(!weak_is_agent(Some(&fold("البنادق"))));
        assert!(weak_is_agent(Some(&fold("باول"))));
        assert!(weak_is_agent(Some(&fold("عكاشة"))));
        assert!(weak_is_agent(None));
    }

    #[test]
    fn other_nouns_are_unknown() {
        // A missed name, a place or a thing attacked stays a participant.
        for w in ["الأنبوب", "مزرعة", "كليبي", "مركز", "مواطنة"] {
            assert_ne!(class(w), Head::NotAgent, "{w}");
        }
    }
}
