//! Opinion or news: columns, editorials and op-eds are told apart from reports.
//!
//! An analyst reads a column's claims differently from a report's, and events "found" in a
//! column are mostly the writer's arguments (the event audit of `docs/benchmarks.md`). The
//! signals, strongest first:
//!
//! * the page says so: a JSON-LD `OpinionNewsArticle`, or an opinion section (set by the
//!   HTML reader before [`detect`]);
//! * the address has an opinion segment: `/opinion/`, `/columns/`, `/kottab/`, `/مقالات/`;
//! * the byline is an editorial (`كلمة الاقتصادية`) or signed `بقلم` ("by the pen of");
//! * (plain-text scrapes and JSONL records only, whose byline is the newsroom's own line;
//!   a page's or feed's author field names a writer whatever the genre) the byline names a
//!   writer and nothing else, no place and no outlet (`سلمى الخطيب`),
//!   while a report's byline names where it was filed or who sent it (`الرياض - واس`,
//!   `فلان (جدة)`), and the body does not open like a report: with a dateline, or with a
//!   reporting verb in its first sentence (`أعلنت وزارة …`, `فاز الهلال …`).

use crate::byline;
use marsad_arabic::normalize::{Folds, normalize_into};
use marsad_core::{Article, Format, Genre};
use std::collections::HashSet;
use std::sync::OnceLock;

/// Address segments of opinion sections, compared lowercased and without an extension.
const URL_SEGMENTS: &[&str] = &[
    "opinion",
    "opinions",
    "op-ed",
    "oped",
    "column",
    "columns",
    "columnists",
    "writers",
    "kottab",
    "kuttab",
    "editorial",
    "editorials",
    "blogs",
    "مقالات",
    "رأي",
    "آراء",
    "كتاب",
];

/// Section names that mean opinion (`article:section`, JSON-LD `articleSection`).
pub fn is_opinion_section(section: &str) -> bool {
    let s = section.trim().to_lowercase();
    URL_SEGMENTS.contains(&s.as_str())
        || ["رأي", "الرأي", "آراء", "مقالات", "كتاب", "أعمدة", "مقال"].contains(&s.as_str())
}

/// Verbs that open a report's first sentence (perfect, third person, with the feminine and
/// plural forms newsrooms use).
const REPORTING: &[&str] = &[
    "قال",
    "قالت",
    "أكد",
    "أكدت",
    "أعلن",
    "أعلنت",
    "كشف",
    "كشفت",
    "أوضح",
    "أوضحت",
    "أفاد",
    "أفادت",
    "ذكر",
    "ذكرت",
    "أشار",
    "أشارت",
    "نفى",
    "نفت",
    "أصدر",
    "أصدرت",
    "أقام",
    "أقامت",
    "دشن",
    "دشنت",
    "افتتح",
    "افتتحت",
    "اختتم",
    "اختتمت",
    "انطلقت",
    "انطلق",
    "استقبل",
    "استقبلت",
    "التقى",
    "وقع",
    "وقعت",
    "فاز",
    "خسر",
    "تغلب",
    "واصل",
    "واصلت",
    "يلتقي",
    "يستضيف",
    "يشهد",
    "تشهد",
    "شهد",
    "شهدت",
    "تمكن",
    "تمكنت",
    "أعرب",
    "أعربت",
    "بحث",
    "ناقش",
    "ناقشت",
    "رعى",
    "يرعى",
    "وصل",
    "غادر",
    "توج",
    "يختتم",
    "تختتم",
    "ينطلق",
    "تنطلق",
    "يبدأ",
    "تبدأ",
    "بدأ",
    "بدأت",
    "أطلق",
    "أطلقت",
    "قتل",
    "قتلت",
    "لقي",
    "أصيب",
    "أضاف",
    "أضافت",
    "أقر",
    "أقرت",
    "قرر",
    "قررت",
    "وافق",
    "وافقت",
    "ارتفع",
    "ارتفعت",
    "انخفض",
    "انخفضت",
    "تراجع",
    "تراجعت",
    "سجل",
    "سجلت",
    "شارك",
    "شاركت",
    "نظم",
    "نظمت",
    "عقد",
    "عقدت",
    "صرح",
    "صرحت",
    "طالب",
    "طالبت",
    "دعا",
    "دعت",
    "نفذ",
    "نفذت",
    "أجرى",
    "أجرت",
    "تلقى",
    "تلقت",
    "وجه",
    "وجهت",
    "شن",
    "شنت",
    "أسفر",
    "أسفرت",
    "توفي",
    "حقق",
    "حققت",
    "يواصل",
    "تواصل",
    "ضبط",
    "ضبطت",
    "أحبط",
    "أحبطت",
    "باشر",
    "باشرت",
];

/// The genre an article's page, address, byline and opening say it has.
pub fn detect(a: &Article) -> Genre {
    if a.url.as_deref().is_some_and(opinion_url) {
        return Genre::Opinion;
    }
    let Some(line) = a.byline.as_deref() else {
        return Genre::News;
    };
    if !matches!(a.format, Format::Text | Format::Jsonl) {
        return Genre::News;
    }
    // An editorial (`كلمة الاقتصادية`), or a piece signed "by the pen of" (`بقلم: فلان`),
    // the newsroom mark of a column.
    if line.trim_start().starts_with("كلمة ") || line.trim_start().starts_with("بقلم") {
        return Genre::Opinion;
    }
    let b = byline::parse(line);
    let writer_only = b.author.is_some() && b.outlet.is_none() && b.dateline.is_none();
    if writer_only && !opens_like_report(&a.body) {
        Genre::Opinion
    } else {
        Genre::News
    }
}

