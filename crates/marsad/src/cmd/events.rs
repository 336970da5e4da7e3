//! `marsad events [--actor A] [--type T]… [--certainty C] [--from D --to D] [--genre G] [--limit N]
//! [--format table|jsonl|csv]`: events across articles from the store, one per cluster of
//! mentions (see `marsad_index::events` for how mentions merge), latest first.
//!
//! The CSV has GDELT-like columns, one row per event: `date, actor1, actor1_country,
//! actor2, actor2_country, type, cameo, quad_class, location, certainty, source_url,
//! mentions` (`type` is the PLOVER type, `quad_class` GDELT's 1–4, `source_url` the first
//! report's URL, else the file it was read from). Cells are quoted as RFC 4180 says and
//! never altered otherwise, so the file reads back exactly.

use super::data::DataArgs;
use crate::term::rtl;
use anyhow::{Context, Result, bail};
use chrono::NaiveDate;
use marsad_core::{CertaintyLabel, EventType, Genre};
use marsad_index::{EventCluster, EventFilter, Store};
use std::io::Write;
use std::process::ExitCode;

/// Output formats.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Aligned columns for reading.
    #[default]
    Table,
    /// One JSON object per event.
    Jsonl,
    /// GDELT-like CSV with a header row.
    Csv,
}

#[derive(Debug, clap::Args)]
pub struct Args {
    /// An actor, as source or target: an id, or a name or alias (every actor it stands for).
    #[arg(long, value_name = "NAME|ID")]
    actor: Option<String>,
    /// A PLOVER event type (ASSAULT, ACCUSE, CONSULT…); repeat it or separate with commas.
    #[arg(long = "type", value_name = "TYPE")]
    types: Vec<String>,
    /// Only events with this certainty: confirmed, reported, expected, possible, denied.
    #[arg(long)]
    certainty: Option<String>,
    /// First day (YYYY, YYYY-MM or YYYY-MM-DD), inclusive.
    #[arg(long, value_name = "DATE")]
    from: Option<String>,
    /// Last day (YYYY, YYYY-MM or YYYY-MM-DD), inclusive.
    #[arg(long, value_name = "DATE")]
    to: Option<String>,
    /// Only events reported in news, or only in opinion pieces (columns, editorials): an
    /// event counts when one of its reports is of that genre.
    #[arg(long, value_enum)]
    genre: Option<GenreArg>,
    /// At most this many events (default: 50 in a table, all in jsonl and csv).
    #[arg(long)]
    limit: Option<usize>,
    /// Output format.
    #[arg(long, value_enum, default_value_t)]
    format: Format,
    #[command(flatten)]
    data: DataArgs,
}

/// `--genre`.
#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub(crate) enum GenreArg {
    News,
    Opinion,
}

impl From<GenreArg> for Genre {
    fn from(g: GenreArg) -> Genre {
        match g {
            GenreArg::News => Genre::News,
            GenreArg::Opinion => Genre::Opinion,
        }
    }
}

/// The actor ids `name` stands for (an id, or every actor with that name or alias).
pub(crate) fn actor_ids(store: &Store, name: &str) -> Result<Vec<String>> {
    let ids = store.actor_ids(name)?;
    if ids.is_empty() {
        bail!(
            "no actor is known as {}; `marsad actors` lists them",
            rtl(&format!("«{}»", name.trim()))
        );
    }
    Ok(ids)
}

/// Event types from `--type` values (repeated or comma-separated, any case).
pub(crate) fn event_types(values: &[String]) -> Result<Vec<EventType>> {
    let mut out = Vec::new();
    for v in values.iter().flat_map(|v| v.split(',')) {
        let v = v.trim();
        if v.is_empty() {
            continue;
        }
        let t = EventType::parse(v).with_context(|| {
            format!(
                "--type {v:?}: use one of {}",
                EventType::ALL.map(EventType::name).join(", ")
            )
        })?;
        if !out.contains(&t) {
            out.push(t);
        }
    }
    Ok(out)
}

/// A `--certainty` value.
pub(crate) fn certainty(value: Option<&str>) -> Result<Option<CertaintyLabel>> {
    value
        .map(|c| {
            CertaintyLabel::parse(&c.trim().to_lowercase()).with_context(|| {
                format!(
                    "--certainty {c:?}: use one of {}",
                    CertaintyLabel::ALL.map(CertaintyLabel::name).join(", ")
                )
            })
        })
        .transpose()
}

