//! End-to-end: `marsad ingest`, `search`, `show` and `stats` on a store, and crash safety
//! with a real `kill -9` of a child process.

use assert_cmd::Command;
use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::Duration;

fn marsad() -> Command {
    Command::cargo_bin("marsad").unwrap()
}

fn bin() -> PathBuf {
    assert_cmd::cargo::cargo_bin("marsad")
}

const SUBJECTS: [&str; 6] = [
    "الحكومة",
    "البرلمان",
    "الجيش",
    "المعارضة",
    "الوزارة",
    "البلدية",
];
const PLACES: [&str; 5] = ["مرجان", "أنقرة", "القاهرة", "تونس", "جنيف"];

/// Writes `n` articles of our own in the plain-text layout, each distinct.
fn corpus(dir: &Path, n: usize) {
    corpus_range(dir, 0..n);
}

fn corpus_range(dir: &Path, range: std::ops::Range<usize>) {
    for i in range {
        let subject = SUBJECTS[i % SUBJECTS.len()];
        let place = PLACES[i % PLACES.len()];
        let day = 1 + i % 28;
        let month = 1 + (i / 28) % 12;
        let text = format!(
            "{subject} تعقد اجتماعاً رقم {i} في {place}\n\n{day:02}/{month:02}/2024 - 10:{m:02}:00\n\nأخبار\n\nمحرر الأخبار – وكالة المرصد\n\n\
             عقدت {subject} اجتماعها رقم {i} في مدينة {place} لبحث المفاوضات الجارية حول الملف رقم {i}.\n\n\
             وقال المتحدث باسم {subject} إن الاجتماع ناقش {i} بنداً، وإن جولة أخرى ستعقد لاحقاً.",
            m = i % 60
        );
        std::fs::write(dir.join(format!("{i:04}.txt")), text).unwrap();
    }
}

fn stats(data: &Path) -> serde_json::Value {
    let out = marsad()
        .args(["stats", "--json", "--data"])
        .arg(data)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

/// Starts `marsad ingest` as a child process, silent, committing every `batch` articles.
fn spawn_ingest(input: &Path, data: &Path, batch: usize) -> std::process::Child {
    std::process::Command::new(bin())
        .args([
            "ingest",
            "--json",
            "--threads",
            "1",
            "--batch",
            &batch.to_string(),
            "--data",
        ])
        .arg(data)
        .arg(input)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap()
}

fn ingest(input: &Path, data: &Path) -> serde_json::Value {
    let out = marsad()
        .args([
            "ingest",
            "--json",
            "--batch",
            "25",
            "--threads",
            "1",
            "--data",
        ])
        .arg(data)
        .arg(input)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn ingest_search_show_stats() {
    let tmp = tempfile::tempdir().unwrap();
    let (input, data) = (tmp.path().join("in"), tmp.path().join("data"));
    std::fs::create_dir_all(&input).unwrap();
    corpus(&input, 30);
    let s = ingest(&input, &data);
    assert_eq!(s["ingested"], 30);
    assert_eq!(s["failed"], 0);

    // Idempotent and incremental: nothing new the second time, and no file is re-read.
    let s = ingest(&input, &data);
    assert_eq!(s["ingested"], 0);
    assert_eq!(s["unchanged_files"], 30);
    corpus_range(&input, 30..31);
    let s = ingest(&input, &data);
    assert_eq!(
        (s["ingested"].as_u64(), s["unchanged_files"].as_u64()),
        (Some(1), Some(30))
    );

    let st = stats(&data);
    assert_eq!(st["articles"], 31);
    assert_eq!(st["index_documents"], 31);
    assert_eq!(st["earliest"], "2024-01-01T10:00:00");

    // Search: clitics and alef variants, filters, dates, facets, JSON.
    let out = marsad()
        .args(["search", "--json", "--facets", "--limit", "50", "--data"])
        .arg(&data)
        .args([
            "والمفاوضات",
            "أنقرة",
            "outlet:\"وكالة المرصد\"",
            "--from",
            "2024-01",
            "--to",
            "2024-01",
        ])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let r: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    // Articles 1, 6, 11, 16, 21, 26 are in Ankara; all of January is i < 28.
    assert_eq!(r["total"], 6, "{r}");
    assert_eq!(r["facets"]["months"][0][0], "2024-01");
    let first = r["hits"][0]["id"].as_str().unwrap().to_string();

    // Human output: highlighted snippet, without colour when piped.
    let out = marsad()
        .args(["search", "--data"])
        .arg(&data)
        .arg("المفاوضات")
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("⟪المفاوضات⟫"), "{text}");

    // Show by id prefix.
    let out = marsad()
        .args(["show", "--json", "--data"])
        .arg(&data)
        .arg(&first[..10])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let a: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(a["id"], first.as_str());

    // Errors are one line that says what to do, with exit code 2.
    let out = marsad()
        .args(["show", "--data"])
        .arg(&data)
        .arg("no-such-id")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("marsad search"), "{err}");
    let out = marsad()
        .args(["search", "--data"])
        .arg(&data)
        .arg("outlet:")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn nothing_readable_exits_one() {
    let tmp = tempfile::tempdir().unwrap();
    let bad = tmp.path().join("bad.txt");
    let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
    png.extend([0u8; 64]);
    std::fs::write(&bad, png).unwrap();
    let out = marsad()
        .args(["ingest", "--data"])
        .arg(tmp.path().join("data"))
        .arg(&bad)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("bad.txt"), "{err}");
}

