//! `marsad ingest PATH…`: read files into the store, incrementally, idempotently and
//! crash-safely.
//!
//! Files whose size and modification time match what the store recorded are skipped
//! without being read; articles whose id is stored already are not added again. Articles
//! are committed in batches (see `marsad_index::store` for the two-phase commit), so a
//! kill at any moment followed by the same command ends with exactly the right store.
//!
//! Duplicates: within a batch, exact and near copies are found by `marsad_ingest::dedup`;
//! across batches and runs, by the compact fingerprint (content hash and MinHash signature)
//! kept with each stored article (`marsad_ingest::dedup::incremental`).

use super::data::DataArgs;
use anyhow::{Context, Result};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use marsad_core::{Article, Source};
use marsad_index::FileRecord;
use marsad_index::store::Phase;
use marsad_ingest::dedup::incremental::{Compact, SeenIndex};
use marsad_ingest::dedup::{DedupOptions, dedup_with, fingerprints};
use marsad_ingest::{Event, IngestError, Options};
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{Instant, UNIX_EPOCH};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Files and directories to ingest (directories recursively; gzip/zstd transparently).
    #[arg(required = true)]
    paths: Vec<PathBuf>,
    #[command(flatten)]
    data: DataArgs,
    /// Indexing threads.
    #[arg(long, default_value_t = 2)]
    threads: usize,
    /// Commit after this many new articles (a crash loses at most one batch, which the
    /// next run re-adds).
    #[arg(long, default_value_t = 20_000)]
    batch: usize,
    /// Print the summary as JSON on stdout.
    #[arg(long)]
    json: bool,
    /// Re-read files even when their size and time are unchanged.
    #[arg(long)]
    force: bool,
}

/// The counts printed at the end.
#[derive(Debug, Default, serde::Serialize)]
struct Summary {
    /// Files looked at.
    files: usize,
    /// Files skipped because they are unchanged since the last ingest.
    unchanged_files: usize,
    /// Files and records read (articles + failures).
    read: usize,
    /// New articles stored as originals.
    ingested: usize,
    /// New articles stored as copies of an earlier one.
    duplicate: usize,
    /// Articles already in the store.
    already_stored: usize,
    /// Files and records that failed.
    failed: usize,
    /// Records that are not articles (WARC requests, images…).
    skipped: usize,
    /// Wall-clock seconds.
    seconds: f64,
    /// Peak resident memory of the process, in MB (Linux only).
    peak_rss_mb: Option<f64>,
}

/// The process's peak resident set size, from `/proc/self/status` (Linux).
fn peak_rss_mb() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

/// Environment variable that makes the process abort at a commit phase: tests use it to
/// prove crash safety at the worst moments (`index-committed`, `committed`).
const FAILPOINT: &str = "MARSAD_FAILPOINT";

pub fn run(args: Args) -> Result<ExitCode> {
    let started = Instant::now();
    let store = args.data.open()?;
    let mut writer = store.writer(args.threads)?;
    if let Ok(point) = std::env::var(FAILPOINT) {
        writer.on_phase(move |phase| {
            let hit = match phase {
                Phase::IndexCommitted => point == "index-committed",
                Phase::Committed => point == "committed",
            };
            if hit {
                std::process::abort();
            }
        });
    }
    // Copies across batches and runs: the originals stored so far.
    let mut originals = SeenIndex::new();
    for (id, bytes) in store.fingerprints()? {
        if let Some(fp) = Compact::from_bytes(&bytes) {
            originals.insert(&id, &fp);
        }
    }

    let files = list_files(&args.paths);
    let progress = progress_bar(files.len() as u64, args.json);
    let opts = Options::default();
    let mut summary = Summary::default();
    let mut batch: Vec<Article> = Vec::new();
    let mut batch_files: Vec<(String, FileRecord)> = Vec::new();
    let mut readable_files = 0usize;

    for file in files {
        summary.files += 1;
        progress.inc(1);
        let path = match file {
            Ok(p) => p,
            Err(e) => {
                report(&progress, &e);
                summary.failed += 1;
                summary.read += 1;
                continue;
            }
        };
        let location = path.display().to_string();
        let (size, mtime) = stat(&path);
        if !args.force {
            if let Some(rec) = writer.file(&location)? {
                if rec.size == size && rec.mtime == mtime && rec.error.is_none() {
                    summary.unchanged_files += 1;
                    readable_files += 1;
                    continue;
                }
            }
        }
        let mut record = FileRecord { size, mtime, articles: 0, failed: 0, error: None };
        marsad_ingest::read_path(&path, &opts, &mut |event| match event {
            Event::Article(a) => {
                record.articles += 1;
                batch.push(a);
            }
            Event::Failed(e) => {
                report(&progress, &e);
                if e.source.record.is_none() {
                    record.error = Some(e.kind.to_string());
                } else {
                    record.failed += 1;
                }
            }
            Event::Skipped { .. } => summary.skipped += 1,
        });
        summary.read += record.articles as usize + record.failed as usize + usize::from(record.error.is_some());
        summary.failed += record.failed as usize + usize::from(record.error.is_some());
        if record.error.is_none() {
            readable_files += 1;
        }
        batch_files.push((location, record));
        if batch.len() >= args.batch {
            flush(&mut writer, &mut batch, &mut batch_files, &mut originals, &mut summary)?;
            progress.set_message(format!("{} articles stored", summary.ingested + summary.duplicate));
        }
        let secs = started.elapsed().as_secs_f64().max(1e-3);
        progress.set_message(format!(
            "{:.0} articles/s",
            (summary.ingested + summary.duplicate + batch.len()) as f64 / secs
        ));
    }
    flush(&mut writer, &mut batch, &mut batch_files, &mut originals, &mut summary)?;
    writer.finish()?;
    progress.finish_and_clear();
    summary.seconds = started.elapsed().as_secs_f64();
    summary.peak_rss_mb = peak_rss_mb();

    if args.json {
        println!("{}", serde_json::to_string(&summary)?);
    } else {
        eprintln!(
            "marsad: {} files ({} unchanged): read {}, ingested {}, duplicate {}, already stored {}, failed {}{} in {:.1} s",
            summary.files,
            summary.unchanged_files,
            summary.read,
            summary.ingested,
            summary.duplicate,
            summary.already_stored,
            summary.failed,
            if summary.skipped > 0 { format!(", skipped {} non-article records", summary.skipped) } else { String::new() },
            summary.seconds
        );
    }
    // Non-zero only when nothing at all could be read.
    Ok(if readable_files == 0 && summary.files > 0 { ExitCode::from(1) } else { ExitCode::SUCCESS })
}

