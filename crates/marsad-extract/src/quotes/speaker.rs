//! Who is speaking: splitting the subject of a cue into a name and a role, and resolving
//! continuations and role phrases that refer back to an earlier speaker.

use crate::claims::words::{Words, fold};
use rustc_hash::FxHashSet;
use std::ops::Range;
use std::sync::OnceLock;

fn set(words: &[&str]) -> FxHashSet<String> {
    words.iter().map(|w| fold(w)).collect()
}

macro_rules! lexicon {
    ($name:ident, $($w:expr),* $(,)?) => {
        pub(crate) fn $name() -> &'static FxHashSet<String> {
            static S: OnceLock<FxHashSet<String>> = OnceLock::new();
            S.get_or_init(|| set(&[$($w),*]))
        }
    };
}

// Heads of role phrases, without the article.
lexicon!(
    role_heads,
    "متحدث",
    "ناطق",
    "وزير",
    "مدير",
    "رئيس",
    "أمين",
    "نائب",
    "وكيل",
    "مساعد",
    "خبير",
    "مستشار",
    "سفير",
    "قائد",
    "عضو",
    "مشرف",
    "منسق",
    "محافظ",
    "مندوب",
    "محلل",
    "مفكر",
    "ناقد",
    "مدرب",
    "لاعب",
    "باحث",
    "مسؤول",
    "مصدر",
    "عميد",
    "محامي",
    "مواطن",
    "والد",
    "صاحب",
    "مصمم",
    "مصممة",
    "إعلامي",
    "بائع",
    "محرر",
    "كبير",
    "مؤسس",
    "قاضي",
    "مراسل",
    "شاعر",
    "فنان",
    "طبيب",
    "المشرفة",
    "مشرفة",
    "معدة",
    "أحد",
    "رئيسة",
    "مديرة",
    "وزيرة",
    "متحدثة",
    "ناطقة",
    "مسؤولة",
    "الأمين",
    "منظم",
    "محققون",
    "رئيس",
    "زعيم",
    "أمير",
);

// Titles dropped from names and roles.
lexicon!(
    titles,
    "العقيد",
    "المقدم",
    "اللواء",
    "العميد",
    "الرائد",
    "الفريق",
    "المهندس",
    "الدكتور",
    "الدكتورة",
    "الدكتوره",
    "د",
    "الأستاذ",
    "الشيخ",
    "السيد",
    "السيدة",
    "معالي",
    "سمو",
    "فضيلة",
    "الكابتن",
    "الركن",
    "أول",
    "الملازم",
    "النقيب",
    "سعادة",
    "المستشار",
);

// Heads of unnamed or indirect sources: a quote from them is `reported`.
lexicon!(
    unnamed_heads,
    "مصدر",
    "مصادر",
    "المصدر",
    "المصادر",
    "شهود",
    "سكان",
    "مواطنون",
    "عدد",
    "بعض",
    "البعض",
    "تقارير",
    "التقارير",
    "أنباء",
    "الأنباء",
    "وسائل",
    "مغردون",
    "مغردو",
    "رواد",
    "ناشطون",
    "نشطاء",
    "مراقبون",
    "محللون",
    "خبراء",
    "علماء",
    "فئة",
    "المنتقدين",
    "منتقدون",
    "الصحف",
    "صحف",
    "مواقع",
    "صحيفة",
    "الصحيفة",
    "وكالة",
    "الوكالة",
    "موقع",
    "الموقع",
    "قناة",
    "مجلة",
    "تسريبات",
    "أهالي",
    "الأهالي",
    "نقاد",
    "مسؤولون",
    "دبلوماسيون",
    "مغردين",
    "مشجعين",
    "أحد",
    "مسؤول",
    "عيان",
    "معلومات",
    "المعلومات",
    "إحدى",
);

// Media names read as indirect sources.
lexicon!(
    media_names,
    "رويترز",
    "الألمانية",
    "الفرنسية",
    "أسوشيتد",
    "بلومبرغ",
    "بلومبيرغ",
    "سكاي",
    "بي",
    "سي",
    "الجزيرة",
    "العربية",
    "واس",
    "تاس",
    "نوفوستي",
    "إرنا",
    "الأناضول",
    "ديلي",
    "تايمز",
    "بوست",
    "غلوبو",
    "ماجازين",
    "نيوز",
);

