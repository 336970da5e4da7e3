//! Removing what is not the article before extraction: navigation, "related" lists,
//! comments, share bars, ads, footers; and, after extraction, leftover boilerplate lines.
//!
//! Readability's own heuristics miss class names such as `inline-ad` and the Arabic
//! headings of related-news boxes (اقرأ أيضاً، أخبار ذات صلة), so both are removed here first.
//! An element is never removed when it holds most of the page's text or the article itself.

use dom_query::{Document, NodeRef};

/// Elements that are never article text.
const NOISE_TAGS: &str = "nav, footer, aside, form, iframe, noscript, button, select, [role='navigation'], [role='complementary'], [role='contentinfo'], [role='banner'], [aria-hidden='true']";

/// Class/id tokens (split on spaces, `-` and `_`) that mark boilerplate.
const NOISE_TOKENS: &[&str] = &[
    "ad",
    "ads",
    "adv",
    "advert",
    "advertisement",
    "adsbygoogle",
    "banner",
    "sponsor",
    "sponsored",
    "promo",
    "comment",
    "comments",
    "disqus",
    "related",
    "share",
    "sharing",
    "social",
    "breadcrumb",
    "breadcrumbs",
    "newsletter",
    "subscribe",
    "footer",
    "nav",
    "navbar",
    "menu",
    "sidebar",
    "widget",
    "popular",
    "trending",
    "mostread",
    "outbrain",
    "taboola",
    "recommended",
    "cookie",
    "gdpr",
    "pagination",
    "pager",
    "tags",
    "tag",
    "readmore",
    "also",
    "print",
    "toolbar",
];

/// Headings of boxes that are not the article.
const NOISE_HEADINGS: &[&str] = &[
    "اقرأ أيضا",
    "اقرأ أيضاً",
    "إقرأ أيضا",
    "إقرأ أيضاً",
    "اقرأ ايضا",
    "مواضيع ذات صلة",
    "أخبار ذات صلة",
    "اخبار ذات صلة",
    "مقالات ذات صلة",
    "أخبار متعلقة",
    "روابط ذات صلة",
    "الأكثر قراءة",
    "الأكثر مشاهدة",
    "الأكثر تداولا",
    "التعليقات",
    "تعليقات",
    "أضف تعليق",
    "أضف تعليقك",
    "قد يعجبك أيضا",
    "قد يهمك أيضا",
    "المزيد من الأخبار",
    "شارك",
    "شارك الخبر",
    "تابعنا",
    "related",
    "read more",
    "comments",
];

/// Whole paragraphs that are boilerplate when they appear in the extracted text.
const NOISE_LINES: &[&str] = &[
    "إعلان",
    "اعلان",
    "إعلان ممول",
    "محتوى ممول",
    "مساحة إعلانية",
    "advertisement",
    "sponsored",
    "شارك",
    "شارك الخبر",
    "تابعونا",
    "طباعة",
    "أرسل لصديق",
];

/// Prefixes of paragraphs that are boilerplate when the paragraph is short.
const NOISE_PREFIXES: &[&str] = &[
    "اقرأ أيضا",
    "اقرأ أيضاً",
    "إقرأ أيضا",
    "إقرأ أيضاً",
    "اقرأ المزيد",
    "تابعونا على",
    "تابعوا",
    "شاهد أيضا",
    "جميع الحقوق محفوظة",
    "©",
    "حقوق النشر",
];

fn text_len(n: &NodeRef<'_>) -> usize {
    n.text().chars().filter(|c| !c.is_whitespace()).count()
}

fn noisy_attr(n: &NodeRef<'_>) -> bool {
    let mut attrs = String::new();
    if let Some(c) = n.class() {
        attrs.push_str(&c);
    }
    attrs.push(' ');
    if let Some(i) = n.id_attr() {
        attrs.push_str(&i);
    }
    let lower = attrs.to_ascii_lowercase();
    if lower.contains("most-read") || lower.contains("most_read") || lower.contains("read-more") {
        return true;
    }
    lower
        .split(|c: char| c.is_whitespace() || c == '-' || c == '_')
        .any(|t| NOISE_TOKENS.contains(&t))
}

fn holds_article(n: &NodeRef<'_>) -> bool {
    n.is("article, main, [itemprop='articleBody'], body, html")
        || n.descendants_it()
            .any(|d| d.is_element() && d.is("article, main, [itemprop='articleBody'], h1"))
}

/// Removes boilerplate elements; returns how many were removed.
pub fn strip(doc: &Document) -> usize {
    let total = doc.body().map_or(0, |b| text_len(&b)).max(1);
    let mut removed = 0;
    // Site headers, but not an article's own header.
    for h in doc.select("header").nodes() {
        if !h.ancestors_it(None).any(|a| a.is("article")) && !holds_article(h) {
            h.remove_from_parent();
            removed += 1;
        }
    }
    for n in doc.select(NOISE_TAGS).nodes() {
        if !holds_article(n) {
            n.remove_from_parent();
            removed += 1;
        }
    }
    let candidates: Vec<NodeRef<'_>> = doc.select("[class], [id]").nodes().to_vec();
    for n in candidates {
        if n.parent().is_none() || !noisy_attr(&n) || holds_article(&n) {
            continue;
        }
        // A wrapper with most of the text is layout, whatever its class says.
        if text_len(&n) * 2 > total {
            continue;
        }
        n.remove_from_parent();
        removed += 1;
    }
    for h in doc.select("h2, h3, h4, h5, strong, .title").nodes() {
        let t = h.text();
        let t = t.trim().trim_end_matches([':', '؟']).trim();
        if !NOISE_HEADINGS.contains(&t) {
            continue;
        }
        // Remove the box the heading titles: its parent, unless that is the article.
        match h.parent() {
            Some(p) if !holds_article(&p) && text_len(&p) * 5 < total * 2 => p.remove_from_parent(),
            _ => {
                // Remove the heading and the list right after it.
                if let Some(next) = h.next_element_sibling().filter(|s| s.is("ul, ol, div")) {
                    next.remove_from_parent();
                }
                h.remove_from_parent();
            }
        }
        removed += 1;
    }
    removed
}

/// True when an extracted paragraph is boilerplate.
pub fn is_noise_paragraph(p: &str) -> bool {
    let t = p.trim().trim_end_matches([':', '.', '!']).trim();
    let lower = t.to_lowercase();
    if NOISE_LINES.iter().any(|w| lower == *w) {
        return true;
    }
    let words = t.split_whitespace().count();
    words <= 25 && NOISE_PREFIXES.iter().any(|w| t.starts_with(w))
}
