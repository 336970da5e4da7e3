//! The gazetteer layer that [`super::NerModel::recognize`] puts over the tagger.
//!
//! The tagger learns ANERcorp's conventions, and ANERcorp leaves government bodies such as
//! حكومة الوفاق or الجيش الليبي untagged (its حكومة and الجيش are `O`), while an analyst
//! rebuilding actors wants them. Two rules add what the model leaves out:
//!
//! 1. **Government bodies.** A `body` word of the gazetteer (وزارة، حكومة، مجلس، الجيش…)
//!    followed by a complement is an organization:
//!    * an indefinite head (وزارة, حكومة, مجلس) takes a definite noun that is not a title, a
//!      generic word (البلاد، الدولة، العام…) or a relative pronoun, or a listed place:
//!      وزارة الخارجية, حكومة الوفاق, مجلس الأمن, حكومة طرابلس;
//!    * a definite head (الجيش، الحكومة، المجلس) takes a nisba or an official adjective:
//!      الجيش الليبي, الحكومة السورية, المجلس الرئاسي, but not الحكومة الجديدة;
//!    * then definite adjectives follow: nisbas and words ending in ي/ية (مجلس العلاقات
//!      الدولية الأوروبي, حكومة الوفاق الوطني), at most three.
//! 2. **Listed names.** A gazetteer match that names a place or an organization is added
//!    where the tagger found nothing overlapping it, or found only parts of it.
//!
//! A rule span replaces the tagger's spans it covers; it gives way to a tagger span that
//! covers it or crosses its boundary.

use crate::entity::EntityKind;
use crate::gazetteer::{EntryKind, Gazetteer};

/// An entity over tokens, with the proclitic letters of its first token.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Candidate {
    pub kind: EntityKind,
    pub start: usize,
    pub end: usize,
    pub clitic_letters: usize,
}

/// Complements that never make a body a name (search forms).
const GENERIC: [&str; 33] = [
    "البلاد",
    "الدوله",
    "الدول",
    "المدينه",
    "المنطقه",
    "الاداره",
    "العام",
    "العامه",
    "الحالي",
    "الحاليه",
    "الجديد",
    "الجديده",
    "السابق",
    "السابقه",
    "المقبل",
    "المقبله",
    "الماضي",
    "الماضيه",
    "الذي",
    "التي",
    "الذين",
    "اللذين",
    "اللتين",
    "اللاتي",
    "اللواتي",
    "الان",
    "اليوم",
    "الامس",
    "الاسبوع",
    "الشهر",
    "السنه",
    "الاول",
    "الثاني",
];

/// Adjectives that make a definite body a name (search forms).
const OFFICIAL: [&str; 10] = [
    "الوطني",
    "الاعلي",
    "الرئاسي",
    "الاتحادي",
    "التشريعي",
    "الانتقالي",
    "العسكري",
    "المركزي",
    "الدستوري",
    "الثوري",
];

/// [`apply_forms`] from the token texts (the tests' entry point; the tagger has the
/// forms already).
#[cfg(test)]
pub(crate) fn apply(tokens: &[&str], model: Vec<Candidate>, gaz: &Gazetteer) -> Vec<Candidate> {
    use super::features::word_form;
    let mut forms: Vec<String> = Vec::with_capacity(tokens.len());
    for t in tokens {
        let mut f = String::new();
        word_form(t, &mut f);
        forms.push(f);
    }
    let forms: Vec<&str> = forms.iter().map(String::as_str).collect();
    apply_forms(&forms, model, gaz)
}

/// Applies both rules to the tagger's `model` spans of a sentence whose tokens have the
/// word forms `forms` ([`super::features::word_form`]).
pub(crate) fn apply_forms(
    forms: &[&str],
    model: Vec<Candidate>,
    gaz: &Gazetteer,
) -> Vec<Candidate> {
    let mut out = model;
    for r in bodies(forms, gaz) {
        merge(&mut out, r);
    }
    for m in gaz.find_normalized(forms) {
        if let Some(kind) = m.entity_kind()
            && kind != EntityKind::Per
        {
            merge(
                &mut out,
                Candidate {
                    kind,
                    start: m.start,
                    end: m.end,
                    clitic_letters: m.proclitic,
                },
            );
        }
    }
    out.sort_by_key(|c| (c.start, c.end));
    out
}

/// Adds `r` unless a span covers it or crosses its boundary; removes the spans it covers.
fn merge(out: &mut Vec<Candidate>, r: Candidate) {
    let overlaps = |c: &Candidate| c.start < r.end && r.start < c.end;
    let inside = |c: &Candidate| r.start <= c.start && c.end <= r.end;
    if out.iter().any(|c| overlaps(c) && !inside(c)) {
        return;
    }
    out.retain(|c| !overlaps(c));
    out.push(r);
}

