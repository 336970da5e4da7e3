//! The seed article of the quotes issue (../shared/seeds/000_b2265ed832da592c.txt): its body
//! is everything after the byline line. Skipped, with a message, when ../shared is missing.

use marsad_core::CertaintyLabel;
use marsad_extract::quotes::extract;
use std::path::Path;

fn seed_body() -> Option<String> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/seeds/000_b2265ed832da592c.txt");
    let text = std::fs::read_to_string(&path).ok()?;
    let lines: Vec<&str> = text.lines().collect();
    let byline = lines.iter().position(|l| l.contains("إرم نيوز"))?;
    Some(lines[byline + 1..].join("\n").trim().to_string())
}

#[test]
fn seed_statements_speakers_and_certainty() {
    let Some(body) = seed_body() else {
        eprintln!("skipped: ../shared/seeds/000_b2265ed832da592c.txt is not available");
        return;
    };
    let quotes = extract(&body);
    for q in &quotes {
        eprintln!(
            "{} | {:?} | {} | {} | {}",
            q.who(),
            q.role,
            q.cue,
            q.certainty.label,
            q.text
        );
    }
    let find = |needle: &str| {
        quotes
            .iter()
            .find(|q| q.text.contains(needle))
            .unwrap_or_else(|| panic!("no quote holds {needle:?}"))
    };
    let mismari_role = "المتحدث باسم القوات الليبية";
    for (needle, label) in [
        ("لا يوجد اتفاقيات محددة", CertaintyLabel::Denied),
        ("لدينا تطلعات مستقبلية", CertaintyLabel::Confirmed),
        ("ربما يكون هناك مباحثات", CertaintyLabel::Possible),
    ] {
        let q = find(needle);
        assert_eq!(q.certainty.label, label, "{needle}");
        assert!(
            q.speaker.as_deref().is_some_and(|s| s.contains("المسماري")),
            "{needle}: {:?}",
            q.speaker
        );
        let role = q.role.as_deref().unwrap_or("");
        assert!(
            role == mismari_role || role == "الناطق باسم الجيش الليبي",
            "{needle}: role {role}"
        );
    }
    assert!(find("ربما يكون هناك مباحثات").direct);
    assert_eq!(
        find("لا يوجد اتفاقيات محددة").role.as_deref(),
        Some(mismari_role)
    );

    let toaldo = find("إن الأزمة الليبية");
    assert!(toaldo.direct);
    assert!(
        toaldo
            .speaker
            .as_deref()
            .is_some_and(|s| s.contains("توالدو")),
        "{:?}",
        toaldo.speaker
    );
    assert_eq!(
        toaldo.role.as_deref(),
        Some("خبير الشؤون الدولية في مجلس العلاقات الدولية الأوروبي")
    );

    let moscow = find("بوجود لقاءات");
    assert_eq!(moscow.certainty.label, CertaintyLabel::Reported);
    assert_eq!(moscow.role.as_deref(), Some("مصادر محلية"));
    let chars: Vec<char> = body.chars().collect();
    for q in &quotes {
        assert_eq!(chars[q.start..q.end].iter().collect::<String>(), q.text);
    }
}
