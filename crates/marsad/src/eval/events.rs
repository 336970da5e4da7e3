//! `marsad eval events`: event extraction (`pipeline::extract(body).events`) against two golds.
//!
//! **Part A: PROTEST, public gold** (`openeventdata/arabic_event_gsr`, `../shared/data/events/`).
//!
//! * *Detection* (`protest_gsr.csv`, one sentence a row): a sentence is flagged when the
//!   extraction of its text holds an event of the row's `event_type` (PROTEST throughout the
//!   file) that the text says took place: certainty `confirmed` or `reported` (a planned,
//!   hedged or denied protest is not a reported protest event). Positives are `yes`, negatives `easy no` and `difficult no`; `ambiguous` rows stay
//!   out of P/R/F1 and are only counted when flagged. The false-positive rate is given for
//!   each kind of no.
//! * *Source actors* (`protest_spans.json`): every sentence codes one event; `spans` holds each
//!   coder's version of it and `source_gold` / `verb_gold` the tokens common to all coders
//!   (in no particular order). The **consensus** view has one gold event per sentence with a
//!   non-empty `verb_gold`; the **any coder** view has one per sentence with the union of the
//!   coders' tokens. Tokens are located in the text as words, in each coder's order; a token
//!   that cannot be found is skipped. A gold event is *found* when a predicted event (of the
//!   gold type, or of any type: both are printed) has a cue overlapping a located verb token
//!   (the largest overlap wins); its source is correct when the predicted source shares a
//!   word with the gold source tokens ([`key_words`]), or when neither names a source. The
//!   consensus source is `source_gold`, else (coders disagree) any coder's source.
//! * *The panel* (`accept`/`total` columns, when present): a `yes` is unanimous and a
//!   `difficult no` a split vote, so two reference figures are printed beside detection:
//!   the expected score of one coder of the panel against the same labels, and marsad's
//!   flags against the majority vote ([`PanelTally`]).
//! * Split: a sentence is **dev** when the first hex digit of sha1(id) is below 8 (`_id` for
//!   the spans file), **test** otherwise.
//!
//! **Part B: marsad's own gold** (`crates/marsad-extract/tests/gold/events.jsonl`, offsets into
//! SaudiNewsNet `content`; the guide is `docs/annotation.md`). A predicted event matches a gold
//! event when the types are equal and the triggers overlap (one to one, greedy by overlap);
//! an untyped "trigger only" matching separates detection from classification. Over matched
//! events: source and target are correct when the spans overlap or both are null, certainty
//! when the labels are equal, the date (where the gold has one) when the spans overlap.
//! Parts: `order` < 120 tuning (the quote set, which the rules were written against),
//! 120–179 held out ([`super::EVENTS_HELD_OUT`]), 180 on the learned filter's training
//! articles ("filter"). Each part is scored three times: the extraction (the rules' events,
//! the vetoed candidates the filter keeps, and the words the learned trigger detector takes
//! for events), the extraction without the detector, and the rules alone (the candidates no
//! rule vetoed).
//! Skipped, with a message, while the gold file does not exist.
//!
//! Every floor gates the "all" figures; `--errors` lists dev, tuning and filter errors only, never
//! those of the test or held-out parts.

use super::{
    Confusion, EVENTS_HELD_OUT, GoldRef, add_confusion, certainty_index, f1, folded_words,
    greedy_one_to_one, load_gold, print_confusion, ratio,
};
use crate::input;
use anyhow::{Context, Result, bail};
use marsad_core::{Argument, CertaintyLabel, Event, EventType};
use marsad_extract::claims::words::strip_conjunction;
use marsad_extract::events::filter::EventFilter;
use marsad_extract::events::roles::RoleModel;
use marsad_extract::events::{rules_only, select, select_with, without_learned};
use marsad_extract::pipeline::{extract_batch, extract_candidates_batch};
use serde::Deserialize;
use serde_json::{Value, json};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Part A: the PROTEST sentence labels (CSV: id, label, text, event_type).
    #[arg(long, default_value = "../shared/data/events/protest_gsr.csv")]
    pub gsr: PathBuf,
    /// Part A: the PROTEST sentences with coded source, verb and target spans (JSON).
    #[arg(long, default_value = "../shared/data/events/protest_spans.json")]
    pub spans: PathBuf,
    /// Part B: marsad's own event gold (JSONL, one article per line); skipped when missing.
    #[arg(long, default_value = "crates/marsad-extract/tests/gold/events.jsonl")]
    pub gold: PathBuf,
    /// Part B: the corpus the gold offsets point into (SaudiNewsNet sample, `.jsonl.gz`);
    /// required when the gold exists.
    #[arg(long)]
    pub corpus: Option<PathBuf>,
    /// Fail when the part A detection F1 (all sentences) is below this.
    #[arg(long, default_value_t = 0.0)]
    pub floor_f1: f64,
    /// Fail when the part A source accuracy (consensus events of the gold type, over all of
    /// them, all sentences) is below this.
    #[arg(long, default_value_t = 0.0)]
    pub floor_source: f64,
    /// Fail when the part B event F1 (typed, all articles) is below this.
    #[arg(long, default_value_t = 0.0)]
    pub floor_event_f1: f64,
    /// Fail when the part B certainty accuracy (matched events, all articles) is below this.
    #[arg(long, default_value_t = 0.0)]
    pub floor_certainty: f64,
    /// Fail when the part B source accuracy (matched events, all articles) is below this.
    #[arg(long, default_value_t = 0.0)]
    pub floor_event_source: f64,
    /// Fail when the part B target accuracy (matched events, all articles) is below this.
    #[arg(long, default_value_t = 0.0)]
    pub floor_event_target: f64,
    /// Print the misses, false alarms and wrong arguments of the dev (A), tuning and filter
    /// (B) parts: never those of the test or held-out parts.
    #[arg(long)]
    pub errors: bool,
    /// Print the figures as one JSON object (errors, if asked for, go to stderr).
    #[arg(long)]
    pub json: bool,
}

// ----------------------------------------------------------------------------------------
// Splits

/// Which half of a gold an item belongs to: dev/test (part A), tuning/held-out (part B).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Split {
    Dev,
    Test,
}

/// Dev when the first hex digit of sha1(id) is below 8, i.e. the first byte is below 0x80.
/// The rule the extractor's authors were given; it is stable across runs and machines.
fn split_of(id: &str) -> Split {
    if sha1_smol::Sha1::from(id).digest().bytes()[0] < 0x80 {
        Split::Dev
    } else {
        Split::Test
    }
}

trait Tally: Default + Clone {
    fn add(&mut self, o: &Self);
}

/// A tally per half, and how many items each half holds.
#[derive(Debug, Default, Clone)]
struct Halves<T> {
    dev: T,
    test: T,
    n_dev: usize,
    n_test: usize,
}

impl<T: Tally> Halves<T> {
    fn add(&mut self, split: Split, t: &T) {
        match split {
            Split::Dev => {
                self.dev.add(t);
                self.n_dev += 1;
            }
            Split::Test => {
                self.test.add(t);
                self.n_test += 1;
            }
        }
    }

    fn all(&self) -> T {
        let mut a = self.dev.clone();
        a.add(&self.test);
        a
    }

    /// `(name, items, tally)` for the two halves and all, in print order.
    fn rows(&self, names: [&'static str; 2]) -> [(&'static str, usize, T); 3] {
        [
            (names[0], self.n_dev, self.dev.clone()),
            (names[1], self.n_test, self.test.clone()),
            ("all", self.n_dev + self.n_test, self.all()),
        ]
    }
}

// ----------------------------------------------------------------------------------------
// Part A, detection: protest_gsr.csv

/// Parses RFC 4180 CSV: comma-separated fields, optionally in double quotes (a doubled quote
/// inside is one quote; commas and line breaks inside quotes are data); records end at LF
/// or CRLF; blank lines are skipped. Fails on an unterminated quote rather than guessing.
fn parse_csv(text: &str) -> Result<Vec<Vec<String>>> {
    let mut rows = Vec::new();
    let mut row: Vec<String> = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut line = 1;
    let mut quote_line = 0;
    let mut chars = text.chars().peekable();
    let end_row = |row: &mut Vec<String>, field: &mut String, rows: &mut Vec<Vec<String>>| {
        row.push(std::mem::take(field));
        let r = std::mem::take(row);
        if !(r.len() == 1 && r[0].is_empty()) {
            rows.push(r);
        }
    };
    while let Some(c) = chars.next() {
        if quoted {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                    field.push('"');
                }
                '"' => quoted = false,
                _ => {
                    line += usize::from(c == '\n');
                    field.push(c);
                }
            }
            continue;
        }
        match c {
            // A quote opens a quoted field only at the field's start; elsewhere it is data.
            '"' if field.is_empty() => {
                quoted = true;
                quote_line = line;
            }
            ',' => row.push(std::mem::take(&mut field)),
            '\r' if chars.peek() == Some(&'\n') => {}
            '\n' => {
                line += 1;
                end_row(&mut row, &mut field, &mut rows);
            }
            _ => field.push(c),
        }
    }
    if quoted {
        bail!("a quoted field opened on line {quote_line} is never closed");
    }
    if !field.is_empty() || !row.is_empty() {
        end_row(&mut row, &mut field, &mut rows);
    }
    Ok(rows)
}

/// A sentence's gold label in the GSR file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Label {
    Yes,
    EasyNo,
    DifficultNo,
    Ambiguous,
}

impl Label {
    fn parse(s: &str) -> Option<Label> {
        match s.trim() {
            "yes" => Some(Label::Yes),
            "easy no" => Some(Label::EasyNo),
            // The file says "difficult no"; its README calls the same label "hard no".
            "difficult no" | "hard no" => Some(Label::DifficultNo),
            "ambiguous" => Some(Label::Ambiguous),
            _ => None,
        }
    }

