//! `marsad eval lucene`: marsad against the expectations of Lucene's Arabic analysis tests.
//!
//! The vectors are `component<TAB>lucene_test<TAB>input<TAB>expected`, the expected tokens
//! separated by spaces. Each component is rebuilt from marsad's parts:
//!
//! * `ArabicNormalizationFilter`: [`normalize`] with [`Folds::LUCENE`];
//! * `ArabicStemFilter`: [`light10`] on each whitespace token, without normalization; a
//!   `keyword=` in the test name protects that word from stemming;
//! * `ArabicAnalyzer`: Lucene's chain — tokenize (word and number tokens), lower-case,
//!   Arabic-Indic digits to ASCII, stopwords (marsad's, or the test's `stopwords=` list, or
//!   none for `EMPTY`), [`Folds::LUCENE`] normalization, the test's `stemExclusion=` set,
//!   light10.
//!
//! The gate: every normalization and stem row must pass, and the analyzer rows must reach
//! `--analyzer-floor`.

use crate::input;
use anyhow::{Context, Result, bail};
use marsad_arabic::normalize::{Folds, normalize, normalize_into};
use marsad_arabic::stem::light10;
use marsad_arabic::stopwords::StopwordSet;
use marsad_arabic::token::{TokenKind, tokenize};
use std::collections::BTreeMap;
use std::io::BufRead;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The vectors file (`component, lucene_test, input, expected`, tab-separated).
    #[arg(long)]
    vectors: PathBuf,
    /// Fewest analyzer rows that must pass, as a fraction.
    #[arg(long, default_value_t = 1.0)]
    analyzer_floor: f64,
}

/// The Lucene component a row tests.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Component {
    Normalization,
    Stem,
    Analyzer,
}

impl Component {
    fn parse(name: &str) -> Option<Component> {
        match name {
            "ArabicNormalizationFilter" => Some(Component::Normalization),
            "ArabicStemFilter" => Some(Component::Stem),
            "ArabicAnalyzer" => Some(Component::Analyzer),
            _ => None,
        }
    }

    fn name(self) -> &'static str {
        match self {
            Component::Normalization => "ArabicNormalizationFilter",
            Component::Stem => "ArabicStemFilter",
            Component::Analyzer => "ArabicAnalyzer",
        }
    }
}

/// The `key=value,value` parameters in the parentheses of a test name, such as
/// `testWithStemExclusionSet(stopwords=EMPTY,stemExclusion=ساهدهات)`. A description in
/// parentheses (`testBasicFeatures(plural -at)`) has no `=` and gives no parameter. A value
/// list continues until the next piece with a `=`: `stopwords=the,and,a`.
fn test_params(test: &str) -> BTreeMap<String, Vec<String>> {
    let mut params: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let Some(inner) = test
        .split_once('(')
        .and_then(|(_, rest)| rest.strip_suffix(')'))
    else {
        return params;
    };
    let mut key: Option<String> = None;
    for piece in inner.split(',') {
        if let Some((k, v)) = piece.split_once('=') {
            let k = k.trim().to_owned();
            params
                .entry(k.clone())
                .or_default()
                .push(v.trim().to_owned());
            key = Some(k);
        } else if let Some(k) = &key {
            params
                .entry(k.clone())
                .or_default()
                .push(piece.trim().to_owned());
        }
    }
    // `EMPTY` means an empty list.
    for values in params.values_mut() {
        values.retain(|v| v != "EMPTY" && !v.is_empty());
    }
    params
}

/// The expected output of one row, as marsad computes it.
fn run_row(component: Component, test: &str, input: &str) -> Vec<String> {
    let params = test_params(test);
    match component {
        Component::Normalization => {
            let n = normalize(input, Folds::LUCENE).text;
            if n.is_empty() { vec![] } else { vec![n] }
        }
        Component::Stem => {
            let keywords = params.get("keyword").cloned().unwrap_or_default();
            input
                .split_whitespace()
                .map(|w| {
                    if keywords.iter().any(|k| k == w) {
                        w.to_owned()
                    } else {
                        light10(w).to_owned()
                    }
                })
                .collect()
        }
        Component::Analyzer => {
            let stopwords = match params.get("stopwords") {
                Some(list) => StopwordSet::from_words(list, Folds::LOWERCASE),
                None => StopwordSet::marsad().clone(),
            };
            let exclusion = params.get("stemExclusion").cloned().unwrap_or_default();
            analyze_like_lucene(input, &stopwords, &exclusion)
        }
    }
}

