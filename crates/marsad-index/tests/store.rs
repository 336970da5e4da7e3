//! The store end to end: adding, searching, facets, idempotence and crash repair.

use chrono::NaiveDate;
use marsad_core::{Article, Format, Genre, Published, Source};
use marsad_index::search::parse_day;
use marsad_index::store::Phase;
use marsad_index::{SearchRequest, Store};

fn article(
    id: &str,
    title: &str,
    body: &str,
    outlet: &str,
    day: (i32, u32, u32),
    tags: &[&str],
) -> Article {
    let mut a = Article::new(Source::file(format!("fixtures/{id}.txt")), Format::Text);
    a.id = id.to_string();
    a.title = title.to_string();
    a.set_paragraphs(body.split("\n\n"));
    a.outlet = Some(outlet.to_string());
    a.author = Some("محرر".to_string());
    a.language = "ar".into();
    a.tags = tags.iter().map(|t| t.to_string()).collect();
    a.published = Some(Published::date(
        NaiveDate::from_ymd_opt(day.0, day.1, day.2).unwrap(),
    ));
    a
}

fn corpus() -> Vec<Article> {
    vec![
        article(
            "a1",
            "حفتر يرسل مبعوثين إلى موسكو",
            "أرسل المشير خليفة حفتر مبعوثين إلى موسكو لبحث الدعم الروسي.\n\nوقالت مصادر إن المفاوضات ما زالت في بدايتها.",
            "وكالة المرصد",
            (2016, 5, 24),
            &["حفتر", "روسيا"],
        ),
        article(
            "a2",
            "الجيش الليبي يعلن السيطرة على الميناء",
            "أعلن الجيش الليبي سيطرته على الميناء بعد اشتباكات عنيفة.",
            "صحيفة الساحل",
            (2016, 6, 2),
            &["ليبيا"],
        ),
        article(
            "a3",
            "روسيا تنفي تزويد أي طرف بالسلاح",
            "نفت وزارة الخارجية الروسية تقارير عن تزويد الجيش الليبي بالسلاح، مؤكدة التزامها بالحظر.",
            "وكالة المرصد",
            (2016, 6, 15),
            &["روسيا"],
        ),
        article(
            "a4",
            "اجتماع في تونس حول الأزمة",
            "عقد ممثلون عن حكومة الوفاق اجتماعاً في تونس لبحث الأزمة الليبية وسبل المفاوضات.",
            "صحيفة الساحل",
            (2016, 7, 1),
            &[],
        ),
    ]
}

fn ingest(store: &Store, articles: &[Article]) -> usize {
    let mut w = store.writer(1).unwrap();
    let mut added = 0;
    for a in articles {
        added += usize::from(w.add(a, Some(&[1, 2, 3])).unwrap());
    }
    w.finish().unwrap();
    added
}

fn ids(store: &Store, query: &str) -> Vec<String> {
    let mut r = store.search(&SearchRequest::new(query)).unwrap();
    r.hits.sort_by(|a, b| a.id.cmp(&b.id));
    r.hits.into_iter().map(|h| h.id).collect()
}