/// Dedups the batch, adds it, records its files and commits.
fn flush(
    writer: &mut marsad_index::StoreWriter<'_>,
    batch: &mut Vec<Article>,
    files: &mut Vec<(String, FileRecord)>,
    originals: &mut SeenIndex,
    summary: &mut Summary,
) -> Result<()> {
    if batch.is_empty() && files.is_empty() {
        return Ok(());
    }
    let fps = fingerprints(batch, 0);
    dedup_with(batch, &fps, &DedupOptions::default());
    for (article, fp) in batch.iter_mut().zip(&fps) {
        let fp = Compact::from(fp);
        if article.dup_of.is_none() {
            match originals.find(&fp) {
                Some(orig) if orig != article.id => article.dup_of = Some(orig.to_string()),
                Some(_) => {}
                None => originals.insert(&article.id, &fp),
            }
        }
        if writer.add(article, Some(&fp.to_bytes()))? {
            if article.dup_of.is_some() {
                summary.duplicate += 1;
            } else {
                summary.ingested += 1;
            }
        } else {
            summary.already_stored += 1;
        }
    }
    for (path, record) in files.iter() {
        writer.record_file(path, record)?;
    }
    writer.commit().context("commit failed")?;
    batch.clear();
    files.clear();
    Ok(())
}

fn report(progress: &ProgressBar, e: &IngestError) {
    progress.suspend(|| eprintln!("marsad: {e}"));
}

fn stat(path: &Path) -> (u64, i64) {
    std::fs::metadata(path).map_or((0, 0), |m| {
        let mtime = m
            .modified()
            .ok()
            .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
            .map_or(0, |d| d.as_secs() as i64);
        (m.len(), mtime)
    })
}

/// Every file under `paths`, in name order, skipping hidden entries inside directories.
fn list_files(paths: &[PathBuf]) -> Vec<Result<PathBuf, IngestError>> {
    let mut out = Vec::new();
    for p in paths {
        if !p.is_dir() {
            out.push(Ok(p.clone()));
            continue;
        }
        let walker = walkdir::WalkDir::new(p)
            .follow_links(true)
            .sort_by_file_name()
            .into_iter()
            .filter_entry(|e| {
                e.depth() == 0 || !e.file_name().to_str().is_some_and(|s| s.starts_with('.'))
            });
        for entry in walker {
            match entry {
                Ok(e) if e.file_type().is_file() => out.push(Ok(e.into_path())),
                Ok(_) => {}
                Err(e) => {
                    let loc = e.path().unwrap_or(p).display().to_string();
                    let io = e.into_io_error().unwrap_or_else(|| std::io::Error::other("symlink loop"));
                    out.push(Err(IngestError::new(Source::file(loc), marsad_ingest::ErrorKind::Io(io))));
                }
            }
        }
    }
    out
}

fn progress_bar(len: u64, quiet: bool) -> ProgressBar {
    if quiet || !std::io::stderr().is_terminal() {
        return ProgressBar::with_draw_target(Some(len), ProgressDrawTarget::hidden());
    }
    let bar = ProgressBar::new(len);
    bar.set_style(
        ProgressStyle::with_template("{bar:30} {pos}/{len} files · {msg} · ETA {eta}")
            .unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    bar
}
