//! What every reader does last: clean the text, pick the language, compute the id.

use marsad_core::{Article, Genre};
use xxhash_rust::xxh3::Xxh3;

/// Collapses runs of spaces, tabs and no-break spaces inside a line into one space and
/// trims it; keeps single newlines.
pub fn clean_text(s: &str) -> String {
    let t = s.trim();
    // Fast path: no run of two spaces, no tab, newline or no-break space.
    if !t.contains("  ")
        && !t
            .chars()
            .any(|c| c != ' ' && (c.is_whitespace() || c == '\u{FEFF}'))
    {
        return t.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut pending_space = false;
    for c in s.chars() {
        if c == '\n' {
            while out.ends_with(' ') {
                out.pop();
            }
            out.push('\n');
            pending_space = false;
        } else if c.is_whitespace() || c == '\u{00A0}' || c == '\u{FEFF}' {
            pending_space = !out.is_empty() && !out.ends_with('\n');
        } else {
            if pending_space {
                out.push(' ');
                pending_space = false;
            }
            out.push(c);
        }
    }
    out.trim().to_string()
}

/// Arabic letters (the base block and the extended letters), by range: `char::is_alphabetic`
/// would be a slow table lookup for every non-ASCII character.
fn is_arabic_letter(c: char) -> bool {
    matches!(c, '\u{0621}'..='\u{064A}' | '\u{066E}'..='\u{066F}' | '\u{0671}'..='\u{06D3}' | '\u{06FA}'..='\u{06FF}' | '\u{0750}'..='\u{077F}')
}

/// `ar` when most letters are Arabic, else the declared language, else `und`. Looks at the
/// first 2,000 characters of `text`.
pub fn language<'a>(text: impl IntoIterator<Item = &'a str>, declared: Option<&str>) -> String {
    let (mut arabic, mut latin) = (0usize, 0usize);
    for c in text.into_iter().flat_map(str::chars).take(2000) {
        if is_arabic_letter(c) {
            arabic += 1;
        } else if c.is_ascii_alphabetic() || ('\u{00C0}'..='\u{024F}').contains(&c) {
            latin += 1;
        }
    }
    let declared = declared
        .map(|d| {
            d.trim()
                .split(['-', '_'])
                .next()
                .unwrap_or("")
                .to_ascii_lowercase()
        })
        .filter(|d| d.len() >= 2 && d.len() <= 3 && d.chars().all(|c| c.is_ascii_alphabetic()));
    if arabic > 0 && arabic >= latin {
        return "ar".into();
    }
    match declared {
        // A page that declares Arabic but has no Arabic letters is not Arabic.
        Some(d) if d != "ar" => d,
        _ => "und".into(),
    }
}

/// The stable id: 16 hex digits of the xxh3-128 hash of URL, title and body. Moving or
/// renaming a file does not change it; editing the text does.
pub fn article_id(a: &Article) -> String {
    let mut h = Xxh3::new();
    h.update(a.url.as_deref().unwrap_or("").as_bytes());
    h.update(&[0x1f]);
    h.update(a.title.as_bytes());
    h.update(&[0x1f]);
    h.update(a.body.as_bytes());
    format!("{:016x}", (h.digest128() >> 64) as u64)
}

/// Cleans title, tags and byline parts, sets language and id.
pub fn finish(mut a: Article, declared_language: Option<&str>) -> Article {
    a.title = clean_text(&a.title).replace('\n', " ");
    let mut tags: Vec<String> = Vec::new();
    for t in std::mem::take(&mut a.tags) {
        let t = clean_text(t.trim_start_matches('#')).replace('\n', " ");
        if !t.is_empty() && !tags.contains(&t) {
            tags.push(t);
        }
    }
    a.tags = tags;
    for field in [
        &mut a.author,
        &mut a.outlet,
        &mut a.byline,
        &mut a.dateline,
        &mut a.url,
    ] {
        if let Some(v) = field.as_mut() {
            *v = clean_text(v).replace('\n', " ");
        }
        if field.as_deref().is_some_and(str::is_empty) {
            *field = None;
        }
    }
    a.language = language([a.title.as_str(), a.body.as_str()], declared_language);
    if a.genre == Genre::News {
        a.genre = crate::genre::detect(&a);
    }
    if a.body.is_empty() {
        a.warn("body.empty", "no body text; the article has a title only");
    }
    a.id = article_id(&a);
    a
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whitespace_runs_collapse() {
        assert_eq!(
            clean_text("  قال \u{a0} الوزير\t\tإن  \n  ثم "),
            "قال الوزير إن\nثم"
        );
    }

    #[test]
    fn language_by_script_and_declaration() {
        assert_eq!(language(["قال الوزير إن"], None), "ar");
        assert_eq!(language(["قال الوزير إن"], Some("en")), "ar");
        assert_eq!(language(["The minister said"], Some("en-GB")), "en");
        assert_eq!(language(["The minister said"], None), "und");
        assert_eq!(language(["The minister said"], Some("ar")), "und");
    }
}