// Heads of organization names: a subject starting with one is an organization's name.
lexicon!(
    org_heads,
    "شركة",
    "وزارة",
    "هيئة",
    "مؤسسة",
    "مجلس",
    "نادي",
    "جمعية",
    "منظمة",
    "جامعة",
    "مجموعة",
    "البنك",
    "المرصد",
    "الهيئة",
    "المديرية",
    "الرئاسة",
    "إدارة",
    "الإدارة",
    "المجلس",
    "الحكومة",
    "الخارجية",
    "الداخلية",
    "النيابة",
    "السلطات",
    "اللجنة",
    "لجنة",
    "الديوان",
    "البرلمان",
    "المقاومة",
    "الجيش",
    "مكتب",
    "بنك",
    "المركزي",
);

// Words that end a subject: time and circumstance adjuncts.
lexicon!(
    adjunct_starts,
    "خلال",
    "أمس",
    "اليوم",
    "عبر",
    "أثناء",
    "صباح",
    "مساء",
    "يوم",
    "غدا",
    "حاليا",
    "مؤخرا",
    "أيضا",
    "كذلك",
    "بدوره",
    "بدورها",
    "الأحد",
    "الاثنين",
    "الثلاثاء",
    "الأربعاء",
    "الخميس",
    "الجمعة",
    "السبت",
    "عقب",
    "قبل",
    "بعد",
    "لدى",
    "بموقعه",
    "بموقعها",
    "ليل",
    "الليلة",
    "الماضي",
    "بهذه",
    "بمناسبة",
    "غير",
    "إلا",
);

// Frame nouns after في that end a subject: في تصريح، في بيان…
lexicon!(
    frame_nouns,
    "تصريح",
    "تصريحات",
    "تصريحه",
    "تصريحها",
    "بيان",
    "بيانه",
    "بيانها",
    "حديث",
    "حديثه",
    "مؤتمر",
    "المؤتمر",
    "تغريدة",
    "كلمة",
    "كلمته",
    "لقاء",
    "حوار",
    "تقرير",
    "تقريره",
    "تقريرها",
    "رسالة",
    "اتصال",
    "شكواه",
    "ختام",
    "مقابلة",
    "اجتماع",
    "الاجتماع",
    "بلاغ",
    "حفل",
    "ندوة",
    "برنامج",
);

// Words that end a role phrase: ومقره لندن، الذي…
lexicon!(
    role_stops,
    "ومقره",
    "ومقرها",
    "وهما",
    "وهم",
    "الذي",
    "التي",
    "وهو",
    "وهي",
    "الذين",
    "والذي"
);

/// Synonyms folded before comparing role heads (الناطق = المتحدث).
pub(crate) fn canonical_head(word: &str) -> String {
    let w = word.strip_prefix("ال").unwrap_or(word);
    let w = w.strip_suffix('ه').unwrap_or(w);
    match w {
        "ناطق" => "متحدث".to_string(),
        "مصادر" => "مصدر".to_string(),
        "قوات" => "جيش".to_string(),
        other => other.to_string(),
    }
}

/// The content words of a folded phrase, canonicalized.
pub(crate) fn heads(phrase: &str) -> Vec<String> {
    phrase
        .split_whitespace()
        .map(|w| canonical_head(&fold(w)))
        .filter(|w| w.chars().count() > 1)
        .collect()
}

/// A parsed subject: name and role token ranges inside the subject.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Subject {
    pub name: Option<Range<usize>>,
    pub role: Option<Range<usize>>,
}

/// Strips the article and a conjunction from a folded key.
pub(crate) fn head_key(key: &str) -> &str {
    let k = key
        .strip_prefix("و")
        .filter(|r| r.starts_with("ال"))
        .or_else(|| key.strip_prefix("ف").filter(|r| r.starts_with("ال")))
        .unwrap_or(key);
    k.strip_prefix("ال").unwrap_or(k)
}