/// Lucene's `ArabicAnalyzer` chain built from marsad's parts.
fn analyze_like_lucene(text: &str, stopwords: &StopwordSet, exclusion: &[String]) -> Vec<String> {
    let mut out = Vec::new();
    let (mut lowered, mut scratch, mut normalized) = (String::new(), String::new(), String::new());
    for token in tokenize(text) {
        if !(token.kind.is_word() || token.kind == TokenKind::Number) {
            continue;
        }
        lowered.clear();
        normalize_into(
            token.text(text),
            Folds::LOWERCASE | Folds::DIGITS,
            &mut lowered,
        );
        if stopwords.matches(&lowered, &mut scratch) {
            continue;
        }
        normalized.clear();
        normalize_into(&lowered, Folds::LUCENE, &mut normalized);
        if normalized.is_empty() {
            continue;
        }
        if exclusion.contains(&normalized) {
            out.push(normalized.clone());
        } else {
            out.push(light10(&normalized).to_owned());
        }
    }
    out
}

pub fn run(args: Args) -> Result<ExitCode> {
    let mut passed: BTreeMap<Component, (usize, usize)> = BTreeMap::new();
    let mut failures = Vec::new();
    let reader = input::open(&args.vectors)?;
    for (i, line) in reader.lines().enumerate() {
        let line = line.with_context(|| format!("{}: line {}", args.vectors.display(), i + 1))?;
        if i == 0 && line.starts_with("component\t") || line.trim().is_empty() {
            continue;
        }
        let fields: Vec<&str> = line.split('\t').collect();
        let [component, test, input, expected] = fields[..] else {
            bail!(
                "{}: line {} has {} fields, expected 4",
                args.vectors.display(),
                i + 1,
                fields.len()
            );
        };
        let Some(comp) = Component::parse(component) else {
            bail!(
                "{}: line {}: unknown component {component}",
                args.vectors.display(),
                i + 1
            );
        };
        let expected: Vec<&str> = expected.split(' ').filter(|t| !t.is_empty()).collect();
        let got = run_row(comp, test, input);
        let entry = passed.entry(comp).or_default();
        entry.1 += 1;
        if got == expected {
            entry.0 += 1;
        } else {
            failures.push(format!(
                "  FAIL {} {test}: {input:?} -> {:?}, expected {expected:?}",
                comp.name(),
                got.join(" ")
            ));
        }
    }
    if passed.is_empty() {
        bail!("{}: no vectors", args.vectors.display());
    }

    println!("Lucene Arabic analysis vectors: {}", args.vectors.display());
    let mut ok = true;
    for comp in [
        Component::Normalization,
        Component::Stem,
        Component::Analyzer,
    ] {
        let (p, n) = passed.get(&comp).copied().unwrap_or_default();
        let rate = if n == 0 { 0.0 } else { p as f64 / n as f64 };
        let floor = match comp {
            Component::Analyzer => args.analyzer_floor,
            _ => 1.0,
        };
        let verdict = if rate + 1e-12 >= floor {
            "ok"
        } else {
            "BELOW FLOOR"
        };
        if n == 0 || rate + 1e-12 < floor {
            ok = false;
        }
        println!(
            "  {:<26} {p:>3}/{n:<3} {:>6.1}%  (floor {:.1}%) {verdict}",
            comp.name(),
            100.0 * rate,
            100.0 * floor
        );
    }
    for f in &failures {
        println!("{f}");
    }
    Ok(if ok {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn params_from_test_names() {
        let p = test_params("testCustomStopwords(stopwords=the,and,a)");
        assert_eq!(p["stopwords"], ["the", "and", "a"]);
        let p = test_params("testWithStemExclusionSet(stopwords=EMPTY,stemExclusion=كتب)");
        assert!(p["stopwords"].is_empty());
        assert_eq!(p["stemExclusion"], ["كتب"]);
        assert!(test_params("testBasicFeatures(plural -at)").is_empty());
        assert!(test_params("testAlPrefix").is_empty());
    }

    #[test]
    fn analyzer_chain() {
        let ours = StopwordSet::marsad().clone();
        assert_eq!(
            analyze_like_lucene("ما كتبت الطالبات ٢٠١٥", &ours, &[]),
            ["كتبت", "طالب", "2015"]
        );
        let none = StopwordSet::empty();
        assert_eq!(
            analyze_like_lucene("The مدرسة", &none, &["مدرسه".to_owned()]),
            ["the", "مدرسه"]
        );
    }
}