    fn name(self) -> &'static str {
        match self {
            Label::Yes => "yes",
            Label::EasyNo => "easy no",
            Label::DifficultNo => "difficult no",
            Label::Ambiguous => "ambiguous",
        }
    }
}

#[derive(Debug, Clone)]
struct GsrSentence {
    id: String,
    kind: EventType,
    label: Label,
    text: String,
    /// The panel's vote `(accept, total)` when the file has those columns.
    votes: Option<(u32, u32)>,
}

fn read_gsr(path: &Path) -> Result<Vec<GsrSentence>> {
    let rows = parse_csv(&input::read_to_string(path)?)
        .with_context(|| format!("{} is not valid CSV", path.display()))?;
    let mut rows = rows.into_iter();
    let header = rows
        .next()
        .with_context(|| format!("{} is empty", path.display()))?;
    let col = |name: &str| header.iter().position(|h| h.trim() == name);
    let need = |name: &str| {
        col(name).with_context(|| format!("{} has no {name:?} column", path.display()))
    };
    let (c_id, c_label, c_text) = (need("id")?, need("label")?, need("text")?);
    let c_type = col("event_type");
    let c_votes = col("accept").zip(col("total"));
    let mut out = Vec::new();
    for (i, row) in rows.enumerate() {
        let at = || format!("{}: record {}", path.display(), i + 1);
        let get = |c: usize| {
            row.get(c)
                .map(String::as_str)
                .with_context(|| format!("{} has only {} fields", at(), row.len()))
        };
        let label = get(c_label)?;
        let label =
            Label::parse(label).with_context(|| format!("{}: unknown label {label:?}", at()))?;
        // The file is the PROTEST half of the gold; the column decides when it is present,
        // so the ASSAULT half can be scored the same way.
        let kind = match c_type {
            Some(c) => {
                let t = get(c)?;
                EventType::parse(t)
                    .with_context(|| format!("{}: unknown event type {t:?}", at()))?
            }
            None => EventType::Protest,
        };
        let votes = match c_votes {
            Some((ca, ct)) => {
                let num = |c: usize, name: &str| -> Result<u32> {
                    let v = get(c)?;
                    v.trim()
                        .parse()
                        .with_context(|| format!("{}: {name} {v:?} is not a count", at()))
                };
                let (accept, total) = (num(ca, "accept")?, num(ct, "total")?);
                if accept > total {
                    bail!("{}: accept {accept} is above total {total}", at());
                }
                (total > 0).then_some((accept, total))
            }
            None => None,
        };
        out.push(GsrSentence {
            id: get(c_id)?.to_string(),
            kind,
            label,
            text: get(c_text)?.to_string(),
            votes,
        });
    }
    Ok(out)
}

/// Sentence-level detection counts.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
struct DetectTally {
    yes: usize,
    yes_flagged: usize,
    easy: usize,
    easy_flagged: usize,
    difficult: usize,
    difficult_flagged: usize,
    ambiguous: usize,
    ambiguous_flagged: usize,
}

impl Tally for DetectTally {
    fn add(&mut self, o: &Self) {
        self.yes += o.yes;
        self.yes_flagged += o.yes_flagged;
        self.easy += o.easy;
        self.easy_flagged += o.easy_flagged;
        self.difficult += o.difficult;
        self.difficult_flagged += o.difficult_flagged;
        self.ambiguous += o.ambiguous;
        self.ambiguous_flagged += o.ambiguous_flagged;
    }
}

impl DetectTally {
    fn count(&mut self, label: Label, flagged: bool) {
        let f = usize::from(flagged);
        match label {
            Label::Yes => {
                self.yes += 1;
                self.yes_flagged += f;
            }
            Label::EasyNo => {
                self.easy += 1;
                self.easy_flagged += f;
            }
            Label::DifficultNo => {
                self.difficult += 1;
                self.difficult_flagged += f;
            }
            Label::Ambiguous => {
                self.ambiguous += 1;
                self.ambiguous_flagged += f;
            }
        }
    }
    fn tp(&self) -> usize {
        self.yes_flagged
    }
    fn fp(&self) -> usize {
        self.easy_flagged + self.difficult_flagged
    }
    fn fn_(&self) -> usize {
        self.yes - self.yes_flagged
    }
    fn p(&self) -> f64 {
        ratio(self.tp(), self.tp() + self.fp())
    }
    fn r(&self) -> f64 {
        ratio(self.tp(), self.yes)
    }
    fn f1(&self) -> f64 {
        f1(self.p(), self.r())
    }
    fn fpr_easy(&self) -> f64 {
        ratio(self.easy_flagged, self.easy)
    }
    fn fpr_difficult(&self) -> f64 {
        ratio(self.difficult_flagged, self.difficult)
    }
    fn sentences(&self) -> usize {
        self.yes + self.easy + self.difficult + self.ambiguous
    }
    fn json(&self) -> Value {
        json!({
            "sentences": self.sentences(), "yes": self.yes, "easy_no": self.easy,
            "difficult_no": self.difficult, "ambiguous": self.ambiguous,
            "tp": self.tp(), "fp": self.fp(), "fn": self.fn_(),
            "precision": self.p(), "recall": self.r(), "f1": self.f1(),
            "fpr_easy_no": self.fpr_easy(), "fpr_difficult_no": self.fpr_difficult(),
            "ambiguous_flagged": self.ambiguous_flagged,
        })
    }
}

/// The panel behind the labels. In `protest_gsr.csv` a `yes` is a sentence every coder
/// accepted (`accept == total`), a `difficult no` one that some but not all accepted, an
/// `easy no` one that none did. Two figures put the detection scores in scale:
/// * **one coder**: the expected score of a single coder of the panel, drawn at random per
///   sentence, scored like marsad against the yes/no labels. A coder accepts every `yes` (it
///   is unanimous), so recall is 1, and accepts a no with probability accept/total; the
///   precision is the ratio of the expectations. The coder is part of the panel that made
///   the labels, so this is an upper bound on what a fresh coder would score.
/// * **majority**: marsad's flags against the panel's majority (`2 * accept > total`) over
///   every voted row, ambiguous rows included.
#[derive(Debug, Default, Clone, PartialEq)]
struct PanelTally {
    /// Scored rows (yes and no) that carry votes, and the yes among them.
    voted: usize,
    voted_yes: usize,
    /// The expected number of scored rows one coder accepts: the sum of accept/total.
    coder_accepts: f64,
    majority_yes: usize,
    majority_yes_flagged: usize,
    majority_no_flagged: usize,
}

impl Tally for PanelTally {
    fn add(&mut self, o: &Self) {
        self.voted += o.voted;
        self.voted_yes += o.voted_yes;
        self.coder_accepts += o.coder_accepts;
        self.majority_yes += o.majority_yes;
        self.majority_yes_flagged += o.majority_yes_flagged;
        self.majority_no_flagged += o.majority_no_flagged;
    }
}

impl PanelTally {
    fn count(&mut self, label: Label, votes: Option<(u32, u32)>, flagged: bool) {
        let Some((accept, total)) = votes else {
            return;
        };
        if label != Label::Ambiguous {
            self.voted += 1;
            self.voted_yes += usize::from(label == Label::Yes);
            self.coder_accepts += f64::from(accept) / f64::from(total);
        }
        if 2 * accept > total {
            self.majority_yes += 1;
            self.majority_yes_flagged += usize::from(flagged);
        } else {
            self.majority_no_flagged += usize::from(flagged);
        }
    }
    fn coder_p(&self) -> f64 {
        if self.coder_accepts > 0.0 {
            self.voted_yes as f64 / self.coder_accepts
        } else {
            0.0
        }
    }
    fn coder_f1(&self) -> f64 {
        f1(self.coder_p(), if self.voted_yes > 0 { 1.0 } else { 0.0 })
    }
    fn majority_p(&self) -> f64 {
        ratio(
            self.majority_yes_flagged,
            self.majority_yes_flagged + self.majority_no_flagged,
        )
    }
    fn majority_r(&self) -> f64 {
        ratio(self.majority_yes_flagged, self.majority_yes)
    }
    fn majority_f1(&self) -> f64 {
        f1(self.majority_p(), self.majority_r())
    }
    fn json(&self) -> Value {
        json!({
            "voted_sentences": self.voted,
            "one_coder": {"precision": self.coder_p(), "recall": if self.voted_yes > 0 { 1.0 } else { 0.0 }, "f1": self.coder_f1()},
            "majority": {
                "yes": self.majority_yes,
                "tp": self.majority_yes_flagged, "fp": self.majority_no_flagged,
                "fn": self.majority_yes - self.majority_yes_flagged,
                "precision": self.majority_p(), "recall": self.majority_r(), "f1": self.majority_f1(),
            },
        })
    }
}

/// The first predicted event of `kind` that the text says took place, if any (what flags
/// a sentence).
fn first_of(events: &[Event], kind: EventType) -> Option<&Event> {
    events.iter().find(|e| {
        e.kind == kind
            && matches!(
                e.certainty.label,
                CertaintyLabel::Confirmed | CertaintyLabel::Reported
            )
    })
}

// ----------------------------------------------------------------------------------------
// Part A, source actors: protest_spans.json

#[derive(Debug, Deserialize)]
struct SpanRecord {
    #[serde(rename = "_id", default)]
    id: String,
    text: String,
    #[serde(default)]
    event_type: Option<String>,
    #[serde(default)]
    spans: Vec<CoderSpan>,
    #[serde(default)]
    source_gold: String,
    #[serde(default)]
    verb_gold: String,
}

#[derive(Debug, Deserialize)]
struct CoderSpan {
    #[serde(default)]
    source_actor: Vec<String>,
    #[serde(default)]
    verb: Vec<String>,
}