fn bodies(forms: &[&str], gaz: &Gazetteer) -> Vec<Candidate> {
    let mut out = Vec::new();
    let mut i = 0;
    while i + 1 < forms.len() {
        let Some((clitic_letters, definite)) = body_head(forms[i], gaz) else {
            i += 1;
            continue;
        };
        let j = i + 1;
        let complement_end = if definite {
            (is_nisba(forms[j], gaz) || OFFICIAL.contains(&forms[j])).then_some(j + 1)
        } else {
            indefinite_complement(forms, j, gaz)
        };
        let Some(mut end) = complement_end else {
            i += 1;
            continue;
        };
        while end < forms.len() && end < j + 4 && is_adjective(forms[end], gaz) {
            end += 1;
        }
        out.push(Candidate {
            kind: EntityKind::Org,
            start: i,
            end,
            clitic_letters,
        });
        i = end;
    }
    out
}

/// When `form` is a body word (after proclitics): its clitic letters and definiteness.
fn body_head(form: &str, gaz: &Gazetteer) -> Option<(usize, bool)> {
    let m = gaz.match_at(&[form], 0)?;
    let entry = m.entries.iter().find(|e| e.kind == EntryKind::Body)?;
    Some((m.proclitic, entry.form.starts_with("ال")))
}

fn indefinite_complement(forms: &[&str], j: usize, gaz: &Gazetteer) -> Option<usize> {
    if let Some(m) = gaz.match_at(forms, j)
        && m.proclitic == 0
        && m.entity_kind() == Some(EntityKind::Loc)
    {
        return Some(m.end);
    }
    let c = forms[j];
    let definite_noun = c.starts_with("ال") && c.chars().count() >= 4;
    let excluded = GENERIC.contains(&c)
        || gaz.single_token_mask(c) & (EntryKind::Title.bit() | EntryKind::Body.bit()) != 0;
    (definite_noun && !excluded).then_some(j + 1)
}

fn is_nisba(form: &str, gaz: &Gazetteer) -> bool {
    gaz.match_at(&[form], 0)
        .is_some_and(|m| m.proclitic == 0 && m.entries.iter().any(|e| e.kind == EntryKind::Nisba))
}

fn is_adjective(form: &str, gaz: &Gazetteer) -> bool {
    is_nisba(form, gaz)
        || (form.starts_with("ال")
            && form.chars().count() >= 5
            && (form.ends_with('ي') || form.ends_with("يه"))
            && !GENERIC.contains(&form))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(sentence: &str) -> Vec<(EntityKind, String)> {
        let tokens: Vec<&str> = sentence.split(' ').collect();
        apply(&tokens, Vec::new(), Gazetteer::embedded())
            .iter()
            .map(|c| (c.kind, tokens[c.start..c.end].join(" ")))
            .collect()
    }

    #[test]
    fn body_table() {
        use EntityKind::*;
        let cases: &[(&str, &[(EntityKind, &str)])] = &[
            (
                "قالت وزارة الخارجية الأمريكية إن",
                &[(Org, "وزارة الخارجية الأمريكية")],
            ),
            ("إن حكومة الوفاق هي الأقرب", &[(Org, "حكومة الوفاق")]),
            (
                "محاولات حكومة الوفاق الوطني لتعزيز",
                &[(Org, "حكومة الوفاق الوطني")],
            ),
            ("دعم الجيش الليبي بقيادة", &[(Org, "الجيش الليبي")]),
            (
                "في مجلس العلاقات الدولية الأوروبي ومقره",
                &[(Org, "مجلس العلاقات الدولية الأوروبي")],
            ),
            ("قال المجلس الرئاسي إن", &[(Org, "المجلس الرئاسي")]),
            // Not names: a generic complement, a title, a plain definite adjective.
            ("إن الحكومة الجديدة ستعمل", &[]),
            ("قالت حكومة البلاد إن", &[]),
            ("حكومة الرئيس السابق", &[]),
            ("هذه الحكومة التي", &[]),
            // Listed names without a body.
            ("وصل إلى موسكو أمس", &[(Loc, "موسكو")]),
            (
                "صناع القرار في أوربا وأمريكا",
                &[(Loc, "أوربا"), (Loc, "وأمريكا")],
            ),
        ];
        for (sentence, expected) in cases {
            let got = run(sentence);
            let expected: Vec<(EntityKind, String)> =
                expected.iter().map(|(k, s)| (*k, s.to_string())).collect();
            assert_eq!(got, expected, "{sentence}");
        }
    }

    #[test]
    fn model_spans_that_cover_a_rule_win() {
        let tokens = ["بنك", "الاستثمار", "الأوروبي", "للتنمية"];
        let model = vec![Candidate {
            kind: EntityKind::Org,
            start: 0,
            end: 4,
            clitic_letters: 0,
        }];
        let out = apply(&tokens, model.clone(), Gazetteer::embedded());
        assert_eq!(out, model);
        // A model span inside the rule's is replaced by it.
        let inner = vec![Candidate {
            kind: EntityKind::Loc,
            start: 1,
            end: 2,
            clitic_letters: 0,
        }];
        let tokens = ["حكومة", "الوفاق", "قالت"];
        let out = apply(&tokens, inner, Gazetteer::embedded());
        assert_eq!(
            (out[0].kind, out[0].start, out[0].end),
            (EntityKind::Org, 0, 2)
        );
    }
}
