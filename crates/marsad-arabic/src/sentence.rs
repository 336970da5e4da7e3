//! Sentence splitting for Arabic news text.
//!
//! Boundaries are `.` `!` `?` `؟` `…` `۔` and paragraph breaks (a blank line, or U+2029).
//! Not boundaries:
//! * the `.` inside decimals, dates and times (the tokenizer keeps those in one token);
//! * the `.` after a title abbreviation: `د.` `أ.د.` `م.` (but `2016م.` does end a sentence);
//! * a full stop inside a quotation: «… انتهى. ثم …» stays one sentence, and a stop right
//!   before the closing quote ends the sentence *after* the quote.
//!
//! A quotation left open at the end of a paragraph is taken to be a stray quote mark, and
//! that paragraph is split again as if it had no quotes, so one bad `"` never swallows text.

use crate::token::{Token, TokenKind, tokenize};
use std::ops::Range;

/// A sentence: its spans in the text and the range of tokens it holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    /// Char span in the text, from the first token's start to the last token's end.
    pub start: usize,
    /// End of the char span, exclusive.
    pub end: usize,
    /// Byte span in the text.
    pub byte_start: usize,
    /// End of the byte span, exclusive.
    pub byte_end: usize,
    /// Indices into the token slice the sentence was built from.
    pub tokens: Range<usize>,
}

impl Sentence {
    /// The sentence's text, sliced from the input.
    pub fn text<'a>(&self, input: &'a str) -> &'a str {
        &input[self.byte_start..self.byte_end]
    }
}

/// Tokenizes `text` and splits it into sentences.
pub fn split_sentences(text: &str) -> Vec<Sentence> {
    sentences_from_tokens(text, &tokenize(text))
}

/// Splits already-tokenized `text` into sentences; `tokens` must come from `text`.
pub fn sentences_from_tokens(text: &str, tokens: &[Token]) -> Vec<Sentence> {
    let mut out = Vec::new();
    let mut para_start = 0;
    for i in 0..=tokens.len() {
        let breaks_here = i == tokens.len()
            || (i > 0 && line_breaks(&text[tokens[i - 1].byte_end..tokens[i].byte_start]) >= 2);
        if breaks_here && i > para_start {
            let para = para_start..i;
            if !split_paragraph(text, tokens, para.clone(), true, &mut out) {
                split_paragraph(text, tokens, para, false, &mut out);
            }
            para_start = i;
        }
    }
    out
}

/// Counts line breaks in inter-token whitespace (CRLF once; U+2029 counts as a paragraph).
fn line_breaks(space: &str) -> u32 {
    let mut n = 0;
    let mut prev_cr = false;
    for c in space.chars() {
        n += match c {
            '\n' if prev_cr => 0,
            '\n' | '\r' | '\u{2028}' | '\u{0085}' => 1,
            '\u{2029}' => 2,
            _ => 0,
        };
        prev_cr = c == '\r';
    }
    n
}

/// Splits one paragraph, appending sentences to `out`. With `quotes`, full stops inside
/// quotations don't split; returns `false` (and appends nothing) if a quotation is left
/// open at the paragraph's end.
fn split_paragraph(
    text: &str,
    tokens: &[Token],
    para: Range<usize>,
    quotes: bool,
    out: &mut Vec<Sentence>,
) -> bool {
    let mark = out.len();
    let mut quote = QuoteState::default();
    let mut start = para.start;
    // Set after a sentence-final mark: the sentence ends once closers are absorbed.
    let mut ending = false;
    for i in para.clone() {
        let t = &tokens[i];
        let s = t.text(text);
        if ending && !is_closer(s, &quote, quotes) && !is_terminal(t, s) {
            push(tokens, start..i, out);
            start = i;
            ending = false;
        }
        let inside_before = quote.depth() > 0;
        if quotes {
            quote.update(s);
        }
        let inside = quote.depth() > 0;
        if is_terminal(t, s) && !is_abbreviation(text, tokens, i, para.start) {
            if !inside {
                ending = true;
            }
        } else if inside_before && !inside && i > para.start {
            // A quotation just closed: if a stop came right before it, the sentence ends here.
            let prev = &tokens[i - 1];
            if is_terminal(prev, prev.text(text)) {
                ending = true;
            }
        }
    }
    if quotes && quote.depth() > 0 {
        out.truncate(mark);
        return false;
    }
    if start < para.end {
        push(tokens, start..para.end, out);
    }
    true
}