/// One view of a sentence's gold event: the located verb tokens (char spans of the
/// sentence) and the words of the source (empty: no source).
#[derive(Debug, Clone, Default)]
struct GoldView {
    verb: Vec<(usize, usize)>,
    source: Vec<String>,
    /// The gold source tokens as written, for error lines.
    source_text: String,
}

#[derive(Debug, Clone)]
struct SpanGold {
    id: String,
    kind: EventType,
    text: String,
    verb_text: String,
    consensus: Option<GoldView>,
    any: GoldView,
}

/// Chars in common between two half-open spans.
fn overlap(a: (usize, usize), b: (usize, usize)) -> usize {
    a.1.min(b.1).saturating_sub(a.0.max(b.0))
}

/// The first place at or after `from` where `tok` occurs in `text`, as a whole word (no
/// letter or digit on either side) when `whole`, else as any substring. Char offsets.
fn find_at(text: &[char], tok: &[char], from: usize, whole: bool) -> Option<(usize, usize)> {
    if tok.is_empty() || tok.len() > text.len() {
        return None;
    }
    let bounded = |i: usize| {
        (i == 0 || !text[i - 1].is_alphanumeric())
            && text.get(i + tok.len()).is_none_or(|c| !c.is_alphanumeric())
    };
    (from..=text.len() - tok.len())
        .find(|&i| text[i..i + tok.len()] == *tok && (!whole || bounded(i)))
        .map(|i| (i, i + tok.len()))
}

/// Finds a coder's token in `text`, preferring, in turn: a whole word after `from`, a whole
/// word anywhere, a substring after `from`, a substring anywhere. The tokens were split on
/// spaces from this very text, so a whole word is nearly always the right place; substrings
/// only rescue tokens that kept or lost attached punctuation.
fn find_word(text: &[char], tok: &[char], from: usize) -> Option<(usize, usize)> {
    find_at(text, tok, from, true)
        .or_else(|| find_at(text, tok, 0, true))
        .or_else(|| find_at(text, tok, from, false))
        .or_else(|| find_at(text, tok, 0, false))
}

/// Locates a coder's token sequence in order: each token is searched after the previous
/// one (so a repeated word resolves to the right occurrence); a token that is not in the
/// text at all is `None`.
fn locate_sequence(text: &[char], tokens: &[String]) -> Vec<Option<(usize, usize)>> {
    let mut pos = 0;
    tokens
        .iter()
        .map(|t| {
            let tc: Vec<char> = t.trim().chars().collect();
            let found = find_word(text, &tc, pos);
            if let Some((_, e)) = found {
                pos = e;
            }
            found
        })
        .collect()
}

/// The words a source is compared on: folded, without the article; each also without a
/// leading conjunction (و/ف), since a bare and a prefixed form are the same actor. Words of
/// fewer than 3 letters (في، من، عن) are dropped so that prepositions in long spans do not
/// count as a shared name.
fn key_words(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    for w in folded_words(s) {
        let bare = strip_conjunction(&w);
        let bare = bare.strip_prefix("ال").unwrap_or(bare).to_string();
        for v in [w, bare] {
            if v.chars().count() >= 3 && !out.contains(&v) {
                out.push(v);
            }
        }
    }
    out
}

fn shares_word(a: &str, gold_words: &[String]) -> bool {
    key_words(a).iter().any(|w| gold_words.contains(w))
}

fn prepare_span(rec: &SpanRecord) -> Result<SpanGold> {
    let text: Vec<char> = rec.text.chars().collect();
    let located: Vec<Vec<Option<(usize, usize)>>> = rec
        .spans
        .iter()
        .map(|c| locate_sequence(&text, &c.verb))
        .collect();
    let mut any_verb: Vec<(usize, usize)> = located.iter().flatten().flatten().copied().collect();
    any_verb.sort_unstable();
    any_verb.dedup();
    let any_source_tokens: Vec<&str> = rec
        .spans
        .iter()
        .flat_map(|c| c.source_actor.iter().map(String::as_str))
        .collect();
    let any_source_text = any_source_tokens.join(" ");
    let any = GoldView {
        verb: any_verb,
        source: key_words(&any_source_text),
        source_text: any_source_text.clone(),
    };
    let consensus = if rec.verb_gold.trim().is_empty() {
        None
    } else {
        let verb = rec
            .verb_gold
            .split_whitespace()
            .filter_map(|t| {
                // The consensus tokens are common to every coder but come in no order: take
                // the place a coder's ordered sequence gave the token, which picks the right
                // one of repeated words; else search the text.
                rec.spans
                    .iter()
                    .zip(&located)
                    .find_map(|(c, loc)| {
                        c.verb
                            .iter()
                            .position(|v| v.trim() == t)
                            .and_then(|i| loc[i])
                    })
                    .or_else(|| find_word(&text, &t.chars().collect::<Vec<_>>(), 0))
            })
            .collect();
        let (source, source_text) = if rec.source_gold.trim().is_empty() {
            (any.source.clone(), any_source_text)
        } else {
            (key_words(&rec.source_gold), rec.source_gold.clone())
        };
        Some(GoldView {
            verb,
            source,
            source_text,
        })
    };
    let kind = match rec.event_type.as_deref() {
        Some(t) => EventType::parse(t).with_context(|| format!("unknown event type {t:?}"))?,
        None => EventType::Protest,
    };
    Ok(SpanGold {
        id: if rec.id.is_empty() {
            rec.text.clone()
        } else {
            rec.id.clone()
        },
        kind,
        text: rec.text.clone(),
        verb_text: rec.verb_gold.clone(),
        consensus,
        any,
    })
}

/// Scores one gold view against the predicted events (only those of `kind`, if given):
/// `None` when no predicted cue overlaps a gold verb token, else whether the best
/// candidate's source is right, with the candidate.
fn score_view<'e>(
    view: &GoldView,
    events: &'e [Event],
    kind: Option<EventType>,
) -> Option<(bool, &'e Event)> {
    let best = events
        .iter()
        .enumerate()
        .filter(|(_, e)| kind.is_none_or(|k| e.kind == k))
        .map(|(i, e)| {
            let ov: usize = view
                .verb
                .iter()
                .map(|&v| overlap((e.cue_start, e.cue_end), v))
                .sum();
            (ov, std::cmp::Reverse(i), e)
        })
        .filter(|(ov, _, _)| *ov > 0)
        .max_by_key(|(ov, i, _)| (*ov, *i))
        .map(|(_, _, e)| e)?;
    let ok = match &best.source {
        None => view.source.is_empty(),
        Some(a) => !view.source.is_empty() && shares_word(&a.name, &view.source),
    };
    Some((ok, best))
}

#[derive(Debug, Default, Clone, PartialEq, Eq)]
struct ActorTally {
    sentences: usize,
    gold: usize,
    found: usize,
    source_ok: usize,
}

impl ActorTally {
    fn count(&mut self, view: Option<&GoldView>, scored: Option<bool>) {
        self.sentences += 1;
        if view.is_some() {
            self.gold += 1;
            if let Some(ok) = scored {
                self.found += 1;
                self.source_ok += usize::from(ok);
            }
        }
    }
    fn recall(&self) -> f64 {
        ratio(self.found, self.gold)
    }
    fn source_found(&self) -> f64 {
        ratio(self.source_ok, self.found)
    }
    fn source_all(&self) -> f64 {
        ratio(self.source_ok, self.gold)
    }
}

/// The four rows of the source-actor table: (consensus, any coder) × (gold type, any type).
#[derive(Debug, Default, Clone)]
struct ActorTallies([ActorTally; 4]);

const ACTOR_ROWS: [(&str, bool); 4] = [
    ("consensus", true),
    ("consensus", false),
    ("any coder", true),
    ("any coder", false),
];

impl Tally for ActorTallies {
    fn add(&mut self, o: &Self) {
        for (a, b) in self.0.iter_mut().zip(&o.0) {
            a.sentences += b.sentences;
            a.gold += b.gold;
            a.found += b.found;
            a.source_ok += b.source_ok;
        }
    }
}

/// Scores one sentence of the spans file in the four views; error lines for the consensus
/// view of the gold type go to `errors`.
fn score_span(g: &SpanGold, events: &[Event], errors: Option<&mut Vec<String>>) -> ActorTallies {
    let mut t = ActorTallies::default();
    for (slot, (view_name, typed)) in t.0.iter_mut().zip(ACTOR_ROWS) {
        let view = if view_name == "consensus" {
            g.consensus.as_ref()
        } else {
            Some(&g.any)
        };
        let scored = view.and_then(|v| score_view(v, events, typed.then_some(g.kind)));
        slot.count(view, scored.map(|s| s.0));
    }
    if let (Some(errors), Some(view)) = (errors, g.consensus.as_ref()) {
        let cues: Vec<String> = events
            .iter()
            .map(|e| format!("{} {}", e.kind, e.cue))
            .collect();
        match score_view(view, events, Some(g.kind)) {
            None => errors.push(format!(
                "  NOT FOUND verb {:?}, predicted {:?} | {}",
                g.verb_text,
                cues,
                clip(&g.text, 120)
            )),
            Some((false, e)) => errors.push(format!(
                "  SOURCE gold {:?} predicted {:?} [{}] | {}",
                view.source_text,
                e.source.as_ref().map(|a| a.name.as_str()),
                e.cue,
                clip(&g.text, 120)
            )),
            Some((true, _)) => {}
        }
    }
    t
}

fn clip(s: &str, n: usize) -> String {
    let mut out: String = s.chars().take(n).collect();
    if s.chars().count() > n {
        out.push('…');
    }
    out
}

// ----------------------------------------------------------------------------------------
// Part B: marsad's own gold