/// Prepositions with a pronoun (folded): the addressee or topic of a cue, never its subject.
const PRONOUN_OBJECTS: &[&str] = &[
    "له",
    "لها",
    "لهم",
    "لهما",
    "لنا",
    "لي",
    "لك",
    "لكم",
    "عنه",
    "عنها",
    "عنهم",
    "منه",
    "منها",
    "منهم",
    "اليه",
    "اليها",
    "اليهم",
    "عليه",
    "عليها",
];

/// Trims adjuncts (time, place of speech, `لـ"سبق"`) off the end of a subject range.
pub(crate) fn trim_subject(w: &Words<'_>, r: Range<usize>) -> Range<usize> {
    let mut end = r.end;
    for j in r.clone() {
        let key = w.key(j);
        let adjunct = adjunct_starts().contains(key)
            || (key == "في" && frame_nouns().contains(w.key(j + 1)))
            || key == "ل"
            || key == "لـ"
            || (key.starts_with('ل')
                && j + 1 < r.end + 1
                && w.is_punct(j + 1, &['"', '“', '«', '”', '»']))
            || ["لرويترز", "لوكاله", "لصحيفه", "لسبق"].contains(&key)
            // `وقال لها إن …`, `ولفت فلان النظر إلى …`: an object, not the subject.
            || PRONOUN_OBJECTS.contains(&key)
            || key == "النظر";
        if adjunct && j > r.start {
            end = j;
            break;
        }
        if adjunct && j == r.start {
            return r.start..r.start;
        }
    }
    let mut start = r.start;
    while start < end && !w.is_word(start) && !w.is_punct(start, &['(', '"', '«', '“']) {
        start += 1;
    }
    while end > start && !w.is_word(end - 1) && !w.is_punct(end - 1, &[')', '"', '»', '”']) {
        end -= 1;
    }
    start..end
}

/// Splits a subject into a name (from `names`, token ranges of PER/ORG mentions) and a
/// role phrase. `names` are sorted by start.
pub(crate) fn parse_subject(
    w: &Words<'_>,
    subj: Range<usize>,
    names: &[(Range<usize>, bool)],
) -> Subject {
    if subj.is_empty() {
        return Subject::default();
    }
    // The first person mention inside the subject, else the first organization.
    // After a role head (الناطق باسم الجيش الليبي) an organization belongs to the role.
    // After an unnamed-source head (`مصادر في وزارة الدفاع`, `المنتقدين لمجلس الاحتياطي`,
    // `رواد تويتر`) an organization only locates the source.
    let first_word = w.slice(subj.start..subj.start + 1);
    let role_first =
        is_role_head(w.key(subj.start)) || (is_unnamed(first_word) && !is_medium_head(first_word));
    let inside: Vec<&(Range<usize>, bool)> = names
        .iter()
        .filter(|(r, per)| r.start >= subj.start && r.end <= subj.end && (*per || !role_first))
        .collect();
    // `ماتيو توالدو، خبير الشؤون الدولية في …`: words before a comma that a role phrase
    // follows are a person's name in apposition, even when the tagger missed it (foreign
    // names often are). Only the last of them may carry the article (a family name).
    if !inside.iter().any(|(_, per)| *per)
        && let Some(comma) =
            (subj.start + 1..subj.end.min(subj.start + 5)).find(|&j| w.is_punct(j, &['،', ',']))
        && is_role_head(w.key(comma + 1))
        && (subj.start..comma).all(|j| {
            let k = w.key(j);
            w.is_word(j)
                && (!k.starts_with("ال") || (j + 1 == comma && j > subj.start))
                && !is_role_head(k)
                && !is_title(k)
                && !org_heads().contains(k)
                && !is_unnamed(w.slice(j..j + 1))
        })
    {
        let role = Some(role_range(w, comma + 1..subj.end)).filter(|r| !r.is_empty());
        return Subject {
            name: Some(subj.start..comma),
            role,
        };
    }
    // An organization named by its head word (شركة مارشال، مجموعة د.سليمان الحبيب الطبية).
    let first = w.bare(subj.start);
    let words = subj.clone().filter(|&j| w.is_word(j)).count();
    let org =
        (org_heads().contains(first) && words >= 2 && !role_heads().contains(head_key(first)))
            .then(|| {
                let end = (subj.start..subj.end)
                    .find(|&j| w.is_punct(j, &['،', ',']))
                    .unwrap_or(subj.end);
                subj.start..end
            });
    let name = org.or_else(|| {
        inside
            .iter()
            .find(|(_, per)| *per)
            .or_else(|| inside.first())
            .map(|(r, _)| r.clone())
    });
    // A name after a title (الدكتوره إيليني كتستاكي) when the tagger saw none.
    let name = name.or_else(|| {
        let t = (subj.start..subj.end)
            .rev()
            .find(|&j| titles().contains(w.key(j)) && w.key(j) != "أول")?;
        let start = t + 1;
        let end = (start..subj.end)
            .find(|&j| !w.is_word(j) || role_stops().contains(w.key(j)) || is_role_head(w.key(j)))
            .unwrap_or(subj.end);
        (end > start && end - start <= 5).then_some(start..end)
    });
    let role = match &name {
        None => Some(role_range(w, subj.clone())),
        Some(n) if n.start > subj.start => Some(role_range(w, subj.start..n.start)),
        Some(n) if n.end < subj.end => Some(role_range(w, n.end..subj.end)),
        Some(_) => None,
    }
    .filter(|r| !r.is_empty());
    Subject { name, role }
}

