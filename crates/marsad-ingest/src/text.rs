//! The plain-text scrape layout: title / blank / `DD/MM/YYYY - HH:MM:SS` / blank / tags /
//! blank / `author – outlet` / blank / paragraphs.
//!
//! The exact layout is read by position. Archives drift from it (missing tags or byline
//! lines, extra blank lines, other separators, CRLF, BOM), so when the positions do not
//! hold, the header lines after the title are classified one by one: a line that is wholly
//! a date, a byline (separator, marker or outlet name), or a short tags line. Every guess
//! is reported as a diagnostic.

use crate::byline;
use crate::dates::parse_date;
use crate::error::ErrorKind;
use crate::finish::{clean_text, finish};
use marsad_core::{Article, Format, Source};

/// Tag separators, in the order they are tried.
const TAG_SEPARATORS: &[char] = &[',', '،', '؛', ';', '|', '#', '•', '\t', '/'];

/// Splits a tags line: on explicit separators when there are any, else on spaces.
fn split_tags(line: &str) -> (Vec<String>, bool) {
    if line.contains(TAG_SEPARATORS) {
        let tags = line
            .split(TAG_SEPARATORS)
            .map(str::trim)
            .filter(|t| !t.is_empty())
            .map(String::from)
            .collect();
        (tags, false)
    } else {
        (line.split_whitespace().map(String::from).collect(), true)
    }
}

/// True for a line that can be a tags line: short, not a sentence.
fn tag_like(line: &str) -> bool {
    let words = line.split_whitespace().count();
    words > 0
        && words <= 10
        && line.chars().count() <= 120
        && !line.trim_end().ends_with(['.', '؟', '?', '!', ':'])
}

fn is_date_line(line: &str) -> Option<crate::dates::ParsedDate> {
    parse_date(line).filter(|d| d.unknown_words == 0)
}

/// Reads one article in the scrape layout from decoded text.
pub fn read_text(source: Source, text: &str) -> Result<Article, ErrorKind> {
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    let normalized;
    let text = if text.contains('\r') {
        normalized = text.replace("\r\n", "\n").replace('\r', "\n");
        normalized.as_str()
    } else {
        text
    };
    let lines: Vec<&str> = text
        .split('\n')
        .map(|l| l.trim_matches(|c: char| c.is_whitespace() || c == '\u{FEFF}'))
        .collect();
    let Some(t) = lines.iter().position(|l| !l.is_empty()) else {
        return Err(ErrorKind::Empty("no text in the file".into()));
    };
    let mut a = Article::new(source, Format::Text);
    a.title = lines[t].to_string();
    let at = |i: usize| lines.get(i).copied().unwrap_or("");

    let mut tags_line: Option<&str> = None;
    let mut byline_line: Option<&str> = None;
    let mut date_line: Option<&str> = None;
    let body_from;

    // The exact layout, by position.
    if lines.len() > t + 8
        && at(t + 1).is_empty()
        && at(t + 3).is_empty()
        && at(t + 5).is_empty()
        && at(t + 7).is_empty()
        && is_date_line(at(t + 2)).is_some()
        && (at(t + 6).is_empty() || !at(t + 6).ends_with('.'))
    {
        date_line = Some(at(t + 2));
        tags_line = Some(at(t + 4)).filter(|l| !l.is_empty());
        byline_line = Some(at(t + 6)).filter(|l| !l.is_empty());
        body_from = t + 8;
    } else {
        // Classify the header lines after the title one by one.
        let mut rest = (t + 1..lines.len())
            .filter(|&i| !lines[i].is_empty())
            .peekable();
        let mut last_header = t;
        let mut candidates = 0;
        while let Some(&i) = rest.peek() {
            let line = lines[i];
            // At least one line must remain for the body.
            let has_more = lines[i + 1..].iter().any(|l| !l.is_empty());
            if candidates >= 4 || !has_more {
                break;
            }
            if date_line.is_none() && is_date_line(line).is_some() {
                date_line = Some(line);
            } else if byline_line.is_none()
                && byline::looks_like_byline(line)
                && !line.ends_with('.')
            {
                byline_line = Some(line);
            } else if tags_line.is_none() && byline_line.is_none() && tag_like(line) {
                tags_line = Some(line);
            } else {
                break;
            }
            candidates += 1;
            last_header = i;
            rest.next();
        }
        // A lone short line and no byline: a name of 2–4 words without separators reads as
        // an author-only byline; anything else stays a tags line.
        if byline_line.is_none()
            && let Some(tl) = tags_line
        {
            let words: Vec<&str> = tl.split_whitespace().collect();
            let repeated = words
                .iter()
                .enumerate()
                .any(|(k, w)| words[..k].contains(w));
            if (2..=4).contains(&words.len())
                && !repeated
                && !tl.contains(TAG_SEPARATORS)
                && date_line.is_some()
            {
                byline_line = Some(tl);
                tags_line = None;
                a.warn(
                    "text.byline-guessed",
                    format!("the line '{tl}' was read as an author-only byline, not tags"),
                );
            }
        }
        body_from = last_header + 1;
        a.warn(
            "text.layout",
            "the header lines are not at the standard positions; classified by content",
        );
    }

    if let Some(d) = date_line {
        let parsed = is_date_line(d).expect("classified as a date above");
        a.published = Some(parsed.published);
        a.published_raw = Some(d.to_string());
        a.diagnostics.extend(parsed.diagnostics);
    } else {
        a.warn("text.no-date", "no date line found");
    }
    if let Some(tl) = tags_line {
        let (tags, by_space) = split_tags(tl);
        if by_space && tags.len() > 1 {
            a.warn(
                "text.tags-split-on-spaces",
                "the tags line has no separators; split on spaces",
            );
        }
        a.tags = tags;
    }
    if let Some(bl) = byline_line {
        let b = byline::parse(bl);
        a.byline = Some(bl.to_string());
        a.author = b.author;
        a.outlet = b.outlet;
        a.dateline = b.dateline;
    } else {
        a.warn("text.no-byline", "no byline line found");
    }
    let paragraphs: Vec<String> = lines[body_from.min(lines.len())..]
        .iter()
        .filter(|l| !l.is_empty())
        .map(|l| clean_text(l))
        .collect();
    a.set_paragraphs(paragraphs);
    Ok(finish(a, None))
}