/// `kill -9` at many moments, then the same command again: exactly the right count, and
/// an index that opens and agrees with the database.
#[test]
fn kill_dash_nine_then_rerun_is_exact() {
    const N: usize = 200;
    let tmp = tempfile::tempdir().unwrap();
    let input = tmp.path().join("in");
    std::fs::create_dir_all(&input).unwrap();
    corpus(&input, N);
    for (round, delay_ms) in [30u64, 80, 150, 250, 400, 700, 1100]
        .into_iter()
        .enumerate()
    {
        let data = tmp.path().join(format!("data{round}"));
        // Kill one run, then kill the rerun too, before letting a third run finish.
        for _ in 0..2 {
            let mut child = spawn_ingest(&input, &data, 20);
            std::thread::sleep(Duration::from_millis(delay_ms));
            // `Child::kill` is SIGKILL on Unix: no destructor, no flush, nothing runs.
            let _ = child.kill();
            let _ = child.wait();
        }
        ingest(&input, &data);
        let st = stats(&data);
        assert_eq!(st["articles"], N as u64, "round {round} ({delay_ms} ms)");
        assert_eq!(
            st["index_documents"], N as u64,
            "round {round} ({delay_ms} ms)"
        );
        // Search agrees too: every article holds the word المفاوضات.
        let out = marsad()
            .args(["search", "--json", "--data"])
            .arg(&data)
            .arg("المفاوضات")
            .output()
            .unwrap();
        let r: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(r["total"], N as u64, "round {round}");
    }
}

/// The worst moments, hit deterministically: the process aborts right after the index
/// committed and before the database did, and right after both.
#[test]
fn abort_between_the_two_commits_then_rerun_is_exact() {
    const N: usize = 60;
    let tmp = tempfile::tempdir().unwrap();
    let input = tmp.path().join("in");
    std::fs::create_dir_all(&input).unwrap();
    corpus(&input, N);
    for point in ["index-committed", "committed"] {
        let data = tmp.path().join(point);
        let out = marsad()
            .env("MARSAD_FAILPOINT", point)
            .args(["ingest", "--batch", "25", "--threads", "1", "--data"])
            .arg(&data)
            .arg(&input)
            .output()
            .unwrap();
        assert!(
            !out.status.success(),
            "the failpoint {point} must abort the process"
        );
        let s = ingest(&input, &data);
        let st = stats(&data);
        assert_eq!(st["articles"], N as u64, "{point}: {s}");
        assert_eq!(st["index_documents"], N as u64, "{point}");
    }
}

/// A syndicated copy ingested in a later run points at the stored original.
#[test]
fn copies_across_runs_point_at_the_stored_original() {
    let tmp = tempfile::tempdir().unwrap();
    let (a, b, data) = (
        tmp.path().join("a"),
        tmp.path().join("b"),
        tmp.path().join("data"),
    );
    std::fs::create_dir_all(&a).unwrap();
    std::fs::create_dir_all(&b).unwrap();
    let body = "أعلنت وزارة الخارجية في بيان رسمي صدر صباح اليوم أنها استدعت سفير الدولة المجاورة للاحتجاج على ما وصفته بالتدخل في الشؤون الداخلية، وأكدت أن الحكومة ستتخذ كل الإجراءات اللازمة لحماية مصالحها.\n\nوأضاف البيان أن الوزير أجرى اتصالات مع عدد من نظرائه العرب والأوروبيين لشرح موقف بلاده، وأن لجنة مشتركة ستجتمع الأسبوع المقبل لبحث ترسيم الحدود وتبادل المعلومات الأمنية وتنظيم حركة التجارة.";
    let article = |title: &str, outlet: &str, text: &str| {
        format!("{title}\n\n01/03/2024 - 09:00:00\n\nسياسة\n\nمحرر – {outlet}\n\n{text}")
    };
    std::fs::write(
        a.join("original.txt"),
        article("الخارجية تستدعي السفير", "وكالة المرصد", body),
    )
    .unwrap();
    let copy = body.replace("التجارة", "البضائع");
    std::fs::write(
        b.join("copy.txt"),
        article("استدعاء السفير احتجاجاً", "صحيفة الساحل", &copy),
    )
    .unwrap();
    assert_eq!(ingest(&a, &data)["ingested"], 1);
    let s = ingest(&b, &data);
    assert_eq!(
        (s["ingested"].as_u64(), s["duplicate"].as_u64()),
        (Some(0), Some(1)),
        "{s}"
    );
    let st = stats(&data);
    assert_eq!(
        (st["articles"].as_u64(), st["duplicates"].as_u64()),
        (Some(2), Some(1))
    );
}

/// Readers keep working while an ingest writes: searches and stats during the run all
/// succeed and never count more than the final total.
#[test]
fn readers_work_during_an_ingest() {
    const N: usize = 300;
    let tmp = tempfile::tempdir().unwrap();
    let (input, data) = (tmp.path().join("in"), tmp.path().join("data"));
    std::fs::create_dir_all(&input).unwrap();
    corpus(&input, 10);
    ingest(&input, &data);
    corpus_range(&input, 10..N);
    let mut child = spawn_ingest(&input, &data, 10);
    let mut reads = 0;
    while child.try_wait().unwrap().is_none() {
        let out = marsad()
            .args(["search", "--json", "--data"])
            .arg(&data)
            .arg("المفاوضات")
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let r: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        let total = r["total"].as_u64().unwrap();
        assert!((10..=N as u64).contains(&total), "{total}");
        let st = stats(&data);
        assert!(st["articles"].as_u64().unwrap() <= N as u64);
        reads += 1;
    }
    assert!(child.wait().unwrap().success());
    assert!(reads > 0);
    assert_eq!(stats(&data)["articles"], N as u64);
}
