//! Normalization in separately switchable folds, split into lossless and lossy.
//!
//! * **Lossless** folds ([`Folds::LOSSLESS`]) remove or unify what carries no lexical meaning
//!   in news text: presentation forms (NFKC), diacritics, tatweel, invisible controls,
//!   non-ASCII digits and Persian/Urdu letter variants. Display and extraction use these.
//! * **Lossy** folds ([`Folds::LOSSY`]) conflate letters that writers confuse: alef forms,
//!   alef maksura, teh marbuta, hamza seats, Latin case. Only search uses them.
//!
//! [`normalize`] returns the text with an [`OffsetMap`] back to the input;
//! [`normalize_into`] is the allocation-free hot path used per token by the analyzer.

mod lossless;
mod lossy;

use crate::offsets::OffsetMap;

/// A set of normalization folds. Combine with `|`.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct Folds(u16);

impl Folds {
    /// No fold at all.
    pub const NONE: Folds = Folds(0);
    /// NFKC on compatibility characters, chiefly Arabic presentation forms (ﻻ → لا, ﷲ → الله).
    pub const NFKC: Folds = Folds(1 << 0);
    /// Remove harakat, tanween, shadda, sukun, superscript alef and Quranic marks.
    pub const DIACRITICS: Folds = Folds(1 << 1);
    /// Remove tatweel (ـ).
    pub const TATWEEL: Folds = Folds(1 << 2);
    /// Remove zero-width and bidi controls (ZWJ, ZWNJ, LRM, RLM, ALM, BOM…).
    pub const CONTROLS: Folds = Folds(1 << 3);
    /// Map Arabic-Indic and Persian digits (and the Arabic decimal/thousands separators) to ASCII.
    pub const DIGITS: Folds = Folds(1 << 4);
    /// Fold Persian/Urdu letters to their Arabic counterparts: ک → ك, ی/ے → ي, ہ/ھ → ه.
    pub const PERSIAN: Folds = Folds(1 << 5);
    /// Lossy: أ إ آ ٱ → ا.
    pub const ALEF: Folds = Folds(1 << 6);
    /// Lossy: ى → ي.
    pub const ALEF_MAKSURA: Folds = Folds(1 << 7);
    /// Lossy: ة → ه.
    pub const TEH_MARBUTA: Folds = Folds(1 << 8);
    /// Lossy: ؤ → و.
    pub const WAW_HAMZA: Folds = Folds(1 << 9);
    /// Lossy: ئ → ي.
    pub const YEH_HAMZA: Folds = Folds(1 << 10);
    /// Lossy: lower-case letters of cased scripts (Latin, Greek, Cyrillic).
    pub const LOWERCASE: Folds = Folds(1 << 11);

    /// Every lossless fold.
    pub const LOSSLESS: Folds = Folds(
        Self::NFKC.0
            | Self::DIACRITICS.0
            | Self::TATWEEL.0
            | Self::CONTROLS.0
            | Self::DIGITS.0
            | Self::PERSIAN.0,
    );
    /// Every lossy fold.
    pub const LOSSY: Folds = Folds(
        Self::ALEF.0
            | Self::ALEF_MAKSURA.0
            | Self::TEH_MARBUTA.0
            | Self::WAW_HAMZA.0
            | Self::YEH_HAMZA.0
            | Self::LOWERCASE.0,
    );
    /// What marsad's search index uses: everything.
    pub const SEARCH: Folds = Folds(Self::LOSSLESS.0 | Self::LOSSY.0);
    /// Exactly Lucene's `ArabicNormalizationFilter`: alef forms آ أ إ, ى, ة, tatweel and
    /// harakat (fathatan … sukun, shadda). Lucene folds neither ٱ nor the hamza seats.
    pub const LUCENE: Folds = Folds(
        Self::DIACRITICS.0
            | Self::TATWEEL.0
            | Self::ALEF.0
            | Self::ALEF_MAKSURA.0
            | Self::TEH_MARBUTA.0
            | LUCENE_ONLY,
    );

    /// True when every fold of `other` is in `self`.
    #[inline]
    pub const fn contains(self, other: Folds) -> bool {
        self.0 & other.0 == other.0
    }

    /// `self` with the folds of `other` added.
    #[inline]
    pub const fn with(self, other: Folds) -> Folds {
        Folds(self.0 | other.0)
    }

    /// `self` with the folds of `other` removed.
    #[inline]
    pub const fn without(self, other: Folds) -> Folds {
        Folds(self.0 & !other.0)
    }

    /// True when no fold of this set can change the length of a text.
    pub const fn preserves_length(self) -> bool {
        !self.intersects(Folds(
            Self::NFKC.0 | Self::DIACRITICS.0 | Self::TATWEEL.0 | Self::CONTROLS.0,
        ))
    }

    #[inline]
    const fn intersects(self, other: Folds) -> bool {
        self.0 & other.0 != 0
    }