#[derive(Debug, Deserialize)]
pub(crate) struct GoldArticle {
    #[serde(flatten)]
    pub head: GoldRef,
    pub events: Vec<GoldEvent>,
}

#[derive(Debug, Clone, Deserialize)]
pub(crate) struct GoldEvent {
    #[serde(rename = "type")]
    pub kind: EventType,
    pub trigger: [usize; 2],
    #[serde(default)]
    pub source: Option<[usize; 2]>,
    #[serde(default)]
    pub target: Option<[usize; 2]>,
    certainty: CertaintyLabel,
    #[serde(default)]
    date: Option<[usize; 2]>,
}

/// Refuses gold spans that cannot be spans of the article (reversed, empty trigger, past
/// the end): a typo in the gold must not silently score as a miss.
pub(crate) fn check_gold(g: &GoldArticle) -> Result<()> {
    for (i, e) in g.events.iter().enumerate() {
        let spans = [Some(e.trigger), e.source, e.target, e.date];
        let bad = spans
            .iter()
            .flatten()
            .any(|s| s[0] >= s[1] || s[1] > g.head.chars);
        if bad {
            bail!(
                "article {}: event {} has a span that is empty, reversed or past the end ({} chars)",
                g.head.id,
                i + 1,
                g.head.chars
            );
        }
    }
    Ok(())
}

#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
struct TypeCount {
    gold: usize,
    predicted: usize,
    matched: usize,
}

#[derive(Debug, Default, Clone, PartialEq, Eq)]
struct EventTally {
    gold: usize,
    predicted: usize,
    /// Same type, overlapping triggers.
    matched: usize,
    /// Overlapping triggers, whatever the types.
    trigger_matched: usize,
    by_type: [TypeCount; 16],
    source_ok: usize,
    target_ok: usize,
    certainty_ok: usize,
    confusion: Confusion,
    /// Matched events whose gold has a date.
    dated: usize,
    date_ok: usize,
}

impl Tally for EventTally {
    fn add(&mut self, o: &Self) {
        self.gold += o.gold;
        self.predicted += o.predicted;
        self.matched += o.matched;
        self.trigger_matched += o.trigger_matched;
        for (a, b) in self.by_type.iter_mut().zip(&o.by_type) {
            a.gold += b.gold;
            a.predicted += b.predicted;
            a.matched += b.matched;
        }
        self.source_ok += o.source_ok;
        self.target_ok += o.target_ok;
        self.certainty_ok += o.certainty_ok;
        add_confusion(&mut self.confusion, &o.confusion);
        self.dated += o.dated;
        self.date_ok += o.date_ok;
    }
}

impl EventTally {
    fn p(&self) -> f64 {
        ratio(self.matched, self.predicted)
    }
    fn r(&self) -> f64 {
        ratio(self.matched, self.gold)
    }
    fn f1(&self) -> f64 {
        f1(self.p(), self.r())
    }
    fn trigger_p(&self) -> f64 {
        ratio(self.trigger_matched, self.predicted)
    }
    fn trigger_r(&self) -> f64 {
        ratio(self.trigger_matched, self.gold)
    }
    fn trigger_f1(&self) -> f64 {
        f1(self.trigger_p(), self.trigger_r())
    }
    fn source(&self) -> f64 {
        ratio(self.source_ok, self.matched)
    }
    fn target(&self) -> f64 {
        ratio(self.target_ok, self.matched)
    }
    fn certainty(&self) -> f64 {
        ratio(self.certainty_ok, self.matched)
    }
    fn date(&self) -> f64 {
        ratio(self.date_ok, self.dated)
    }
    fn json(&self) -> Value {
        json!({
            "gold": self.gold, "predicted": self.predicted, "matched": self.matched,
            "precision": self.p(), "recall": self.r(), "f1": self.f1(),
            "trigger_only": {
                "matched": self.trigger_matched, "precision": self.trigger_p(),
                "recall": self.trigger_r(), "f1": self.trigger_f1(),
            },
            "source": self.source(), "target": self.target(), "certainty": self.certainty(),
            "dated": self.dated, "date": self.date(),
        })
    }
}

fn type_index(t: EventType) -> usize {
    EventType::ALL.iter().position(|&x| x == t).unwrap_or(0)
}

/// An argument is right when both spans overlap, or when neither side has one.
pub(crate) fn arg_ok(gold: Option<[usize; 2]>, pred: Option<&Argument>) -> bool {
    match (gold, pred) {
        (None, None) => true,
        (Some(g), Some(p)) => overlap((g[0], g[1]), (p.start, p.end)) > 0,
        _ => false,
    }
}

fn chars_of(text: &[char], span: [usize; 2]) -> String {
    text.get(span[0].min(text.len())..span[1].min(text.len()))
        .map(|c| c.iter().collect())
        .unwrap_or_default()
}

/// A predicted event with only what the scorer reads, its type and trigger span (for
/// scoring proposals, as `marsad train triggers` does, and for tests).
pub(crate) fn scored_event(kind: EventType, cue_start: usize, cue_end: usize) -> Event {
    Event {
        kind,
        cameo: None,
        mode: None,
        source: None,
        target: None,
        location: None,
        date: None,
        certainty: marsad_core::Certainty {
            label: CertaintyLabel::Confirmed,
            cue: None,
            cue_start: None,
            cue_end: None,
            scope_start: 0,
            scope_end: 0,
        },
        attributed_to: None,
        cue: String::new(),
        cue_start,
        cue_end,
        sentence: String::new(),
        start: 0,
        end: 0,
    }
}

/// The typed matches of an article, `(gold index, predicted index)`: equal types and
/// overlapping triggers, one to one, greedy by overlap (the scorer's rule).
pub(crate) fn typed_matches(gold: &[GoldEvent], pred: &[Event]) -> Vec<(usize, usize)> {
    let mut pairs = Vec::new();
    for (gi, g) in gold.iter().enumerate() {
        for (pi, p) in pred.iter().enumerate() {
            let ov = overlap((g.trigger[0], g.trigger[1]), (p.cue_start, p.cue_end));
            if ov > 0 && g.kind == p.kind {
                pairs.push((ov, gi, pi));
            }
        }
    }
    greedy_one_to_one(pairs, gold.len(), pred.len())
}

/// Scores one article: typed and untyped matching, then the arguments, certainty and date
/// of the typed matches. Error lines (when `errors` is given) quote `text`.
fn score_article(
    gold: &[GoldEvent],
    pred: &[Event],
    text: &[char],
    mut errors: Option<&mut Vec<String>>,
) -> EventTally {
    let mut t = EventTally {
        gold: gold.len(),
        predicted: pred.len(),
        ..EventTally::default()
    };
    for g in gold {
        t.by_type[type_index(g.kind)].gold += 1;
    }
    for p in pred {
        t.by_type[type_index(p.kind)].predicted += 1;
    }
    let mut untyped = Vec::new();
    for (gi, g) in gold.iter().enumerate() {
        for (pi, p) in pred.iter().enumerate() {
            let ov = overlap((g.trigger[0], g.trigger[1]), (p.cue_start, p.cue_end));
            if ov > 0 {
                untyped.push((ov, gi, pi));
            }
        }
    }
    t.trigger_matched = greedy_one_to_one(untyped, gold.len(), pred.len()).len();
    let matches = typed_matches(gold, pred);
    t.matched = matches.len();
    let mut gold_used = vec![false; gold.len()];
    let mut pred_used = vec![false; pred.len()];
    for &(gi, pi) in &matches {
        gold_used[gi] = true;
        pred_used[pi] = true;
        let (g, p) = (&gold[gi], &pred[pi]);
        t.by_type[type_index(g.kind)].matched += 1;
        let source = arg_ok(g.source, p.source.as_ref());
        let target = arg_ok(g.target, p.target.as_ref());
        let certainty = g.certainty == p.certainty.label;
        t.source_ok += usize::from(source);
        t.target_ok += usize::from(target);
        t.certainty_ok += usize::from(certainty);
        t.confusion[certainty_index(g.certainty)][certainty_index(p.certainty.label)] += 1;
        let mut date = true;
        if let Some(gd) = g.date {
            t.dated += 1;
            date = p
                .date
                .as_ref()
                .and_then(|d| Some((d.start?, d.end?)))
                .is_some_and(|pd| overlap((gd[0], gd[1]), pd) > 0);
            t.date_ok += usize::from(date);
        }
        if let Some(errors) = errors.as_deref_mut()
            && !(source && target && certainty && date)
        {
            let span = |s: Option<[usize; 2]>| s.map(|s| chars_of(text, s));
            let name = |a: &Option<Argument>| a.as_ref().map(|a| a.name.clone());
            errors.push(format!(
                "  {} [{}]: source gold {:?} pred {:?}; target gold {:?} pred {:?}; certainty gold {} pred {}; date gold {:?} pred {:?}",
                g.kind,
                p.cue,
                span(g.source),
                name(&p.source),
                span(g.target),
                name(&p.target),
                g.certainty,
                p.certainty.label,
                span(g.date),
                p.date.as_ref().and_then(|d| d.text.clone()),
            ));
        }
    }
    if let Some(errors) = errors {
        for (gi, g) in gold.iter().enumerate() {
            if !gold_used[gi] {
                errors.push(format!(
                    "  MISS {} [{}] certainty {}",
                    g.kind,
                    chars_of(text, g.trigger),
                    g.certainty
                ));
            }
        }
        for (pi, p) in pred.iter().enumerate() {
            if !pred_used[pi] {
                errors.push(format!(
                    "  FALSE {} [{}] | {}",
                    p.kind,
                    p.cue,
                    clip(&p.sentence, 90)
                ));
            }
        }
    }
    t
}

// ----------------------------------------------------------------------------------------
// Running

fn threads() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get())
}