#[test]
fn search_language_end_to_end() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    assert_eq!(ingest(&store, &corpus()), 4);

    // Analysis: diacritics, alef variants and clitics all find مفاوضات.
    for q in ["مُفاوَضات", "والمفاوضات", "بالمفاوضات", "المفاوضات"]
    {
        assert_eq!(ids(&store, q), vec!["a1", "a4"], "{q}");
    }
    assert_eq!(ids(&store, "حفتر موسكو"), vec!["a1"], "AND is the default");
    assert_eq!(
        ids(&store, "حفتر تونس"),
        Vec::<String>::new(),
        "AND is the default"
    );
    assert_eq!(ids(&store, "حفتر OR تونس"), vec!["a1", "a4"]);
    assert_eq!(ids(&store, "\"الجيش الليبي\""), vec!["a2", "a3"]);
    assert_eq!(ids(&store, "\"الجيش الليبي\" -السلاح"), vec!["a2"]);
    assert_eq!(ids(&store, "outlet:\"وكالة المرصد\""), vec!["a1", "a3"]);
    assert_eq!(ids(&store, "tag:روسيا -حفتر"), vec!["a3"]);
    assert_eq!(ids(&store, "title:موسكو"), vec!["a1"]);
    assert_eq!(
        ids(&store, "في"),
        Vec::<String>::new(),
        "a stopword alone matches nothing"
    );

    // Dates.
    let mut req = SearchRequest::new("الليبي");
    req.from = parse_day("2016-06", false);
    req.to = parse_day("2016-06", true);
    let r = store.search(&req).unwrap();
    let mut got: Vec<_> = r.hits.iter().map(|h| h.id.as_str()).collect();
    got.sort();
    assert_eq!(got, vec!["a2", "a3"]);

    // Facets over all matches, paging over hits.
    let mut req = SearchRequest::new("");
    req.facets = true;
    req.limit = 1;
    req.offset = 1;
    let r = store.search(&req).unwrap();
    assert_eq!(r.total, 4);
    assert_eq!(r.hits.len(), 1);
    let facets = r.facets.unwrap();
    assert_eq!(
        facets.outlets,
        vec![
            ("صحيفة الساحل".to_string(), 2),
            ("وكالة المرصد".to_string(), 2)
        ]
    );
    assert_eq!(
        facets.months,
        vec![
            ("2016-05".to_string(), 1),
            ("2016-06".to_string(), 2),
            ("2016-07".to_string(), 1)
        ]
    );

    // Snippets highlight the original words, in chars of the body.
    let r = store.search(&SearchRequest::new("مفاوضات")).unwrap();
    let hit = r.hits.iter().find(|h| h.id == "a1").unwrap();
    let snippet = hit.snippet.as_ref().unwrap();
    let highlighted: Vec<String> = snippet
        .highlights
        .iter()
        .map(|h| {
            snippet
                .text
                .chars()
                .skip(h.start)
                .take(h.end - h.start)
                .collect()
        })
        .collect();
    assert_eq!(highlighted, vec!["المفاوضات"]);
    let body = store.get("a1").unwrap().unwrap().body;
    let from_body: String = body
        .chars()
        .skip(snippet.start)
        .take(snippet.text.chars().count())
        .collect();
    assert_eq!(from_body, snippet.text);
}

#[test]
fn ingest_is_idempotent() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    assert_eq!(ingest(&store, &corpus()), 4);
    assert_eq!(ingest(&store, &corpus()), 0);
    drop(store);
    let store = Store::open(dir.path()).unwrap();
    assert_eq!(ingest(&store, &corpus()), 0);
    assert_eq!(store.count().unwrap(), 4);
    assert_eq!(store.index_count().unwrap(), 4);
    let stats = store.stats().unwrap();
    assert_eq!(stats.articles, 4);
    assert_eq!(stats.earliest.as_deref(), Some("2016-05-24"));
    assert_eq!(stats.latest.as_deref(), Some("2016-07-01"));
    assert_eq!(store.fingerprints().unwrap().len(), 4);
}

