//! `marsad watch FEED_URL…`: poll feeds politely and print only new items.
//!
//! Conditional GET (If-None-Match / If-Modified-Since), exponential backoff with jitter on
//! errors (honouring Retry-After), a minimum gap between requests to one host, and a state
//! file so a restart does not re-emit old items. New items go to stdout (JSON Lines with
//! `--json`, one summary line each otherwise); poll results go to stderr.
//!
//! Exit codes: with `--once`, 0 when every feed was fetched or unchanged, 1 when any failed;
//! without it, the command runs until interrupted.

use anyhow::{Context, Result};
use marsad_ingest::watch::{Policy, PollOutcome, Poller, Scheduler, WatchState};
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::{Duration, Instant};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Feed URLs (RSS or Atom).
    #[arg(required = true)]
    pub feeds: Vec<String>,
    /// Seconds between polls of a healthy feed.
    #[arg(long, default_value_t = 900)]
    pub interval: u64,
    /// Minimum seconds between two requests to the same host.
    #[arg(long, default_value_t = 5)]
    pub host_gap: u64,
    /// Maximum backoff in seconds after repeated errors.
    #[arg(long, default_value_t = 6 * 3600)]
    pub max_backoff: u64,
    /// Remember validators and seen items here between runs.
    #[arg(long, value_name = "FILE")]
    pub state: Option<PathBuf>,
    /// Poll each feed once and exit.
    #[arg(long)]
    pub once: bool,
    /// Write new items as JSON Lines.
    #[arg(long)]
    pub json: bool,
    /// Request timeout in seconds.
    #[arg(long, default_value_t = 30)]
    pub timeout: u64,
}

pub fn run(args: Args) -> Result<ExitCode> {
    let state = match &args.state {
        Some(p) => WatchState::load(p)
            .with_context(|| format!("cannot read state file {}", p.display()))?,
        None => WatchState::default(),
    };
    let mut poller = Poller::new(state, Duration::from_secs(args.timeout), 32 << 20);
    let policy = Policy {
        interval: Duration::from_secs(args.interval),
        backoff_base: Duration::from_secs(60.min(args.interval.max(1))),
        backoff_max: Duration::from_secs(args.max_backoff),
        per_host_gap: Duration::from_secs(args.host_gap),
    };
    let mut sched = Scheduler::new(policy, &args.feeds, Instant::now());
    let mut remaining_once = args.feeds.len();
    let mut any_failed = false;
    let stdout = std::io::stdout();
    while let Some((feed, at)) = sched.next() {
        if args.once && remaining_once == 0 {
            break;
        }
        let now = Instant::now();
        if at > now {
            std::thread::sleep(at - now);
        }
        let outcome = poller.poll(&feed);
        let failures = poller.state.feeds.get(&feed).map_or(0, |f| f.failures);
        let mut retry = None;
        match outcome {
            PollOutcome::NotModified => eprintln!("marsad: {feed}: not modified"),
            PollOutcome::Fetched { new, items, failed } => {
                eprintln!("marsad: {feed}: {items} items, {} new", new.len());
                for e in failed {
                    eprintln!("marsad: {e}");
                }
                let mut out = stdout.lock();
                for a in &new {
                    if args.json {
                        serde_json::to_writer(&mut out, a)?;
                        writeln!(out)?;
                    } else {
                        let when = a
                            .published
                            .as_ref()
                            .map_or("-".to_string(), |p| p.to_string());
                        writeln!(
                            out,
                            "{when}\t{}\t{}",
                            a.outlet.as_deref().unwrap_or("-"),
                            a.title
                        )?;
                    }
                }
                out.flush()?;
            }
            PollOutcome::Failed { error, retry_after } => {
                any_failed = true;
                retry = retry_after;
                eprintln!("marsad: {error} (failure {failures}; backing off)");
            }
        }
        if let Some(p) = &args.state {
            poller
                .state
                .save(p)
                .with_context(|| format!("cannot write state file {}", p.display()))?;
        }
        sched.done(&feed, Instant::now(), failures, retry);
        remaining_once = remaining_once.saturating_sub(1);
    }
    Ok(if args.once && any_failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