/// The events of each text, extracted on all cores (results in input order).
fn events_of(texts: &[&str]) -> Vec<Vec<Event>> {
    extract_batch(texts, threads())
        .into_iter()
        .map(|x| x.events)
        .collect()
}

struct PartA {
    type_label: String,
    detection: Halves<DetectTally>,
    panel: Halves<PanelTally>,
    n_spans: usize,
    n_consensus: usize,
    /// Consensus events none of whose verb tokens could be located: they cannot be found.
    n_unlocated: usize,
    actors: Halves<ActorTallies>,
    errors: Vec<String>,
}

/// The name of the event type(s) a gold file codes, for the report.
fn type_label(kinds: impl Iterator<Item = EventType>) -> String {
    let mut names: Vec<&str> = kinds.map(EventType::name).collect();
    names.sort_unstable();
    names.dedup();
    match names.as_slice() {
        [one] => (*one).to_string(),
        _ => "gold type".to_string(),
    }
}

fn part_a(args: &Args) -> Result<PartA> {
    let gsr = read_gsr(&args.gsr)?;
    let records: Vec<SpanRecord> = serde_json::from_str(&input::read_to_string(&args.spans)?)
        .with_context(|| {
            format!(
                "{} is not a JSON array of span records",
                args.spans.display()
            )
        })?;
    let spans = records
        .iter()
        .enumerate()
        .map(|(i, r)| {
            prepare_span(r).with_context(|| format!("{}: record {}", args.spans.display(), i + 1))
        })
        .collect::<Result<Vec<_>>>()?;
    let texts: Vec<&str> = gsr
        .iter()
        .map(|s| s.text.as_str())
        .chain(spans.iter().map(|s| s.text.as_str()))
        .collect();
    let mut events = events_of(&texts).into_iter();
    let mut errors = Vec::new();
    let mut detection: Halves<DetectTally> = Halves::default();
    let mut panel: Halves<PanelTally> = Halves::default();
    for s in &gsr {
        let ev = events.next().unwrap_or_default();
        let split = split_of(&s.id);
        let hit = first_of(&ev, s.kind);
        let mut t = DetectTally::default();
        t.count(s.label, hit.is_some());
        detection.add(split, &t);
        let mut p = PanelTally::default();
        p.count(s.label, s.votes, hit.is_some());
        panel.add(split, &p);
        if args.errors && split == Split::Dev {
            match (s.label, hit) {
                (Label::Yes, None) => {
                    errors.push(format!("  MISS | {}", clip(&s.text, 140)));
                }
                (Label::EasyNo | Label::DifficultNo, Some(e)) => errors.push(format!(
                    "  FALSE ({}) [{}] | {}",
                    s.label.name(),
                    e.cue,
                    clip(&s.text, 140)
                )),
                _ => {}
            }
        }
    }
    let mut actors: Halves<ActorTallies> = Halves::default();
    for g in &spans {
        let ev = events.next().unwrap_or_default();
        let split = split_of(&g.id);
        let errs = (args.errors && split == Split::Dev).then_some(&mut errors);
        actors.add(split, &score_span(g, &ev, errs));
    }
    Ok(PartA {
        type_label: type_label(
            gsr.iter()
                .map(|s| s.kind)
                .chain(spans.iter().map(|s| s.kind)),
        ),
        detection,
        panel,
        n_spans: spans.len(),
        n_consensus: spans.iter().filter(|s| s.consensus.is_some()).count(),
        n_unlocated: spans
            .iter()
            .filter(|s| s.consensus.as_ref().is_some_and(|c| c.verb.is_empty()))
            .count(),
        actors,
        errors,
    })
}

/// The figures of one part of part B.
#[derive(Debug, Clone, Default)]
struct BPart {
    articles: usize,
    /// The extraction: the rules' candidates through the learned filter, with the learned
    /// participants.
    kept: EventTally,
    /// The rules alone.
    rules: EventTally,
    /// The extraction's events with the rules' own participants (before the learned role
    /// models).
    own: EventTally,
    /// The extraction without the learned trigger detector's events.
    undetected: EventTally,
}

impl BPart {
    fn add(&mut self, o: &BPart) {
        self.articles += o.articles;
        self.kept.add(&o.kept);
        self.rules.add(&o.rules);
        self.own.add(&o.own);
        self.undetected.add(&o.undetected);
    }
}

struct PartB {
    articles: usize,
    /// Tune, held-out and filter-training articles ([`B_NAMES`]).
    parts: [BPart; 3],
    errors: Vec<String>,
}

impl PartB {
    /// Each part and all, by name, in print order.
    fn rows(&self) -> Vec<(&'static str, BPart)> {
        let mut rows: Vec<_> = B_NAMES
            .iter()
            .zip(&self.parts)
            .map(|(name, p)| (*name, p.clone()))
            .collect();
        rows.push(("all", self.total()));
        rows
    }

    fn total(&self) -> BPart {
        let mut all = BPart::default();
        for p in &self.parts {
            all.add(p);
        }
        all
    }

    /// The extraction's tally over every article.
    fn all(&self) -> EventTally {
        self.total().kept
    }
}

/// The corpus part B reads, `None` when the gold does not exist (part B is skipped).
/// Checked before anything runs, so that a missing flag fails at once.
fn part_b_corpus(args: &Args) -> Result<Option<&Path>> {
    if !args.gold.exists() {
        return Ok(None);
    }
    match &args.corpus {
        Some(c) => Ok(Some(c)),
        None => bail!(
            "{} exists: part B needs --corpus (the SaudiNewsNet sample its offsets point into)",
            args.gold.display()
        ),
    }
}

fn part_b(args: &Args, corpus: &Path) -> Result<PartB> {
    let gold = load_gold(&args.gold, corpus, |g: &GoldArticle| &g.head)?;
    for (g, _) in &gold {
        check_gold(g)?;
    }
    let texts: Vec<&str> = gold.iter().map(|(_, c)| c.as_str()).collect();
    let found = extract_candidates_batch(&texts, threads());
    let mut parts: [BPart; 3] = Default::default();
    let mut errors = Vec::new();
    for ((g, content), (x, cands)) in gold.iter().zip(found) {
        let text: Vec<char> = content.chars().collect();
        let part = if g.head.order < EVENTS_HELD_OUT.start {
            0
        } else if EVENTS_HELD_OUT.contains(&g.head.order) {
            1
        } else {
            2
        };
        let kept = x.events;
        let rules = rules_only(&cands);
        let mut errs = Vec::new();
        let want = args.errors && part != 1;
        let t = score_article(&g.events, &kept, &text, want.then_some(&mut errs));
        let r = score_article(&g.events, &rules, &text, None);
        let own = select_with(&cands, EventFilter::embedded(), &RoleModel::rules());
        let o = score_article(&g.events, &own, &text, None);
        let undetected = select(&without_learned(&cands), EventFilter::embedded());
        let u = score_article(&g.events, &undetected, &text, None);
        if !errs.is_empty() {
            errors.push(format!(
                " {} #{} ({})",
                g.head.id, g.head.order, g.head.source
            ));
            errors.extend(errs);
        }
        parts[part].add(&BPart {
            articles: 1,
            kept: t,
            rules: r,
            own: o,
            undetected: u,
        });
    }
    Ok(PartB {
        articles: gold.len(),
        parts,
        errors,
    })
}

const A_NAMES: [&str; 2] = ["dev", "test"];
/// Part B's parts: the rules' tuning articles, the held-out articles, and the articles the
/// learned filter is trained on (`order` 180 on).
const B_NAMES: [&str; 3] = ["tune", "held-out", "filter"];

fn print_a(args: &Args, a: &PartA) {
    println!(
        "events, part A: {} sentences, openeventdata/arabic_event_gsr (dev: first hex digit of sha1(id) < 8)",
        a.type_label
    );
    println!(
        "\ndetection ({}): flagged when extraction finds an event of the sentence's gold type; ambiguous rows are not scored",
        args.gsr.display()
    );
    println!(
        "{:<5} {:>9} {:>5} {:>7} {:>7} {:>5} {:>5} {:>5} {:>5} {:>6} {:>6} {:>6} {:>8} {:>8} {:>9}",
        "part",
        "sentences",
        "yes",
        "easy no",
        "diff no",
        "ambig",
        "TP",
        "FP",
        "FN",
        "P",
        "R",
        "F1",
        "FPR easy",
        "FPR diff",
        "ambig hit"
    );
    for (name, _, t) in a.detection.rows(A_NAMES) {
        println!(
            "{:<5} {:>9} {:>5} {:>7} {:>7} {:>5} {:>5} {:>5} {:>5} {:>6.3} {:>6.3} {:>6.3} {:>8.3} {:>8.3} {:>9}",
            name,
            t.sentences(),
            t.yes,
            t.easy,
            t.difficult,
            t.ambiguous,
            t.tp(),
            t.fp(),
            t.fn_(),
            t.p(),
            t.r(),
            t.f1(),
            t.fpr_easy(),
            t.fpr_difficult(),
            t.ambiguous_flagged
        );
    }
    if a.panel.all().voted > 0 {
        println!(
            "\nthe panel behind the labels: a yes is a sentence every coder accepted, a difficult no one that some did;"
        );
        println!(
            "one coder = the expected score of a single coder of the panel against the same labels (an upper bound: the coder is on the panel);"
        );
        println!(
            "majority = marsad's flags against the panel's majority vote (2 x accept > total), ambiguous rows included"
        );
        println!(
            "{:<5} {:>6} {:>8} {:>9} | {:>8} {:>5} {:>5} {:>5} {:>6} {:>6} {:>6}",
            "part", "voted", "coder P", "coder F1", "majority", "TP", "FP", "FN", "P", "R", "F1"
        );
        for (name, _, t) in a.panel.rows(A_NAMES) {
            println!(
                "{:<5} {:>6} {:>8.3} {:>9.3} | {:>8} {:>5} {:>5} {:>5} {:>6.3} {:>6.3} {:>6.3}",
                name,
                t.voted,
                t.coder_p(),
                t.coder_f1(),
                t.majority_yes,
                t.majority_yes_flagged,
                t.majority_no_flagged,
                t.majority_yes - t.majority_yes_flagged,
                t.majority_p(),
                t.majority_r(),
                t.majority_f1()
            );
        }
    }
    println!(
        "\nsource actors ({}): {} sentences, {} with a consensus verb (tokens common to all coders), {} of them not located in the text",
        args.spans.display(),
        a.n_spans,
        a.n_consensus,
        a.n_unlocated
    );
    println!(
        "{:<5} {:<10} {:<10} {:>9} {:>6} {:>6} {:>7} {:>12} {:>10}",
        "part",
        "gold",
        "events of",
        "sentences",
        "gold",
        "found",
        "recall",
        "source/found",
        "source/all"
    );
    for (name, _, t) in a.actors.rows(A_NAMES) {
        for (row, (view, typed)) in t.0.iter().zip(ACTOR_ROWS) {
            println!(
                "{:<5} {:<10} {:<10} {:>9} {:>6} {:>6} {:>7.3} {:>12.3} {:>10.3}",
                name,
                view,
                if typed {
                    a.type_label.as_str()
                } else {
                    "any type"
                },
                row.sentences,
                row.gold,
                row.found,
                row.recall(),
                row.source_found(),
                row.source_all()
            );
        }
    }
}