/// A `--from` (`end` false) or `--to` (`end` true) value.
pub(crate) fn day(value: Option<&str>, end: bool) -> Result<Option<NaiveDate>> {
    value
        .map(|d| {
            marsad_index::search::parse_day(d, end).with_context(|| {
                format!(
                    "--{} {d:?} is not a date like 2016, 2016-05 or 2016-05-24",
                    if end { "to" } else { "from" }
                )
            })
        })
        .transpose()
}

pub fn run(args: Args) -> Result<ExitCode> {
    let types = event_types(&args.types)?;
    let certainty = certainty(args.certainty.as_deref())?;
    let (from, to) = (
        day(args.from.as_deref(), false)?,
        day(args.to.as_deref(), true)?,
    );
    let store = args.data.open()?;
    let actors = match &args.actor {
        Some(a) => actor_ids(&store, a)?,
        None => Vec::new(),
    };
    let limit = match (args.limit, args.format) {
        (Some(n), _) => Some(n),
        (None, Format::Table) => Some(50),
        (None, _) => None,
    };
    let page = store.event_clusters(&EventFilter {
        actors,
        types,
        certainty,
        from,
        to,
        limit,
        genre: args.genre.map(Genre::from),
        ..EventFilter::default()
    })?;
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let written = match args.format {
        Format::Csv => write_csv(&mut out, &page.clusters),
        Format::Jsonl => page.clusters.iter().try_for_each(|c| {
            serde_json::to_writer(&mut out, c)?;
            out.write_all(b"\n")
        }),
        Format::Table => write_table(&mut out, &page.clusters, page.total),
    };
    if let Err(e) = written.and_then(|()| out.flush())
        && e.kind() != std::io::ErrorKind::BrokenPipe
    {
        return Err(e).context("cannot write to stdout");
    }
    if page.clusters.is_empty() {
        if store.has_events()? {
            eprintln!("marsad: no stored event matches");
        } else {
            eprintln!("marsad: the store holds no events (`marsad ingest` extracts them)");
        }
        return Ok(ExitCode::from(1));
    }
    Ok(ExitCode::SUCCESS)
}

/// The CSV columns.
pub const CSV_HEADER: [&str; 12] = [
    "date",
    "actor1",
    "actor1_country",
    "actor2",
    "actor2_country",
    "type",
    "cameo",
    "quad_class",
    "location",
    "certainty",
    "source_url",
    "mentions",
];

/// One CSV cell, quoted when it holds a comma, a quotation mark, a line break or leading
/// or trailing spaces (RFC 4180; quotes doubled inside).
pub fn csv_field(s: &str) -> std::borrow::Cow<'_, str> {
    let needs = s.contains([',', '"', '\n', '\r']) || s.starts_with(' ') || s.ends_with(' ');
    if needs {
        format!("\"{}\"", s.replace('"', "\"\"")).into()
    } else {
        s.into()
    }
}

/// A CSV record with its CRLF terminator.
pub fn csv_record<S: AsRef<str>>(cells: &[S]) -> String {
    let mut line = cells
        .iter()
        .map(|c| csv_field(c.as_ref()))
        .collect::<Vec<_>>()
        .join(",");
    line.push_str("\r\n");
    line
}

fn write_csv(out: &mut impl Write, clusters: &[EventCluster]) -> std::io::Result<()> {
    out.write_all(csv_record(&CSV_HEADER).as_bytes())?;
    for c in clusters {
        let party = |p: &Option<marsad_index::Party>| {
            p.as_ref().map_or((String::new(), String::new()), |p| {
                (p.name.clone(), p.country.clone().unwrap_or_default())
            })
        };
        let (actor1, country1) = party(&c.source);
        let (actor2, country2) = party(&c.target);
        let r = &c.first_reporter;
        out.write_all(
            csv_record(&[
                c.date.clone().unwrap_or_default(),
                actor1,
                country1,
                actor2,
                country2,
                c.kind.name().to_string(),
                c.cameo.clone().unwrap_or_default(),
                c.quad.number().to_string(),
                c.location.clone().unwrap_or_default(),
                c.certainty.name().to_string(),
                r.url.clone().unwrap_or_else(|| r.source.clone()),
                c.mentions.to_string(),
            ])
            .as_bytes(),
        )?;
    }
    Ok(())
}

