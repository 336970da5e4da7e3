//! The clitic inventory: proclitics, the stacks they may form, and enclitic pronouns.

/// A proclitic: a one-letter particle (or the article) written joined to the front of a word.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Proclitic {
    /// و, the conjunction "and".
    Wa,
    /// ف, the conjunction "so, then".
    Fa,
    /// ب, the preposition "with, by, in".
    Bi,
    /// ك, the preposition "like, as".
    Ka,
    /// ل, the preposition "for, to" (or the lam of purpose before a verb).
    Li,
    /// ال, the definite article. After ل it is written without its alef (لل = ل + ال).
    Al,
    /// س, the future particle before an imperfect verb.
    Sa,
}

impl Proclitic {
    /// The clitic's dictionary form: `ال` for the article even where only its lam is written.
    pub fn form(self) -> &'static str {
        match self {
            Proclitic::Wa => "و",
            Proclitic::Fa => "ف",
            Proclitic::Bi => "ب",
            Proclitic::Ka => "ك",
            Proclitic::Li => "ل",
            Proclitic::Al => "ال",
            Proclitic::Sa => "س",
        }
    }

    /// A short stable name for reports: `conj-wa`, `det-al`…
    pub fn name(self) -> &'static str {
        match self {
            Proclitic::Wa => "conj-wa",
            Proclitic::Fa => "conj-fa",
            Proclitic::Bi => "prep-bi",
            Proclitic::Ka => "prep-ka",
            Proclitic::Li => "prep-li",
            Proclitic::Al => "det-al",
            Proclitic::Sa => "fut-sa",
        }
    }
}

/// An enclitic pronoun, written joined to the end of a word (at most one per word).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Enclitic {
    /// ه, "him, his".
    Hu,
    /// ها, "her, its".
    Ha,
    /// هم, "them, their" (masculine plural).
    Hum,
    /// هما, "them, their" (dual).
    Huma,
    /// هن, "them, their" (feminine plural).
    Hunna,
    /// ك, "you, your" (singular).
    Ka,
    /// كم, "you, your" (masculine plural).
    Kum,
    /// كن, "you, your" (feminine plural).
    Kunna,
    /// نا, "us, our".
    Na,
    /// ني, "me" (object of a verb).
    Ni,
    /// ي, "me, my".
    Ya,
}

impl Enclitic {
    /// How the pronoun is written.
    pub fn form(self) -> &'static str {
        ENCLITICS[self as usize].0
    }
}

/// Enclitics with their written forms, in `Enclitic` discriminant order.
pub(crate) const ENCLITICS: [(&str, Enclitic); 11] = [
    ("ه", Enclitic::Hu),
    ("ها", Enclitic::Ha),
    ("هم", Enclitic::Hum),
    ("هما", Enclitic::Huma),
    ("هن", Enclitic::Hunna),
    ("ك", Enclitic::Ka),
    ("كم", Enclitic::Kum),
    ("كن", Enclitic::Kunna),
    ("نا", Enclitic::Na),
    ("ني", Enclitic::Ni),
    ("ي", Enclitic::Ya),
];

/// A stack of proclitics as it is written at the front of a word.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Stack {
    /// The written form, e.g. `وبال`, `فلل`.
    pub surface: &'static str,
    /// The clitics, outermost first.
    pub clitics: &'static [Proclitic],
}

impl Stack {
    pub fn has(&self, p: Proclitic) -> bool {
        self.clitics.contains(&p)
    }

    /// The last (innermost) clitic.
    pub fn last(&self) -> Proclitic {
        // Every stack in STACKS is non-empty.
        self.clitics[self.clitics.len() - 1]
    }
}

use Proclitic::{Al, Bi, Fa, Ka, Li, Sa, Wa};

macro_rules! stacks {
    ($($s:literal => [$($p:ident),+]),+ $(,)?) => {
        [$(Stack { surface: $s, clitics: &[$($p),+] }),+]
    };
}

