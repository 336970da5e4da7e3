//! The date lexer: numbers, words and punctuation, after folding digits and letters.

use super::months::fold;

/// A lexical token of a date string.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Tok {
    /// A run of ASCII digits (Arabic-Indic and Persian digits are folded first).
    Num { value: u32, digits: usize },
    /// A run of letters, folded for lookup (lower-case, alef/teh/yeh folds, no diacritics).
    Word(String),
    /// Any other non-space character.
    Punct(char),
}

/// A token and whether whitespace came right before it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Lexeme {
    pub tok: Tok,
    pub space_before: bool,
}

/// Numbers longer than this are not date parts; they lex as a `Num` with `digits` > 8 and a
/// saturated value so nothing matches them.
const MAX_DIGITS: usize = 8;

/// Splits `text` into lexemes. Letters and digits never share a token ("2016م" is two).
pub fn lex(text: &str) -> Vec<Lexeme> {
    let folded = fold(text);
    let mut out = Vec::new();
    let mut chars = folded.chars().peekable();
    let mut space = false;
    while let Some(&c) = chars.peek() {
        if c.is_whitespace() {
            space = true;
            chars.next();
        } else if c.is_ascii_digit() {
            let (mut value, mut digits) = (0u32, 0usize);
            while let Some(&d) = chars.peek().filter(|d| d.is_ascii_digit()) {
                digits += 1;
                value = value
                    .saturating_mul(10)
                    .saturating_add(d as u32 - '0' as u32);
                chars.next();
            }
            if digits > MAX_DIGITS {
                value = u32::MAX;
            }
            out.push(Lexeme {
                tok: Tok::Num { value, digits },
                space_before: space,
            });
            space = false;
        } else if c.is_alphabetic() {
            let mut w = String::new();
            while let Some(&l) = chars.peek().filter(|l| l.is_alphabetic()) {
                w.push(l);
                chars.next();
            }
            out.push(Lexeme {
                tok: Tok::Word(w),
                space_before: space,
            });
            space = false;
        } else {
            chars.next();
            // Tatweel and joiners are already gone; the Arabic comma is a comma.
            let p = if c == '،' { ',' } else { c };
            out.push(Lexeme {
                tok: Tok::Punct(p),
                space_before: space,
            });
            space = false;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_digits_and_splits_markers() {
        let l = lex("٢٤/٥/٢٠١٦م");
        let toks: Vec<_> = l.iter().map(|l| l.tok.clone()).collect();
        assert_eq!(
            toks,
            [
                Tok::Num {
                    value: 24,
                    digits: 2
                },
                Tok::Punct('/'),
                Tok::Num {
                    value: 5,
                    digits: 1
                },
                Tok::Punct('/'),
                Tok::Num {
                    value: 2016,
                    digits: 4
                },
                Tok::Word("م".into()),
            ]
        );
    }

    #[test]
    fn huge_numbers_saturate() {
        let l = lex("99999999999999999999");
        assert!(matches!(
            l[0].tok,
            Tok::Num {
                value: u32::MAX,
                ..
            }
        ));
    }
}