fn push(tokens: &[Token], range: Range<usize>, out: &mut Vec<Sentence>) {
    let (first, last) = (&tokens[range.start], &tokens[range.end - 1]);
    out.push(Sentence {
        start: first.start,
        end: last.end,
        byte_start: first.byte_start,
        byte_end: last.byte_end,
        tokens: range,
    });
}

fn is_terminal(t: &Token, s: &str) -> bool {
    t.kind == TokenKind::Punct && matches!(s, "." | "!" | "?" | "؟" | "…" | "۔")
}

/// Closers that belong to the sentence they follow: closing quotes and brackets.
fn is_closer(s: &str, quote: &QuoteState, quotes: bool) -> bool {
    match s {
        ")" | "]" | "}" => true,
        "»" | "”" | "›" | "’" => quotes,
        // A straight quote after a stop closes an open quotation, never opens one.
        "\"" | "'" => quotes && quote.straight_open,
        _ => false,
    }
}

/// Title abbreviations that take a full stop inside a sentence.
const ARABIC_ABBREVIATIONS: &[&str] = &["د", "أ", "ا", "م", "ش", "ب", "ج"];
const LATIN_ABBREVIATIONS: &[&str] = &["Dr", "Mr", "Mrs", "Ms", "Prof", "St", "Jr", "Sr", "vs"];

/// True when the `.` at token `i` ends an abbreviation rather than a sentence.
fn is_abbreviation(text: &str, tokens: &[Token], i: usize, para_start: usize) -> bool {
    if tokens[i].text(text) != "." || i == para_start {
        return false;
    }
    let prev = &tokens[i - 1];
    if prev.end != tokens[i].start {
        return false;
    }
    let p = prev.text(text);
    match prev.kind {
        TokenKind::ArabicWord if ARABIC_ABBREVIATIONS.contains(&p) => {
            // `2016م.` is "AD" at the end of a sentence, not the engineer's title.
            !(i >= para_start + 2 && tokens[i - 2].kind == TokenKind::Number)
        }
        TokenKind::LatinWord => {
            LATIN_ABBREVIATIONS.contains(&p)
                || (p.chars().count() == 1 && p.chars().all(char::is_uppercase))
        }
        _ => false,
    }
}

/// Open quotations, by kind: guillemets and curly quotes nest; a straight quote toggles.
#[derive(Debug, Default)]
struct QuoteState {
    guillemets: u32,
    curly: u32,
    single: u32,
    straight_open: bool,
}

impl QuoteState {
    fn depth(&self) -> u32 {
        self.guillemets + self.curly + self.single + u32::from(self.straight_open)
    }