fn print_b(args: &Args, b: &PartB) {
    println!(
        "\nevents, part B: marsad's gold ({}): {} articles ({} tune, {} held out, {} filter training)",
        args.gold.display(),
        b.articles,
        b.parts[0].articles,
        b.parts[1].articles,
        b.parts[2].articles
    );
    println!(
        "a prediction matches when the types are equal and the triggers overlap (one to one); \"trigger only\" ignores the type"
    );
    println!(
        "{:<8} {:>8} {:>5} {:>5} {:>5} {:>6} {:>6} {:>6} | {:>12} {:>6} {:>6} {:>6} | {:>6} {:>6} {:>9} {:>6} {:>6}",
        "part",
        "articles",
        "gold",
        "pred",
        "match",
        "P",
        "R",
        "F1",
        "trigger only",
        "P",
        "R",
        "F1",
        "source",
        "target",
        "certainty",
        "date",
        "dated"
    );
    let rows = b.rows();
    for (
        name,
        BPart {
            articles: n,
            kept: t,
            ..
        },
    ) in &rows
    {
        println!(
            "{:<8} {:>8} {:>5} {:>5} {:>5} {:>6.3} {:>6.3} {:>6.3} | {:>12} {:>6.3} {:>6.3} {:>6.3} | {:>6.3} {:>6.3} {:>9.3} {:>6.3} {:>6}",
            name,
            n,
            t.gold,
            t.predicted,
            t.matched,
            t.p(),
            t.r(),
            t.f1(),
            t.trigger_matched,
            t.trigger_p(),
            t.trigger_r(),
            t.trigger_f1(),
            t.source(),
            t.target(),
            t.certainty(),
            t.date(),
            t.dated
        );
    }
    println!(
        "\nthe rules alone (their candidates before the learned filter; the filter is trained on the \"filter\" part and the tune part, never on held-out):"
    );
    println!(
        "{:<8} {:>5} {:>5} {:>6} {:>6} {:>6} | {:>13}",
        "part", "pred", "match", "P", "R", "F1", "marsad F1 -"
    );
    for (
        name,
        BPart {
            kept: t, rules: r, ..
        },
    ) in &rows
    {
        println!(
            "{:<8} {:>5} {:>5} {:>6.3} {:>6.3} {:>6.3} | {:>+13.3}",
            name,
            r.predicted,
            r.matched,
            r.p(),
            r.r(),
            r.f1(),
            t.f1() - r.f1()
        );
    }
    println!(
        "\nwithout the learned trigger detector (the words no rule took; trained on the \"filter\" part and the tune part, never on held-out):"
    );
    println!(
        "{:<8} {:>5} {:>5} {:>6} {:>6} {:>6} | {:>13}",
        "part", "pred", "match", "P", "R", "F1", "with it F1 -"
    );
    for (
        name,
        BPart {
            kept: t,
            undetected: u,
            ..
        },
    ) in &rows
    {
        println!(
            "{:<8} {:>5} {:>5} {:>6.3} {:>6.3} {:>6.3} | {:>+13.3}",
            name,
            u.predicted,
            u.matched,
            u.p(),
            u.r(),
            u.f1(),
            t.f1() - u.f1()
        );
    }
    println!(
        "\nparticipants of the matched events, as the rules read them and as the learned role models choose them (trained on the \"filter\" part and the tune part, never on held-out):"
    );
    println!(
        "{:<8} {:>5} | {:>13} {:>13} | {:>15} {:>15}",
        "part", "match", "rules source", "rules target", "learned source", "learned target"
    );
    for (
        name,
        BPart {
            kept: t, own: o, ..
        },
    ) in &rows
    {
        println!(
            "{:<8} {:>5} | {:>13.3} {:>13.3} | {:>15.3} {:>15.3}",
            name,
            t.matched,
            o.source(),
            o.target(),
            t.source(),
            t.target()
        );
    }
    let all = b.all();
    println!("\nby type (all):");
    println!(
        "{:<10} {:>5} {:>5} {:>5} {:>6} {:>6} {:>6}",
        "type", "gold", "pred", "match", "P", "R", "F1"
    );
    for (k, c) in EventType::ALL.iter().zip(&all.by_type) {
        if c.gold + c.predicted == 0 {
            continue;
        }
        let (p, r) = (ratio(c.matched, c.predicted), ratio(c.matched, c.gold));
        println!(
            "{:<10} {:>5} {:>5} {:>5} {:>6.3} {:>6.3} {:>6.3}",
            k.name(),
            c.gold,
            c.predicted,
            c.matched,
            p,
            r,
            f1(p, r)
        );
    }
    print_confusion("all matched events", &all.confusion);
}

fn json_a(args: &Args, a: &PartA) -> Value {
    let detection: serde_json::Map<String, Value> = a
        .detection
        .rows(A_NAMES)
        .iter()
        .map(|(name, _, t)| (name.to_string(), t.json()))
        .collect();
    let panel: serde_json::Map<String, Value> = a
        .panel
        .rows(A_NAMES)
        .iter()
        .map(|(name, _, t)| (name.to_string(), t.json()))
        .collect();
    let actors: serde_json::Map<String, Value> = a
        .actors
        .rows(A_NAMES)
        .iter()
        .map(|(name, _, t)| {
            let rows: Vec<Value> =
                t.0.iter()
                    .zip(ACTOR_ROWS)
                    .map(|(r, (view, typed))| {
                        json!({
                            "gold": view,
                            "events_of": if typed { a.type_label.as_str() } else { "any type" },
                            "sentences": r.sentences, "gold_events": r.gold, "found": r.found,
                            "recall": r.recall(), "source_over_found": r.source_found(),
                            "source_over_all": r.source_all(),
                        })
                    })
                    .collect();
            (name.to_string(), Value::Array(rows))
        })
        .collect();
    json!({
        "event_type": a.type_label,
        "gsr": args.gsr.display().to_string(),
        "detection": detection,
        "panel": panel,
        "spans": args.spans.display().to_string(),
        "span_sentences": a.n_spans,
        "consensus_sentences": a.n_consensus,
        "consensus_verb_not_located": a.n_unlocated,
        "source_actors": actors,
    })
}

fn json_b(args: &Args, b: &PartB) -> Value {
    let parts: serde_json::Map<String, Value> = b
        .rows()
        .iter()
        .map(
            |(
                name,
                BPart {
                    articles: n,
                    kept: t,
                    rules: r,
                    own: o,
                    undetected: u,
                },
            )| {
                let mut v = t.json();
                v["articles"] = json!(n);
                v["rules_alone"] = r.json();
                v["without_detector"] = u.json();
                v["rules_participants"] = json!({"source": o.source(), "target": o.target()});
                (name.to_string(), v)
            },
        )
        .collect();
    let all = b.all();
    let by_type: Vec<Value> = EventType::ALL
        .iter()
        .zip(&all.by_type)
        .filter(|(_, c)| c.gold + c.predicted > 0)
        .map(|(k, c)| {
            let (p, r) = (ratio(c.matched, c.predicted), ratio(c.matched, c.gold));
            json!({"type": k.name(), "gold": c.gold, "predicted": c.predicted,
                   "matched": c.matched, "precision": p, "recall": r, "f1": f1(p, r)})
        })
        .collect();
    json!({
        "gold": args.gold.display().to_string(),
        "articles": b.articles,
        "parts": parts,
        "by_type": by_type,
        "certainty_confusion": {
            "labels": CertaintyLabel::ALL.iter().map(|l| l.name()).collect::<Vec<_>>(),
            "matrix": all.confusion,
        },
    })
}

