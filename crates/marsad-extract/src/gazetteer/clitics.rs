//! Proclitics in front of a name: the candidates a gazetteer (or the tagger) tries for one
//! token in search form.
//!
//! Arabic writes conjunctions (و ف), prepositions (ب ك ل) and the article (ال) attached to
//! the next word, and ل + ال is written لل. A name listed as الولايات must be found in
//! وبالولايات and للولايات, and روسيا in وروسيا and بروسيا. Candidates are offered from the
//! unstripped word to the most stripped one; each leaves at least two letters. The count
//! returned with a candidate is the number of letters that are not part of the name's
//! spelling (for لل, only what precedes it).

use std::borrow::Cow;

const CONJ: [char; 2] = ['و', 'ف'];
const PREP: [char; 3] = ['ب', 'ك', 'ل'];
const MIN_REST: usize = 2;

/// `(letters removed, remaining word)` for `word`, unstripped first. At most four candidates.
pub(crate) fn candidates(word: &str) -> impl Iterator<Item = (usize, Cow<'_, str>)> {
    let mut out: [Option<(usize, Cow<'_, str>)>; 5] = [None, None, None, None, None];
    let mut n = 0;
    out[n] = Some((0, Cow::Borrowed(word)));
    n += 1;
    let mut rest = word;
    let mut removed = 0;
    let mut chars = rest.chars();
    if let Some(c) = chars.next()
        && CONJ.contains(&c)
        && chars.clone().count() >= MIN_REST
    {
        rest = chars.as_str();
        removed = 1;
        out[n] = Some((removed, Cow::Borrowed(rest)));
        n += 1;
    }
    let mut chars = rest.chars();
    if let Some(c) = chars.next()
        && PREP.contains(&c)
        && chars.clone().count() >= MIN_REST
    {
        let after = chars.as_str();
        out[n] = Some((removed + 1, Cow::Borrowed(after)));
        n += 1;
        if c == 'ل' && after.starts_with('ل') {
            // لل = ل + ال with the alef dropped: للولايات → الولايات. The ل is then part of
            // the name's spelling, so the reported clitic stops before it.
            out[n] = Some((removed, Cow::Owned(format!("ا{after}"))));
        }
    }
    out.into_iter().flatten()
}

#[cfg(test)]
mod tests {
    use super::candidates;

    #[test]
    fn offers_stripped_forms() {
        let cases: &[(&str, &[&str])] = &[
            ("روسيا", &["روسيا"]),
            ("وروسيا", &["وروسيا", "روسيا"]),
            ("بروسيا", &["بروسيا", "روسيا"]),
            ("وبالعراق", &["وبالعراق", "بالعراق", "العراق"]),
            ("للولايات", &["للولايات", "لولايات", "الولايات"]),
            ("ول", &["ول"]),
            ("وبه", &["وبه", "به"]),
        ];
        for (word, expected) in cases {
            let got: Vec<String> = candidates(word).map(|(_, c)| c.into_owned()).collect();
            assert_eq!(&got, expected, "{word}");
        }
    }
}