    /// The names of the folds in this set, for diagnostics and `Debug`.
    pub fn names(self) -> Vec<&'static str> {
        NAMES
            .iter()
            .filter(|(f, _)| self.contains(*f))
            .map(|&(_, n)| n)
            .collect()
    }

    /// Parses a comma-separated list of fold names (as printed by [`Folds::names`]), or one
    /// of the presets `lossless`, `lossy`, `search`, `lucene`, `none`.
    pub fn parse(list: &str) -> Option<Folds> {
        let mut folds = Folds::NONE;
        for name in list.split(',').map(str::trim).filter(|s| !s.is_empty()) {
            let f = match name {
                "none" => Folds::NONE,
                "lossless" => Folds::LOSSLESS,
                "lossy" => Folds::LOSSY,
                "search" => Folds::SEARCH,
                "lucene" => Folds::LUCENE,
                _ => NAMES.iter().find(|(_, n)| *n == name)?.0,
            };
            folds = folds.with(f);
        }
        Some(folds)
    }
}

/// Lucene's harakat set is FATHATAN..SUKUN plus SHADDA only; this private bit narrows
/// [`Folds::DIACRITICS`] to it so the Lucene preset is exact.
const LUCENE_ONLY: u16 = 1 << 15;

const NAMES: [(Folds, &str); 12] = [
    (Folds::NFKC, "nfkc"),
    (Folds::DIACRITICS, "diacritics"),
    (Folds::TATWEEL, "tatweel"),
    (Folds::CONTROLS, "controls"),
    (Folds::DIGITS, "digits"),
    (Folds::PERSIAN, "persian"),
    (Folds::ALEF, "alef"),
    (Folds::ALEF_MAKSURA, "alef-maksura"),
    (Folds::TEH_MARBUTA, "teh-marbuta"),
    (Folds::WAW_HAMZA, "waw-hamza"),
    (Folds::YEH_HAMZA, "yeh-hamza"),
    (Folds::LOWERCASE, "lowercase"),
];

impl std::ops::BitOr for Folds {
    type Output = Folds;
    fn bitor(self, rhs: Folds) -> Folds {
        self.with(rhs)
    }
}

impl std::fmt::Debug for Folds {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Folds({})", self.names().join("|"))
    }
}

/// A normalized text and the map back to the text it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Normalized {
    /// The normalized text.
    pub text: String,
    /// Char offsets of `text` back into the original.
    pub map: OffsetMap,
}

/// Normalizes `text` with `folds`, keeping an offset map back to `text`.
pub fn normalize(text: &str, folds: Folds) -> Normalized {
    let mut out = String::with_capacity(text.len());
    let mut map = OffsetMap::with_capacity(text.len() / 2);
    let mut src = 0u32;
    for c in text.chars() {
        let before = out.len();
        fold_char(c, folds, &mut out);
        if out.len() == before {
            map.push_dropped(src);
        } else {
            for _ in out[before..].chars() {
                map.push_emitted(src);
            }
        }
        src += 1;
    }
    map.finish(src);
    Normalized { text: out, map }
}

/// Appends the normalization of `text` to `out`, without an offset map.
///
/// This is the hot path: per token, into a reused buffer. ASCII bytes skip the fold tables
/// unless lower-casing is on.
#[inline]
pub fn normalize_into(text: &str, folds: Folds, out: &mut String) {
    let lower = folds.contains(Folds::LOWERCASE);
    for c in text.chars() {
        if c.is_ascii() {
            out.push(if lower { c.to_ascii_lowercase() } else { c });
        } else {
            fold_char(c, folds, out);
        }
    }
}

/// Returns `true` when [`normalize_into`] would leave `text` unchanged, so callers can
/// borrow instead of copying.
#[inline]
pub fn is_normalized(text: &str, folds: Folds) -> bool {
    let mut buf = String::new();
    text.chars().all(|c| {
        buf.clear();
        fold_char(c, folds, &mut buf);
        buf.len() == c.len_utf8() && buf.starts_with(c)
    })
}

/// Appends the normalization of one character to `out` (nothing when the fold drops it).
#[inline]
pub fn fold_char(c: char, folds: Folds, out: &mut String) {
    if c.is_ascii() {
        out.push(if folds.contains(Folds::LOWERCASE) {
            c.to_ascii_lowercase()
        } else {
            c
        });
        return;
    }
    if lossless::drops(c, folds) {
        return;
    }
    if folds.contains(Folds::NFKC) && lossless::nfkc_applies(c) {
        // A presentation form may expand to several letters (ﷲ → الله); each of them
        // goes through the remaining folds.
        let mut expanded = [0u8; 64];
        let mut n = 0;
        for d in lossless::nfkc(c) {
            if n + d.len_utf8() > expanded.len() {
                break;
            }
            n += d.encode_utf8(&mut expanded[n..]).len();
        }
        let expanded = std::str::from_utf8(&expanded[..n]).unwrap_or_default();
        let rest = folds.without(Folds::NFKC);
        for d in expanded.chars() {
            fold_char(d, rest, out);
        }
        return;
    }
    let c = lossless::map_char(c, folds);
    out.push(lossy::map_char(c, folds));
}

#[cfg(test)]
mod tests;
