//! `marsad train clusters`: learn word clusters from a news corpus (word2vec skip-gram, then
//! hierarchical k-means) into the file the NER tagger trains with
//! (`crates/marsad-extract/data/clusters.tsv`).
//!
//! Deterministic: one training thread, seeded generators, a vocabulary sorted by count then
//! bytes; the output depends only on the corpus and the settings.

use crate::input;
use anyhow::{Context, Result, bail};
use marsad_arabic::token::{TokenKind, Tokens};
use marsad_extract::ner::clusters::{Clusters, WordInfo};
use marsad_extract::ner::features::word_form;
use marsad_extract::ner::kmeans::{KMeansConfig, cluster_paths};
use marsad_extract::ner::word2vec::{Corpus, Word2VecConfig, train};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// A JSONL corpus (optionally .gz/.zst) whose records have `title` and `content`.
    #[arg(long)]
    pub corpus: PathBuf,
    /// Where to write the clusters file.
    #[arg(long)]
    pub out: PathBuf,
    /// Embedding size.
    #[arg(long, default_value_t = 80)]
    pub dim: usize,
    /// Context window on each side (small windows give syntactic, name-like clusters).
    #[arg(long, default_value_t = 2)]
    pub window: usize,
    /// Passes over the corpus.
    #[arg(long, default_value_t = 3)]
    pub epochs: usize,
    /// Words seen fewer times are left out.
    #[arg(long, default_value_t = 5)]
    pub min_count: u32,
    /// Keep at most this many words (the most frequent).
    #[arg(long, default_value_t = 120_000)]
    pub max_vocab: usize,
    /// Clusters per node at each of the three levels, e.g. `64,8,4`.
    #[arg(long, default_value = "64,8,4")]
    pub branching: String,
    /// Seed of every random choice.
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
}

pub fn run(args: Args) -> Result<ExitCode> {
    let branching: Vec<usize> = args
        .branching
        .split(',')
        .map(|s| s.trim().parse::<usize>())
        .collect::<std::result::Result<_, _>>()
        .context("--branching must be three numbers such as 64,8,4")?;
    let [b0, b1, b2] = branching[..] else {
        bail!("--branching must be three numbers such as 64,8,4");
    };
    let t0 = Instant::now();
    let mut corpus = Corpus::new();
    let mut form = String::new();
    let mut words: Vec<String> = Vec::new();
    let records = input::for_each_article(&args.corpus, |v| {
        for field in ["title", "content"] {
            let Some(text) = v.get(field).and_then(|t| t.as_str()) else {
                continue;
            };
            words.clear();
            for token in Tokens::new(text) {
                if matches!(
                    token.kind,
                    TokenKind::Url | TokenKind::Email | TokenKind::Mention | TokenKind::Other
                ) {
                    continue;
                }
                word_form(token.text(text), &mut form);
                if !form.is_empty() {
                    words.push(form.clone());
                }
            }
            corpus.add_document(words.iter().map(String::as_str));
        }
    })?;
    if corpus.tokens() == 0 {
        bail!("{}: no tokens found", args.corpus.display());
    }
    eprintln!(
        "marsad: {records} records, {} documents, {} tokens read in {:.1}s",
        corpus.documents(),
        corpus.tokens(),
        t0.elapsed().as_secs_f64()
    );
    let w2v = Word2VecConfig {
        dim: args.dim,
        window: args.window,
        epochs: args.epochs,
        min_count: args.min_count,
        max_vocab: args.max_vocab,
        seed: args.seed,
        ..Word2VecConfig::default()
    };
    let t1 = Instant::now();
    let emb = train(&corpus, &w2v)?;
    drop(corpus);
    eprintln!(
        "marsad: embeddings for {} words in {:.1}s",
        emb.words.len(),
        t1.elapsed().as_secs_f64()
    );
    let km = KMeansConfig {
        branching: [b0, b1, b2],
        seed: args.seed,
        ..KMeansConfig::default()
    };
    let t2 = Instant::now();
    let paths = cluster_paths(&emb.vectors, emb.dim, &km);
    eprintln!("marsad: clustered in {:.1}s", t2.elapsed().as_secs_f64());
    let source = args
        .corpus
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let comments = vec![
        format!("corpus: {source} (title and content of every record)"),
        w2v.describe(),
        format!(
            "hierarchical spherical k-means: branching {b0},{b1},{b2} iterations {} seed {}",
            km.iterations, km.seed
        ),
        "rebuild: marsad train clusters --corpus <saudinewsnet_full.jsonl.zst> --out <this file>"
            .to_string(),
    ];
    let rows: Vec<(String, WordInfo)> = emb
        .words
        .into_iter()
        .zip(emb.counts)
        .zip(paths)
        .map(|((w, c), p)| {
            (
                w,
                WordInfo {
                    count: c.min(u64::from(u32::MAX)) as u32,
                    path: p,
                },
            )
        })
        .collect();
    let clusters = Clusters::from_words(rows, comments);
    let text = clusters.to_text();
    std::fs::write(&args.out, &text)
        .with_context(|| format!("cannot write {}", args.out.display()))?;
    eprintln!(
        "marsad: wrote {} ({} words, {} bytes) in {:.1}s total",
        args.out.display(),
        clusters.len(),
        text.len(),
        t0.elapsed().as_secs_f64()
    );
    Ok(ExitCode::SUCCESS)
}