fn write_table(out: &mut impl Write, clusters: &[EventCluster], total: u64) -> std::io::Result<()> {
    if clusters.is_empty() {
        return Ok(());
    }
    writeln!(
        out,
        "{:<10}  {:<9}  {:<9}  {:>8}  source → target",
        "date", "type", "certainty", "mentions"
    )?;
    for c in clusters {
        let who = |p: &Option<marsad_index::Party>| {
            p.as_ref().map_or_else(|| "-".to_string(), |p| rtl(&p.name))
        };
        writeln!(
            out,
            "{:<10}  {:<9}  {:<9}  {:>8}  {} → {}{}",
            c.date.as_deref().unwrap_or("----------"),
            c.kind.name(),
            c.certainty.name(),
            c.mentions,
            who(&c.source),
            who(&c.target),
            c.location
                .as_deref()
                .map(|l| format!("  @ {}", rtl(l)))
                .unwrap_or_default()
        )?;
        let r = &c.first_reporter;
        writeln!(
            out,
            "{:>44}first: {} {} ({})",
            "",
            r.article_id,
            rtl(&r.title),
            r.outlet.as_deref().unwrap_or("?")
        )?;
    }
    if total as usize > clusters.len() {
        writeln!(
            out,
            "({} of {total} events; --limit shows more)",
            clusters.len()
        )?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Splits CSV text back into records (RFC 4180), to check that writing round-trips.
    fn parse(text: &str) -> Vec<Vec<String>> {
        let mut rows = Vec::new();
        let mut row = Vec::new();
        let mut cell = String::new();
        let mut quoted = false;
        let mut chars = text.chars().peekable();
        while let Some(c) = chars.next() {
            match (quoted, c) {
                (true, '"') if chars.peek() == Some(&'"') => {
                    chars.next();
                    cell.push('"');
                }
                (true, '"') => quoted = false,
                (true, c) => cell.push(c),
                (false, '"') => quoted = true,
                (false, ',') => row.push(std::mem::take(&mut cell)),
                (false, '\r') if chars.peek() == Some(&'\n') => {}
                (false, '\n') => {
                    row.push(std::mem::take(&mut cell));
                    rows.push(std::mem::take(&mut row));
                }
                (false, c) => cell.push(c),
            }
        }
        rows
    }

    #[test]
    fn csv_fields_quote_what_they_must() {
        assert_eq!(csv_field("حكومة الوفاق"), "حكومة الوفاق");
        assert_eq!(
            csv_field("طرابلس، ليبيا"),
            "طرابلس، ليبيا",
            "an Arabic comma is text"
        );
        assert_eq!(csv_field("طرابلس, ليبيا"), "\"طرابلس, ليبيا\"");
        assert_eq!(csv_field("قال \"لا\""), "\"قال \"\"لا\"\"\"");
        assert_eq!(csv_field("سطر\nسطر"), "\"سطر\nسطر\"");
        assert_eq!(csv_field(" حاشية"), "\" حاشية\"");
        assert_eq!(csv_field(""), "");
        // Nothing is prefixed or defused: the value reads back as written.
        assert_eq!(csv_field("=1+1"), "=1+1");
    }

    #[test]
    fn csv_records_round_trip_through_a_parser() {
        let rows: Vec<Vec<String>> = vec![
            CSV_HEADER.iter().map(|s| s.to_string()).collect(),
            vec![
                "2016-05-09".into(),
                "الجيش \"الوطني\", الليبي".into(),
                "LBY".into(),
                "قوات\r\nالكرامة".into(),
                String::new(),
                "ASSAULT".into(),
                "190".into(),
                "4".into(),
                "سرت، ليبيا".into(),
                "reported".into(),
                "https://example.org/a?x=1,2".into(),
                "3".into(),
            ],
        ];
        let text: String = rows.iter().map(|r| csv_record(r)).collect();
        assert_eq!(parse(&text), rows);
        assert!(text.ends_with("\r\n"));
    }

    #[test]
    fn flags_parse_and_refuse_clearly() {
        assert_eq!(
            event_types(&["assault,ACCUSE".into(), "Assault".into()]).unwrap(),
            vec![EventType::Assault, EventType::Accuse]
        );
        let err = event_types(&["VISIT".into()]).unwrap_err().to_string();
        assert!(err.contains("CONSULT"), "{err}");
        assert_eq!(
            certainty(Some("Denied")).unwrap(),
            Some(CertaintyLabel::Denied)
        );
        assert!(certainty(Some("sure")).is_err());
        assert_eq!(
            day(Some("2016-05"), true).unwrap(),
            NaiveDate::from_ymd_opt(2016, 5, 31)
        );
        assert!(day(Some("someday"), false).is_err());
    }
}
