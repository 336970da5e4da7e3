//! The gazetteer file format.
//!
//! UTF-8 text, one entry line per name:
//!
//! ```text
//! # comment
//! kind<TAB>country<TAB>form|form|…
//! ```
//!
//! * `kind` is an [`EntryKind`] name: `country capital city region water org nisba title
//!   org-head body loc-head given person`.
//! * `country` is an ISO 3166-1 alpha-3 code (three ASCII capitals) or `-`.
//! * The forms are separated by `|`; a form may have several words. The first form is the
//!   canonical name of the line, except for kinds whose forms are separate words sharing a
//!   line for brevity (`city`, `title`, `org-head`, `body`, `loc-head`, `given`), where each
//!   form is its own canonical name.
//! * For `nisba`, a form is the masculine singular without the article (روسي); the
//!   feminine, dual, sound plurals and article forms are generated: روسية روسيان روسيين
//!   روسيون روسيات, and each with ال.
//!
//! Blank lines and lines starting with `#` are skipped.

use super::{Entry, EntryKind};
use crate::error::{Error, Result};

/// Parses `text` and appends its entries to `out`.
pub fn parse_into(text: &str, out: &mut Vec<Entry>) -> Result<()> {
    for (i, line) in text.lines().enumerate() {
        let line_no = i + 1;
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() || line.trim_start().starts_with('#') {
            continue;
        }
        let mut cols = line.split('\t');
        let (Some(kind), Some(country), Some(forms), None) =
            (cols.next(), cols.next(), cols.next(), cols.next())
        else {
            return Err(Error::malformed(
                line_no,
                "expected kind<TAB>country<TAB>forms",
            ));
        };
        let kind = EntryKind::parse(kind.trim())
            .ok_or_else(|| Error::malformed(line_no, format!("unknown kind {kind:?}")))?;
        let country = parse_country(country.trim())
            .ok_or_else(|| Error::malformed(line_no, format!("bad country code {country:?}")))?;
        let forms: Vec<&str> = forms.split('|').map(str::trim).collect();
        if forms.iter().any(|f| f.is_empty()) {
            return Err(Error::malformed(line_no, "empty form"));
        }
        let shared_canonical = !matches!(
            kind,
            EntryKind::City
                | EntryKind::Title
                | EntryKind::OrgHead
                | EntryKind::Body
                | EntryKind::LocHead
                | EntryKind::Given
        );
        for form in &forms {
            let canonical = if shared_canonical { forms[0] } else { form };
            if kind == EntryKind::Nisba {
                for generated in nisba_forms(form) {
                    out.push(Entry {
                        kind,
                        canonical: canonical.to_string(),
                        form: generated,
                        country,
                    });
                }
            } else {
                out.push(Entry {
                    kind,
                    canonical: canonical.to_string(),
                    form: form.to_string(),
                    country,
                });
            }
        }
    }
    Ok(())
}

fn parse_country(s: &str) -> Option<Option<[u8; 3]>> {
    if s == "-" {
        return Some(None);
    }
    let b = s.as_bytes();
    (b.len() == 3 && b.iter().all(u8::is_ascii_uppercase)).then(|| Some([b[0], b[1], b[2]]))
}

/// The inflected forms of a nisba given as its masculine singular (روسي).
pub fn nisba_forms(base: &str) -> Vec<String> {
    let mut forms = Vec::with_capacity(14);
    for suffix in ["", "ة", "ان", "ين", "ون", "ات", "تان", "تين"] {
        let bare = format!("{base}{suffix}");
        forms.push(format!("ال{bare}"));
        forms.push(bare);
    }
    forms
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_lines_and_generates_nisbas() {
        let mut out = Vec::new();
        parse_into(
            "# c\n\ncountry\tRUS\tروسيا|روسيا الاتحادية\nnisba\tRUS\tروسي\ncity\tLBY\tبنغازي|سرت\n",
            &mut out,
        )
        .unwrap();
        assert_eq!(out[0].canonical, "روسيا");
        assert_eq!(out[1].form, "روسيا الاتحادية");
        assert_eq!(out[1].canonical, "روسيا");
        assert!(
            out.iter()
                .any(|e| e.form == "الروسية" && e.kind == EntryKind::Nisba)
        );
        let sirte = out.iter().find(|e| e.form == "سرت").unwrap();
        assert_eq!(sirte.canonical, "سرت");
        assert_eq!(sirte.country_code(), Some("LBY"));
    }

    #[test]
    fn rejects_malformed_lines() {
        let bad = [
            "country\tRUS",
            "planet\t-\tالمريخ",
            "country\tru\tروسيا",
            "country\tRUS\tروسيا||موسكو",
            "country\tRUS\tروسيا\textra",
        ];
        for line in bad {
            let err = parse_into(line, &mut Vec::new()).unwrap_err();
            assert_eq!(err.line, Some(1), "{line}");
        }
    }
}