fn opinion_url(url: &str) -> bool {
    // The path only: `opinion.example.com` is a host, not a section.
    let path = url
        .split_once("://")
        .map_or(url, |(_, rest)| rest.split_once('/').map_or("", |(_, p)| p));
    let path = path.split(['?', '#']).next().unwrap_or("");
    path.split('/').any(|seg| {
        let seg = seg.split('.').next().unwrap_or(seg).to_lowercase();
        let seg = percent_decoded(&seg);
        URL_SEGMENTS.contains(&seg.as_str())
    })
}

/// `%D8%B1...` segments decoded, so that Arabic section names match; anything malformed is
/// compared as written.
fn percent_decoded(seg: &str) -> String {
    if !seg.contains('%') {
        return seg.to_string();
    }
    let bytes = seg.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%'
            && let Some(h) = seg.get(i + 1..i + 3)
            && let Ok(v) = u8::from_str_radix(h, 16)
        {
            out.push(v);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).unwrap_or_else(|_| seg.to_string())
}

/// True when the body opens with a dateline (`الرياض - `, `جدة: `) or its first sentence
/// has a reporting verb among its first words.
fn opens_like_report(body: &str) -> bool {
    let head: String = body.chars().take(300).collect();
    let first_line = head.lines().next().unwrap_or("");
    // A dateline: a short stretch of words before a dash or colon.
    if let Some(at) = first_line.find([':', '-', '–', '—'])
        && (1..=3).contains(&first_line[..at].split_whitespace().count())
    {
        return true;
    }
    // Many sites drop the hamza (اعلنت، اكد): alef forms are compared folded.
    fn fold(s: &str) -> String {
        let mut out = String::with_capacity(s.len());
        normalize_into(s, Folds::ALEF, &mut out);
        out
    }
    static FOLDED: OnceLock<HashSet<String>> = OnceLock::new();
    let folded = FOLDED.get_or_init(|| REPORTING.iter().map(|r| fold(r)).collect());
    let reporting = |w: &str| folded.contains(&fold(w));
    let sentence = head.split(['.', '،', '!', '؟', '\n']).next().unwrap_or("");
    sentence.split_whitespace().take(6).any(|w| {
        let w = w.trim_matches(|c: char| !c.is_alphabetic());
        reporting(w) || w.strip_prefix('و').is_some_and(reporting)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use marsad_core::Source;

    fn article(url: Option<&str>, byline: Option<&str>, body: &str) -> Article {
        let mut a = Article::new(Source::record("t.jsonl", 0), Format::Jsonl);
        a.url = url.map(Into::into);
        a.byline = byline.map(Into::into);
        a.body = body.into();
        a
    }

    const COLUMN: &str =
        "لم يعد خافيا على أحد أن المدن تتسع أسرع من خدماتها، وأن الحلول المؤقتة صارت دائمة.";

    #[test]
    fn writer_only_bylines_are_columns_unless_the_body_reports() {
        assert_eq!(
            detect(&article(None, Some("سلمى الخطيب"), COLUMN)),
            Genre::Opinion
        );
        assert_eq!(
            detect(&article(None, Some("د. سامر العلي"), COLUMN)),
            Genre::Opinion
        );
        // A reporter's byline with a place or an agency.
        for b in [
            "سلمى الخطيب - جدة",
            "سلمى الخطيب (جدة)",
            "الرياض - واس",
            "جدة: سلمى الخطيب",
        ] {
            assert_eq!(detect(&article(None, Some(b), COLUMN)), Genre::News, "{b}");
        }
        // A writer-only byline over a report.
        for body in [
            "أعلنت البلدية أمس عن خطة لتوسعة الطرق في الأحياء الشمالية.",
            "وأكد مدير التعليم أن العام الدراسي يبدأ في موعده.",
            "فاز فريق النجوم على ضيفه بهدفين دون رد.",
            "اعلنت البلدية اليوم افتتاح الحديقة العامة.",
            "الدمام - افتتح المحافظ معرضا للكتاب.",
        ] {
            assert_eq!(
                detect(&article(None, Some("سلمى الخطيب"), body)),
                Genre::News,
                "{body}"
            );
        }
        assert_eq!(detect(&article(None, None, COLUMN)), Genre::News);
        // A page's author field is a name whatever the genre.
        let mut page = article(None, Some("سلمى الخطيب"), COLUMN);
        page.format = Format::Html;
        assert_eq!(detect(&page), Genre::News);
    }

    #[test]
    fn editorials_and_opinion_addresses() {
        assert_eq!(
            detect(&article(None, Some("كلمة الصحيفة"), COLUMN)),
            Genre::Opinion
        );
        let signed = article(None, Some("بقلم: سلمى الخطيب – صحيفة الأفق"), COLUMN);
        assert_eq!(detect(&signed), Genre::Opinion);
        for url in [
            "https://news.example/opinion/2016/05/24/city.html",
            "https://news.example/Columns/123",
            "https://news.example/kottab/123-title",
            "https://news.example/%D9%85%D9%82%D8%A7%D9%84%D8%A7%D8%AA/55",
        ] {
            assert_eq!(
                detect(&article(Some(url), Some("الرياض - واس"), "")),
                Genre::Opinion,
                "{url}"
            );
        }
        for url in [
            "https://opinion.example/news/1",
            "https://news.example/politics/opinion-poll-shows",
            "https://news.example/news?section=opinion",
        ] {
            assert_eq!(
                detect(&article(Some(url), Some("الرياض - واس"), "")),
                Genre::News,
                "{url}"
            );
        }
    }
}