#[test]
fn a_crash_between_the_two_commits_is_repaired() {
    let dir = tempfile::tempdir().unwrap();
    let articles = corpus();
    {
        let store = Store::open(dir.path()).unwrap();
        ingest(&store, &articles[..2]);
        // The second batch dies after the index committed and before SQLite did.
        let crashed = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            let mut w = store.writer(1).unwrap();
            w.on_phase(|p| {
                if p == Phase::IndexCommitted {
                    panic!("simulated kill");
                }
            });
            for a in &articles[2..] {
                w.add(a, None).unwrap();
            }
            w.commit().unwrap();
        }));
        assert!(crashed.is_err());
        // Readers never see the half-committed batch.
        assert_eq!(store.count().unwrap(), 2);
        assert_eq!(ids(&store, "تونس"), Vec::<String>::new());
    }
    let store = Store::open(dir.path()).unwrap();
    assert_eq!(
        store.index_count().unwrap(),
        4,
        "the orphan documents are still in the index"
    );
    // Opening a writer repairs; running the same ingest again completes it exactly.
    assert_eq!(ingest(&store, &articles), 2);
    assert_eq!(store.count().unwrap(), 4);
    assert_eq!(store.index_count().unwrap(), 4);
    assert_eq!(ids(&store, "تونس"), vec!["a4"]);
}

#[test]
fn a_second_writer_is_refused_with_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let _w = store.writer(1).unwrap();
    let other = Store::open(dir.path()).unwrap();
    let err = other.writer(1).unwrap_err().to_string();
    assert!(err.contains("another marsad process"), "{err}");
}

#[test]
fn day_bounds() {
    assert_eq!(
        parse_day("2016", false),
        NaiveDate::from_ymd_opt(2016, 1, 1)
    );
    assert_eq!(
        parse_day("2016", true),
        NaiveDate::from_ymd_opt(2016, 12, 31)
    );
    assert_eq!(
        parse_day("2016-02", true),
        NaiveDate::from_ymd_opt(2016, 2, 29)
    );
    assert_eq!(
        parse_day("2016-05-24", false),
        NaiveDate::from_ymd_opt(2016, 5, 24)
    );
    assert_eq!(parse_day("2016-13", false), None);
    assert_eq!(parse_day("أمس", false), None);
}

/// Regression: snippets are made from a window of the body (for speed); a match far into a
/// long body must still come back with its char offset into the whole body.
#[test]
fn snippets_deep_in_long_bodies_keep_body_offsets() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let filler = "تحدث التقرير عن الطقس والأسواق والرياضة في المدينة. ".repeat(60);
    let mut a = Article::new(Source::file("long.txt"), Format::Text);
    a.id = "long".into();
    a.title = "تقرير طويل".into();
    a.language = "ar".into();
    a.set_paragraphs([filler.as_str(), "وأعلن الوسطاء استئناف المفاوضات في جنيف."]);
    assert_eq!(ingest(&store, std::slice::from_ref(&a)), 1);
    let r = store.search(&SearchRequest::new("المفاوضات جنيف")).unwrap();
    let snippet = r.hits[0].snippet.as_ref().unwrap();
    assert!(snippet.start > 2000, "{}", snippet.start);
    let from_body: String = a
        .body
        .chars()
        .skip(snippet.start)
        .take(snippet.text.chars().count())
        .collect();
    assert_eq!(from_body, snippet.text);
    let highlighted: Vec<String> = snippet
        .highlights
        .iter()
        .map(|h| {
            snippet
                .text
                .chars()
                .skip(h.start)
                .take(h.end - h.start)
                .collect()
        })
        .collect();
    assert_eq!(highlighted, vec!["المفاوضات", "جنيف"]);
}

#[test]
fn genre_filters_and_counts() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let mut articles = corpus();
    articles[2].genre = Genre::Opinion;
    ingest(&store, &articles);
    assert_eq!(ids(&store, "الجيش genre:opinion"), vec!["a3"]);
    assert_eq!(ids(&store, "الجيش -genre:opinion"), vec!["a2"]);
    assert_eq!(ids(&store, "genre:news").len(), 3);
    let mut request = SearchRequest::new("");
    request.facets = true;
    let r = store.search(&request).unwrap();
    assert_eq!(
        r.facets.unwrap().genres,
        vec![("news".to_string(), 3), ("opinion".to_string(), 1)]
    );
    let hit = r.hits.iter().find(|h| h.id == "a3").unwrap();
    assert_eq!(hit.genre, "opinion");
}