/// Every proclitic stack marsad recognises: an optional conjunction (و or ف) followed by
/// nothing, the future س, a preposition (ب ك ل), the article, or a preposition and the
/// article (لل for ل + ال). Index 0 in a packed decision means "no stack", so stack `i` is
/// packed as `i + 1`.
pub(crate) const STACKS: [Stack; 26] = stacks![
    "و" => [Wa], "ف" => [Fa],
    "س" => [Sa], "وس" => [Wa, Sa], "فس" => [Fa, Sa],
    "ب" => [Bi], "وب" => [Wa, Bi], "فب" => [Fa, Bi],
    "ك" => [Ka], "وك" => [Wa, Ka], "فك" => [Fa, Ka],
    "ل" => [Li], "ول" => [Wa, Li], "فل" => [Fa, Li],
    "ال" => [Al], "وال" => [Wa, Al], "فال" => [Fa, Al],
    "بال" => [Bi, Al], "وبال" => [Wa, Bi, Al], "فبال" => [Fa, Bi, Al],
    "كال" => [Ka, Al], "وكال" => [Wa, Ka, Al], "فكال" => [Fa, Ka, Al],
    "لل" => [Li, Al], "ولل" => [Wa, Li, Al], "فلل" => [Fa, Li, Al],
];

/// The longest stack has three clitics.
pub(crate) const MAX_PROCLITICS: usize = 3;

/// The index in [`STACKS`] of the stack with the same clitics minus the article, if any
/// (e.g. وبال → وب, ال → none). Used to estimate a split from the attested definite form.
pub(crate) fn without_article(i: usize) -> Option<Option<usize>> {
    let s = &STACKS[i];
    if !s.has(Al) {
        return None;
    }
    let rest = &s.clitics[..s.clitics.len() - 1];
    if rest.is_empty() {
        return Some(None);
    }
    Some(STACKS.iter().position(|t| t.clitics == rest))
}

/// The index in [`STACKS`] of the stack with the article appended, if that is a stack.
pub(crate) fn with_article(i: Option<usize>) -> Option<usize> {
    match i {
        None => STACKS.iter().position(|t| t.clitics == [Al]),
        Some(i) => {
            let s = &STACKS[i];
            if s.has(Al) || s.has(Sa) {
                return None;
            }
            STACKS.iter().position(|t| {
                t.clitics.len() == s.clitics.len() + 1
                    && t.clitics.starts_with(s.clitics)
                    && t.last() == Al
            })
        }
    }
}

/// Byte lengths of each clitic of a stack as written: two bytes per letter, the article four
/// (ال) or two after ل (لل).
pub(crate) fn clitic_lengths(stack: &Stack) -> impl Iterator<Item = (Proclitic, usize)> + '_ {
    stack.clitics.iter().enumerate().map(|(i, &p)| {
        let len = match p {
            Al if i > 0 && stack.clitics[i - 1] == Li => 2,
            Al => 4,
            _ => 2,
        };
        (p, len)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stack_tables_are_consistent() {
        for (i, s) in STACKS.iter().enumerate() {
            let total: usize = clitic_lengths(s).map(|(_, n)| n).sum();
            assert_eq!(total, s.surface.len(), "{}", s.surface);
            assert!(s.clitics.len() <= MAX_PROCLITICS);
            let forms: String = s.clitics.iter().map(|p| p.form()).collect();
            // The written form drops the article's alef after ل and nothing else.
            assert_eq!(forms.replace("لال", "لل"), s.surface);
            assert!(STACKS[..i].iter().all(|t| t.surface != s.surface));
        }
        for (i, &(form, e)) in ENCLITICS.iter().enumerate() {
            assert_eq!(e as usize, i);
            assert_eq!(e.form(), form);
        }
        let idx = |s: &str| STACKS.iter().position(|t| t.surface == s);
        assert_eq!(without_article(idx("وبال").unwrap()), Some(idx("وب")));
        assert_eq!(without_article(idx("ال").unwrap()), Some(None));
        assert_eq!(without_article(idx("وب").unwrap()), None);
        assert_eq!(with_article(idx("ول")), idx("ولل"));
        assert_eq!(with_article(None), idx("ال"));
        assert_eq!(with_article(idx("فس")), None);
    }
}