    fn update(&mut self, s: &str) {
        match s {
            "«" => self.guillemets += 1,
            "»" => self.guillemets = self.guillemets.saturating_sub(1),
            "“" => self.curly += 1,
            "”" => self.curly = self.curly.saturating_sub(1),
            "‹" => self.single += 1,
            "›" => self.single = self.single.saturating_sub(1),
            "\"" => self.straight_open = !self.straight_open,
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn render(text: &str) -> Vec<&str> {
        split_sentences(text).iter().map(|s| s.text(text)).collect()
    }

    macro_rules! test_sentences {
        ($($name:ident: $input:expr => [$($expected:expr),* $(,)?];)*) => {$(
            #[test]
            fn $name() {
                let expected: Vec<&str> = vec![$($expected),*];
                assert_eq!(render($input), expected, "split({:?})", $input);
            }
        )*};
    }

    test_sentences! {
        full_stops: "وصل الوفد. بدأت المحادثات." => ["وصل الوفد.", "بدأت المحادثات."];
        arabic_question_and_bang: "هل انتهى؟ نعم! بالتأكيد" => ["هل انتهى؟", "نعم!", "بالتأكيد"];
        paragraph_break_without_stop: "العنوان\n\nالنص الأول" => ["العنوان", "النص الأول"];
        single_newline_does_not_split: "سطر أول\nيكمل الجملة." => ["سطر أول\nيكمل الجملة."];
        crlf_paragraphs: "أ ب\r\n\r\nج د" => ["أ ب", "ج د"];
        decimal_does_not_split: "نما الاقتصاد 3.5 بالمئة. ثم تراجع." => [
            "نما الاقتصاد 3.5 بالمئة.", "ثم تراجع.",
        ];
        date_does_not_split: "في 24.05.2016 وصل الوفد. ثم غادر." => [
            "في 24.05.2016 وصل الوفد.", "ثم غادر.",
        ];
        doctor_abbreviation: "قال د. محمد علي إن الوضع خطير. وأضاف." => [
            "قال د. محمد علي إن الوضع خطير.", "وأضاف.",
        ];
        professor_doctor: "حاضر أ.د. سالم في الجامعة. ثم غادر." => [
            "حاضر أ.د. سالم في الجامعة.", "ثم غادر.",
        ];
        year_suffix_ends_sentence: "تأسست عام 2016م. ثم توسعت." => ["تأسست عام 2016م.", "ثم توسعت."];
        quote_spans_full_stop: "قال: «لن نتراجع. سنواصل» ثم غادر. انتهى." => [
            "قال: «لن نتراجع. سنواصل» ثم غادر.", "انتهى.",
        ];
        stop_before_closing_quote: "قال: «لن نتراجع.» وغادر القاعة." => [
            "قال: «لن نتراجع.»", "وغادر القاعة.",
        ];
        straight_quotes: "وأضاف \"ربما. لا أعلم\". ثم صمت." => [
            "وأضاف \"ربما. لا أعلم\".", "ثم صمت.",
        ];
        unbalanced_quote_is_ignored: "قال \"نعم. ثم ذهب. وعاد." => [
            "قال \"نعم.", "ثم ذهب.", "وعاد.",
        ];
        ellipsis_group: "انتظر... ثم تكلم." => ["انتظر...", "ثم تكلم."];
        closing_bracket_stays: "(انتهى الاجتماع.) وبدأ آخر." => ["(انتهى الاجتماع.)", "وبدأ آخر."];
        latin_initials: "met J. Smith today. Then left." => ["met J. Smith today.", "Then left."];
        empty: "" => [];
    }

    #[test]
    fn sentences_carry_token_ranges_and_spans() {
        let text = "أولى. ثانية";
        let tokens = tokenize(text);
        let s = sentences_from_tokens(text, &tokens);
        assert_eq!(s.len(), 2);
        assert_eq!(s[0].tokens, 0..2);
        assert_eq!(s[1].tokens, 2..3);
        assert_eq!((s[1].start, s[1].end), (6, 11));
    }

    mod properties {
        use super::*;
        use proptest::prelude::*;

        proptest! {
            #[test]
            fn sentences_partition_the_tokens(s in "[\\u0621-\\u064A .؟!«»\"\n0-9/:]{0,80}") {
                let tokens = tokenize(&s);
                let sentences = sentences_from_tokens(&s, &tokens);
                let mut next = 0;
                for sent in &sentences {
                    prop_assert_eq!(sent.tokens.start, next);
                    prop_assert!(sent.tokens.end > sent.tokens.start);
                    next = sent.tokens.end;
                }
                prop_assert_eq!(next, tokens.len());
            }

            #[test]
            fn any_string_is_safe(s in any::<String>()) {
                let _ = split_sentences(&s);
            }
        }
    }
}