/// A role phrase: titles dropped from both ends, cut at `ومقره`, `الذي`…, punctuation
/// trimmed.
pub(crate) fn role_range(w: &Words<'_>, r: Range<usize>) -> Range<usize> {
    let mut start = r.start;
    let mut end = r.end;
    // `المريضة (50 عاما)`: a parenthesis adds an age or a gloss, not the role.
    if let Some(stop) = (start..end)
        .find(|&j| role_stops().contains(w.key(j)) || (j > start && w.is_punct(j, &['('])))
    {
        end = stop;
    }
    loop {
        while start < end && (!w.is_word(start) || titles().contains(w.key(start))) {
            start += 1;
        }
        while end > start && (!w.is_word(end - 1) || titles().contains(w.key(end - 1))) {
            end -= 1;
        }
        // A role phrase never starts with a preposition left over from trimming.
        if start < end && ["من", "عن"].contains(&w.key(start)) {
            start += 1;
            continue;
        }
        break;
    }
    start..end
}

/// True when a role phrase (or organization name) names an unnamed or indirect source.
pub(crate) fn is_unnamed(phrase: &str) -> bool {
    let first = phrase
        .split_whitespace()
        .next()
        .map(fold)
        .unwrap_or_default();
    let first = first
        .strip_prefix('و')
        .filter(|r| r.chars().count() >= 3)
        .unwrap_or(&first);
    unnamed_heads().contains(first)
        || unnamed_heads().contains(&format!("ال{}", first.strip_prefix("ال").unwrap_or(first)))
}

/// True when a word heads the name of a medium or a report (`صحيفة`, `موقع`, `تقارير`):
/// the name after it is the source, unlike the place after `مصادر في …`.
pub(crate) fn is_medium_head(word: &str) -> bool {
    let f = fold(word);
    let f = f.strip_prefix("ال").unwrap_or(&f);
    [
        "صحيفه",
        "صحف",
        "وكاله",
        "موقع",
        "مواقع",
        "قناه",
        "مجله",
        "تقارير",
        "انباء",
        "معلومات",
        "وسائل",
    ]
    .contains(&f)
}

/// True when a name is a news medium (رويترز، ديلي نيوز…).
pub(crate) fn is_media(name: &str) -> bool {
    name.split_whitespace().enumerate().any(|(k, t)| {
        let f = fold(t.trim_matches(|c: char| !c.is_alphanumeric()));
        // A nisba names an agency only on its own (`بحسب الفرنسية`), not as an adjective
        // (`السلطات الألمانية`).
        media_names().contains(&f) && (k == 0 || !NISBA_MEDIA.contains(&f.as_str()))
    })
}

/// Media names (folded) that are also nisba adjectives.
const NISBA_MEDIA: &[&str] = &["الالمانيه", "الفرنسيه", "العربيه"];

/// True when a folded key heads a role phrase.
pub(crate) fn is_role_head(key: &str) -> bool {
    role_heads().contains(head_key(key)) || role_heads().contains(key)
}

/// True when a folded key is a title.
pub(crate) fn is_title(key: &str) -> bool {
    titles().contains(key)
}