pub fn run(args: Args) -> Result<ExitCode> {
    let corpus = part_b_corpus(&args)?;
    let a = part_a(&args)?;
    let b = corpus.map(|c| part_b(&args, c)).transpose()?;
    if args.json {
        let v = json!({
            "part_a": json_a(&args, &a),
            "part_b": b.as_ref().map(|b| json_b(&args, b)),
        });
        println!("{}", serde_json::to_string_pretty(&v)?);
    } else {
        print_a(&args, &a);
        match &b {
            Some(b) => print_b(&args, b),
            None => println!(
                "\nevents, part B: skipped, {} does not exist (marsad's own event gold is not written yet)",
                args.gold.display()
            ),
        }
    }
    // Error lines go where they do not break the JSON.
    let say = |s: &str| {
        if args.json {
            eprintln!("{s}");
        } else {
            println!("{s}");
        }
    };
    if args.errors {
        say("\nerrors, part A (dev only):");
        a.errors.iter().for_each(|e| say(e));
        if let Some(b) = &b {
            say("\nerrors, part B (tuning part only):");
            b.errors.iter().for_each(|e| say(e));
        }
    }
    let det = a.detection.all();
    let source = a.actors.all().0[0].source_all();
    let mut checks = vec![
        ("part A detection F1", Some(det.f1()), args.floor_f1),
        ("part A source accuracy", Some(source), args.floor_source),
    ];
    let ball = b.as_ref().map(|b| b.all());
    checks.push((
        "part B event F1",
        ball.as_ref().map(EventTally::f1),
        args.floor_event_f1,
    ));
    checks.push((
        "part B certainty accuracy",
        ball.as_ref().map(EventTally::certainty),
        args.floor_certainty,
    ));
    checks.push((
        "part B source accuracy",
        ball.as_ref().map(EventTally::source),
        args.floor_event_source,
    ));
    checks.push((
        "part B target accuracy",
        ball.as_ref().map(EventTally::target),
        args.floor_event_target,
    ));
    let mut failed = false;
    for (name, value, floor) in checks {
        match value {
            Some(v) if v < floor => {
                say(&format!(
                    "FAIL: {name} {v:.3} is below the floor {floor:.3}"
                ));
                failed = true;
            }
            // A floor on a part that did not run cannot be met: say so rather than pass.
            None if floor > 0.0 => {
                say(&format!(
                    "FAIL: {name} has the floor {floor:.3} but part B did not run (no gold)"
                ));
                failed = true;
            }
            _ => {}
        }
    }
    if failed {
        return Ok(ExitCode::FAILURE);
    }
    say("ok: every figure is at or above its floor");
    Ok(ExitCode::SUCCESS)
}

#[cfg(test)]
mod tests {
    use super::*;
    use marsad_core::{DatePrecision, EventDate};

    fn ev(kind: EventType, cue: (usize, usize)) -> Event {
        scored_event(kind, cue.0, cue.1)
    }

    fn arg(name: &str, start: usize, end: usize) -> Option<Argument> {
        Some(Argument {
            actor: None,
            name: name.to_string(),
            start,
            end,
        })
    }

    fn chars(s: &str) -> Vec<char> {
        s.chars().collect()
    }

    /// The char span of the `nth` (0-based) occurrence of `word` in `text`.
    fn span_of(text: &str, word: &str, nth: usize) -> (usize, usize) {
        let (t, w) = (chars(text), chars(word));
        let starts: Vec<usize> = (0..=t.len() - w.len())
            .filter(|&i| t[i..i + w.len()] == w[..])
            .collect();
        (starts[nth], starts[nth] + w.len())
    }

    #[test]
    fn the_split_is_the_first_hex_digit_of_sha1() {
        // sha1("1") = 356a192b…, sha1("abc") = a9993e36…, sha1("a") = 86f7e437…
        assert_eq!(split_of("1"), Split::Dev);
        assert_eq!(split_of("abc"), Split::Test);
        assert_eq!(split_of("a"), Split::Test);
    }

    #[test]
    fn csv_handles_quotes_commas_line_breaks_and_crlf() {
        let rows = parse_csv("a,b,c\r\n1,\"x, \"\"y\"\"\nz\",3\n\n4,,\"\"\n").unwrap();
        assert_eq!(
            rows,
            vec![
                vec!["a", "b", "c"],
                vec!["1", "x, \"y\"\nz", "3"],
                vec!["4", "", ""],
            ]
        );
        // A last record without a final newline is kept.
        assert_eq!(parse_csv("a,b\n1,2").unwrap().len(), 2);
        assert!(parse_csv("a,b\n1,\"open\n").is_err());
    }

    #[test]
    fn labels_parse_including_the_readme_spelling() {
        assert_eq!(Label::parse("difficult no"), Some(Label::DifficultNo));
        assert_eq!(Label::parse("hard no"), Some(Label::DifficultNo));
        assert_eq!(Label::parse(" yes "), Some(Label::Yes));
        assert_eq!(Label::parse("maybe"), None);
    }

    #[test]
    fn detection_counts_precision_recall_and_false_positive_rates() {
        let mut t = DetectTally::default();
        // 4 yes (3 flagged), 5 easy no (1 flagged), 2 difficult no (1 flagged),
        // 3 ambiguous (2 flagged, outside P/R/F1).
        let flags: [(Label, &[bool]); 4] = [
            (Label::Yes, &[true, true, true, false]),
            (Label::EasyNo, &[true, false, false, false, false]),
            (Label::DifficultNo, &[true, false]),
            (Label::Ambiguous, &[true, true, false]),
        ];
        for (label, fs) in flags {
            for &f in fs {
                t.count(label, f);
            }
        }
        assert_eq!((t.tp(), t.fp(), t.fn_()), (3, 2, 1));
        assert!((t.p() - 3.0 / 5.0).abs() < 1e-12);
        assert!((t.r() - 3.0 / 4.0).abs() < 1e-12);
        assert!((t.f1() - 2.0 * 0.6 * 0.75 / 1.35).abs() < 1e-12);
        assert!((t.fpr_easy() - 0.2).abs() < 1e-12);
        assert!((t.fpr_difficult() - 0.5).abs() < 1e-12);
        assert_eq!((t.sentences(), t.ambiguous_flagged), (14, 2));
        let mut h: Halves<DetectTally> = Halves::default();
        h.add(Split::Dev, &t);
        h.add(Split::Test, &t);
        assert_eq!(h.all().yes, 8);
        assert_eq!((h.n_dev, h.n_test), (1, 1));
    }

    #[test]
    fn panel_scores_one_coder_and_the_majority() {
        let mut t = PanelTally::default();
        // A unanimous yes, flagged; a 1-of-3 difficult no, flagged; a 0-of-3 easy no; a
        // 2-of-3 ambiguous row (a majority yes, outside the coder figures), not flagged; a
        // row without votes, which counts nowhere.
        t.count(Label::Yes, Some((3, 3)), true);
        t.count(Label::DifficultNo, Some((1, 3)), true);
        t.count(Label::EasyNo, Some((0, 3)), false);
        t.count(Label::Ambiguous, Some((2, 3)), false);
        t.count(Label::Yes, None, true);
        assert_eq!((t.voted, t.voted_yes), (3, 1));
        // One coder: 1 expected true accept out of 1 + 1/3 expected accepts.
        assert!((t.coder_p() - 0.75).abs() < 1e-12);
        assert!((t.coder_f1() - 2.0 * 0.75 / 1.75).abs() < 1e-12);
        // Majority: yes = the unanimous row and the 2-of-3 row; one of them flagged, and
        // the flagged 1-of-3 row is a false alarm.
        assert_eq!(
            (
                t.majority_yes,
                t.majority_yes_flagged,
                t.majority_no_flagged
            ),
            (2, 1, 1)
        );
        assert!((t.majority_p() - 0.5).abs() < 1e-12);
        assert!((t.majority_r() - 0.5).abs() < 1e-12);
        // Halves add up.
        let mut h: Halves<PanelTally> = Halves::default();
        h.add(Split::Dev, &t);
        h.add(Split::Test, &t);
        assert_eq!(h.all().voted, 6);
        assert!((h.all().coder_p() - 0.75).abs() < 1e-12);
    }

    #[test]
    fn tokens_are_located_as_words_in_the_coders_order() {
        let text = chars("خرج الطلاب ثم خرج العمال، وخرجت مسيرة");
        let seq = locate_sequence(&text, &["العمال".into(), "خرج".into(), "غائب".into()]);
        // No whole word خرج follows العمال (وخرجت only contains it): the whole word before
        // it wins over the substring after it. A token not in the text is None.
        assert_eq!(seq[0], Some((18, 24)));
        assert_eq!(seq[1], Some((0, 3)));
        assert_eq!(seq[2], None);
        // In order, the repeated word resolves to the occurrence after the previous token.
        let seq = locate_sequence(&text, &["ثم".into(), "خرج".into()]);
        assert_eq!(seq[1], Some((14, 17)));
        // A whole word is preferred to a substring; a substring is the fallback.
        assert_eq!(find_word(&text, &chars("مسيرة"), 0), Some((32, 37)));
        assert_eq!(find_word(&text, &chars("خرج"), 20), Some((0, 3)));
        assert_eq!(find_word(&text, &chars("سير"), 0), Some((33, 36)));
        assert_eq!(find_word(&text, &chars("رجت"), 0), Some((28, 31)));
        assert_eq!(find_word(&text, &chars(""), 0), None);
        assert_eq!(find_word(&chars("ab"), &chars("abc"), 0), None);
    }

    #[test]
    fn source_words_fold_and_drop_conjunctions_articles_and_short_words() {
        let gold = key_words("والمتظاهرين في المدينة");
        assert!(shares_word("المتظاهرين", &gold));
        assert!(shares_word("متظاهرين غاضبين", &gold));
        assert!(!shares_word("في", &gold));
        assert!(!shares_word("الطلاب", &gold));
        // Folding: hamza seats and alef forms meet.
        assert!(shares_word("الأمم", &key_words("والامم المتحدة")));
    }

    fn span_record(
        text: &str,
        coders: &[(&[&str], &[&str])],
        source: &str,
        verb: &str,
    ) -> SpanRecord {
        SpanRecord {
            id: "x".into(),
            text: text.into(),
            event_type: Some("PROTEST".into()),
            spans: coders
                .iter()
                .map(|(s, v)| CoderSpan {
                    source_actor: s.iter().map(|x| x.to_string()).collect(),
                    verb: v.iter().map(|x| x.to_string()).collect(),
                })
                .collect(),
            source_gold: source.into(),
            verb_gold: verb.into(),
        }
    }

