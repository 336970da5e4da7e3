//! BIO tags and the spans they encode.

use crate::entity::EntityKind;
use std::fmt;

/// Number of tags: `O` and B/I for each of the four kinds.
pub const NUM_TAGS: usize = 9;

/// A BIO tag.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Tag {
    /// Outside any entity.
    O,
    /// Begins an entity of a kind.
    B(EntityKind),
    /// Continues an entity of a kind.
    I(EntityKind),
}

impl Tag {
    /// Every tag, in index order.
    pub const ALL: [Tag; NUM_TAGS] = [
        Tag::O,
        Tag::B(EntityKind::Per),
        Tag::I(EntityKind::Per),
        Tag::B(EntityKind::Org),
        Tag::I(EntityKind::Org),
        Tag::B(EntityKind::Loc),
        Tag::I(EntityKind::Loc),
        Tag::B(EntityKind::Misc),
        Tag::I(EntityKind::Misc),
    ];

    /// The tag's index in [`Tag::ALL`].
    #[inline]
    pub fn index(self) -> usize {
        match self {
            Tag::O => 0,
            Tag::B(k) => 1 + 2 * k.index(),
            Tag::I(k) => 2 + 2 * k.index(),
        }
    }

    /// The tag at `index` (in `0..NUM_TAGS`; anything else is `O`).
    #[inline]
    pub fn from_index(index: usize) -> Tag {
        Tag::ALL.get(index).copied().unwrap_or(Tag::O)
    }

    /// The entity kind, for B and I tags.
    pub fn kind(self) -> Option<EntityKind> {
        match self {
            Tag::O => None,
            Tag::B(k) | Tag::I(k) => Some(k),
        }
    }

    /// Parses `O`, `B-PER`, `I-LOC`…; ANERcorp's `PERS` is accepted for `PER`.
    pub fn parse(s: &str) -> Option<Tag> {
        if s == "O" {
            return Some(Tag::O);
        }
        let (bi, kind) = s.split_once('-')?;
        let kind = EntityKind::parse(kind)?;
        match bi {
            "B" => Some(Tag::B(kind)),
            "I" => Some(Tag::I(kind)),
            _ => None,
        }
    }
}

impl fmt::Display for Tag {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Tag::O => f.write_str("O"),
            Tag::B(k) => write!(f, "B-{k}"),
            Tag::I(k) => write!(f, "I-{k}"),
        }
    }
}

/// A span of tokens `start..end` of one kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct TagSpan {
    /// Its kind.
    pub kind: EntityKind,
    /// First token.
    pub start: usize,
    /// One past the last token.
    pub end: usize,
}

/// The entity spans of a tag sequence, seqeval-style (CoNLL `conlleval` semantics): a span
/// starts at `B-X`, or at `I-X` when the previous tag is not of kind X; it continues over
/// `I-X`.
pub fn spans(tags: &[Tag]) -> Vec<TagSpan> {
    let mut out = Vec::new();
    let mut open: Option<TagSpan> = None;
    for (i, &t) in tags.iter().enumerate() {
        let continues = matches!((t, open), (Tag::I(k), Some(s)) if s.kind == k);
        if continues {
            if let Some(s) = open.as_mut() {
                s.end = i + 1;
            }
            continue;
        }
        if let Some(s) = open.take() {
            out.push(s);
        }
        if let Some(kind) = t.kind() {
            open = Some(TagSpan {
                kind,
                start: i,
                end: i + 1,
            });
        }
    }
    out.extend(open);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use EntityKind::*;

    fn t(s: &str) -> Vec<Tag> {
        s.split_whitespace()
            .map(|x| Tag::parse(x).unwrap())
            .collect()
    }

    #[test]
    fn parse_and_display_round_trip() {
        for tag in Tag::ALL {
            assert_eq!(Tag::parse(&tag.to_string()), Some(tag));
            assert_eq!(Tag::from_index(tag.index()), tag);
        }
        assert_eq!(Tag::parse("B-PERS"), Some(Tag::B(Per)));
        assert_eq!(Tag::parse("X-PER"), None);
        assert_eq!(Tag::parse("B-FOO"), None);
    }

    #[test]
    fn span_table() {
        type Row = (&'static str, &'static [(EntityKind, usize, usize)]);
        let cases: &[Row] = &[
            ("O O", &[]),
            ("B-PER I-PER O B-LOC", &[(Per, 0, 2), (Loc, 3, 4)]),
            // An I- without its B- starts a span (57 such spans in ANERcorp).
            ("O I-ORG I-ORG", &[(Org, 1, 3)]),
            ("B-PER I-LOC", &[(Per, 0, 1), (Loc, 1, 2)]),
            ("B-LOC B-LOC", &[(Loc, 0, 1), (Loc, 1, 2)]),
            ("I-MISC", &[(Misc, 0, 1)]),
        ];
        for (tags, expected) in cases {
            let got: Vec<(EntityKind, usize, usize)> = spans(&t(tags))
                .iter()
                .map(|s| (s.kind, s.start, s.end))
                .collect();
            assert_eq!(&got, expected, "{tags}");
        }
    }
}