    #[test]
    fn a_span_sentence_is_found_by_cue_overlap_and_scored_on_its_source() {
        let text = "تظاهر مئات العمال أمام الوزارة وطالبوا الحكومة برفع الأجور";
        let rec = span_record(
            text,
            &[
                (&["مئات", "العمال"], &["تظاهر"]),
                (&["العمال"], &["تظاهر", "وطالبوا"]),
            ],
            "العمال",
            "تظاهر",
        );
        let g = prepare_span(&rec).unwrap();
        let cons = g.consensus.as_ref().unwrap();
        assert_eq!(cons.verb, vec![span_of(text, "تظاهر", 0)]);
        assert_eq!(g.any.verb.len(), 2);
        let tz = span_of(text, "تظاهر", 0);
        let tl = span_of(text, "وطالبوا", 0);
        // A PROTEST on the verb with the right source; a REQUEST on the coordinated verb.
        let mut protest = ev(EventType::Protest, tz);
        protest.source = arg("العمال", 11, 17);
        let mut request = ev(EventType::Request, tl);
        request.source = arg("الحكومة", 39, 46);
        let t = score_span(&g, &[request.clone(), protest.clone()], None);
        assert_eq!(
            t.0[0],
            ActorTally {
                sentences: 1,
                gold: 1,
                found: 1,
                source_ok: 1
            }
        );
        // With a wrong source on the PROTEST, the typed views fail on source only.
        let mut wrong = protest.clone();
        wrong.source = arg("الوزارة", 23, 30);
        let t = score_span(&g, &[wrong.clone()], None);
        assert_eq!(
            t.0[0],
            ActorTally {
                sentences: 1,
                gold: 1,
                found: 1,
                source_ok: 0
            }
        );
        // Only a REQUEST on the second coder's verb: the consensus view misses it; the any
        // coder view finds it when any type counts, and its source is wrong.
        let t = score_span(&g, &[request.clone()], None);
        assert_eq!(t.0[0].found, 0);
        assert_eq!(t.0[1].found, 0);
        assert_eq!(t.0[2].found, 0);
        assert_eq!(
            t.0[3],
            ActorTally {
                sentences: 1,
                gold: 1,
                found: 1,
                source_ok: 0
            }
        );
        // No predicted source while the gold names one is wrong; errors are reported.
        let mut errs = Vec::new();
        let t = score_span(&g, &[ev(EventType::Protest, tz)], Some(&mut errs));
        assert_eq!((t.0[0].found, t.0[0].source_ok), (1, 0));
        assert_eq!(errs.len(), 1);
        assert!(errs[0].contains("SOURCE"));
    }

    #[test]
    fn a_sentence_without_a_consensus_verb_counts_only_in_the_any_coder_view() {
        let text = "اعتصم المعلمون وأضرب الأطباء";
        let rec = span_record(text, &[(&[], &["اعتصم"]), (&[], &["وأضرب"])], "", "");
        let g = prepare_span(&rec).unwrap();
        assert!(g.consensus.is_none());
        // Neither coder names a source: a prediction without one is right.
        let t = score_span(
            &g,
            &[ev(EventType::Protest, span_of(text, "وأضرب", 0))],
            None,
        );
        assert_eq!(
            t.0[0],
            ActorTally {
                sentences: 1,
                gold: 0,
                found: 0,
                source_ok: 0
            }
        );
        assert_eq!(
            t.0[2],
            ActorTally {
                sentences: 1,
                gold: 1,
                found: 1,
                source_ok: 1
            }
        );
        let mut h: Halves<ActorTallies> = Halves::default();
        h.add(Split::Dev, &t);
        h.add(Split::Test, &t);
        assert_eq!(h.all().0[2].found, 2);
    }

    fn gold_event(kind: EventType, trigger: [usize; 2]) -> GoldEvent {
        GoldEvent {
            kind,
            trigger,
            source: None,
            target: None,
            certainty: CertaintyLabel::Confirmed,
            date: None,
        }
    }

    #[test]
    fn own_gold_matches_by_type_and_trigger_then_scores_arguments() {
        let mut g1 = gold_event(EventType::Consult, [10, 16]);
        g1.source = Some([0, 9]);
        g1.target = Some([17, 25]);
        g1.date = Some([26, 29]);
        let mut g2 = gold_event(EventType::Accuse, [40, 45]);
        g2.certainty = CertaintyLabel::Reported;
        let g3 = gold_event(EventType::Assault, [60, 64]);
        let gold = vec![g1, g2, g3];

        // p1: right type, overlapping trigger, right source, wrong target, right date.
        let mut p1 = ev(EventType::Consult, (12, 16));
        p1.source = arg("س", 3, 6);
        p1.target = arg("ص", 30, 33);
        p1.date = Some(EventDate {
            value: None,
            precision: DatePrecision::Day,
            text: Some("أمس".into()),
            start: Some(26),
            end: Some(29),
        });
        // p2: a second CONSULT on the same trigger, smaller overlap: a false alarm.
        let p2 = ev(EventType::Consult, (15, 18));
        // p3: the ACCUSE trigger with the wrong type (SUPPORT): found, misclassified.
        let p3 = ev(EventType::Support, (41, 44));
        // p4: nothing in the gold there.
        let p4 = ev(EventType::Assault, (80, 84));
        let pred = vec![p2, p1, p3, p4];
        let mut errs = Vec::new();
        let t = score_article(&gold, &pred, &chars(&"ب".repeat(90)), Some(&mut errs));
        assert_eq!((t.gold, t.predicted, t.matched), (3, 4, 1));
        // Untyped: p1-g1 and p3-g2 (p2 loses g1 to p1's larger overlap).
        assert_eq!(t.trigger_matched, 2);
        assert_eq!((t.source_ok, t.target_ok, t.certainty_ok), (1, 0, 1));
        assert_eq!((t.dated, t.date_ok), (1, 1));
        assert_eq!(t.confusion[0][0], 1);
        let c = t.by_type[type_index(EventType::Consult)];
        assert_eq!((c.gold, c.predicted, c.matched), (1, 2, 1));
        assert_eq!(t.by_type[type_index(EventType::Support)].predicted, 1);
        assert_eq!(t.by_type[type_index(EventType::Accuse)].gold, 1);
        assert!((t.p() - 0.25).abs() < 1e-12);
        assert!((t.r() - 1.0 / 3.0).abs() < 1e-12);
        assert!((t.trigger_f1() - f1(0.5, 2.0 / 3.0)).abs() < 1e-12);
        // One wrong-argument line, two misses (ACCUSE, ASSAULT), three false alarms.
        assert_eq!(errs.iter().filter(|e| e.contains("MISS")).count(), 2);
        assert_eq!(errs.iter().filter(|e| e.contains("FALSE")).count(), 3);
        assert_eq!(errs.iter().filter(|e| e.contains("target gold")).count(), 1);
    }

    #[test]
    fn arguments_null_on_both_sides_are_right_and_certainty_fills_the_confusion() {
        let mut g = gold_event(EventType::Protest, [0, 5]);
        g.certainty = CertaintyLabel::Expected;
        g.date = Some([6, 9]);
        let mut p = ev(EventType::Protest, (0, 5));
        p.certainty.label = CertaintyLabel::Denied;
        // A date without a span does not count as the gold's date.
        p.date = Some(EventDate {
            value: Some("2015-08-01".into()),
            precision: DatePrecision::Day,
            text: None,
            start: None,
            end: None,
        });
        let t = score_article(&[g], &[p], &[], None);
        assert_eq!(
            (t.matched, t.source_ok, t.target_ok, t.certainty_ok),
            (1, 1, 1, 0)
        );
        assert_eq!((t.dated, t.date_ok), (1, 0));
        assert_eq!(
            t.confusion[certainty_index(CertaintyLabel::Expected)]
                [certainty_index(CertaintyLabel::Denied)],
            1
        );
        // No gold, no prediction: nothing to count, no division by zero.
        let t = score_article(&[], &[], &[], None);
        assert_eq!((t.p(), t.r(), t.f1(), t.certainty()), (0.0, 0.0, 0.0, 0.0));
    }

    #[test]
    fn bad_gold_spans_are_refused() {
        let head = GoldRef {
            id: "snn-x".into(),
            source: "okaz".into(),
            order: 0,
            chars: 50,
            fnv1a64: String::new(),
        };
        let ok = GoldArticle {
            head: head.clone(),
            events: vec![gold_event(EventType::Agree, [3, 8])],
        };
        assert!(check_gold(&ok).is_ok());
        for bad in [[8, 3], [5, 5], [40, 51]] {
            let g = GoldArticle {
                head: head.clone(),
                events: vec![gold_event(EventType::Agree, bad)],
            };
            assert!(check_gold(&g).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn the_gold_line_format_parses() {
        let line = r#"{"id": "snn-1", "source": "okaz", "order": 3, "chars": 40, "fnv1a64": "ab",
            "events": [{"type": "CONSULT", "trigger": [1, 4], "source": [5, 9], "target": null,
                        "certainty": "expected", "date": null}]}"#;
        let g: GoldArticle = serde_json::from_str(line).unwrap();
        assert_eq!(g.head.order, 3);
        assert_eq!(g.events[0].kind, EventType::Consult);
        assert_eq!(g.events[0].source, Some([5, 9]));
        assert_eq!(g.events[0].certainty, CertaintyLabel::Expected);
        let bad = line.replace("CONSULT", "VISIT");
        assert!(serde_json::from_str::<GoldArticle>(&bad).is_err());
    }
}
