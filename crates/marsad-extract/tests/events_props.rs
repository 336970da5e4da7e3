//! Property tests: event extraction never panics, and every span it returns is inside the
//! body and consistent with the text it names.

use marsad_core::Event;
use marsad_extract::events::{dates, extract};
use marsad_extract::{Entity, EntityKind};
use proptest::prelude::*;

fn slice(chars: &[char], s: usize, e: usize) -> String {
    chars[s..e].iter().collect()
}

fn check(body: &str, events: &[Event]) {
    let chars: Vec<char> = body.chars().collect();
    let n = chars.len();
    for (i, e) in events.iter().enumerate() {
        assert!(e.start <= e.end && e.end <= n, "{e:?}");
        assert_eq!(slice(&chars, e.start, e.end), e.sentence);
        assert!(e.cue_start < e.cue_end && e.cue_end <= n, "{e:?}");
        assert_eq!(slice(&chars, e.cue_start, e.cue_end), e.cue);
        assert!(
            e.start <= e.cue_start && e.cue_end <= e.end,
            "cue outside its sentence: {e:?}"
        );
        for a in [&e.source, &e.target, &e.location].into_iter().flatten() {
            assert!(a.start < a.end && a.end <= n, "{a:?}");
            assert_eq!(slice(&chars, a.start, a.end), a.name);
        }
        if let Some(d) = &e.date {
            if let (Some(s), Some(t)) = (d.start, d.end) {
                assert!(s < t && t <= n);
                assert_eq!(Some(slice(&chars, s, t)), d.text);
            }
        }
        let c = &e.certainty;
        assert!(c.scope_start <= c.scope_end && c.scope_end <= n, "{c:?}");
        if let (Some(s), Some(t)) = (c.cue_start, c.cue_end) {
            assert!(s <= t && t <= n);
            assert_eq!(Some(slice(&chars, s, t)), c.cue);
        }
        if i > 0 {
            let p = &events[i - 1];
            assert!(
                (p.start, p.cue_start) <= (e.start, e.cue_start),
                "events out of order"
            );
        }
    }
}

/// Words the rules react to, so random texts reach the argument, date and certainty code.
const WORDS: &[&str] = &[
    "استقبل",
    "وزار",
    "التقى",
    "الرئيس",
    "سامي",
    "الحوراني",
    "في",
    "موسكو",
    "أمس",
    "مع",
    "بحث",
    "اعتقلت",
    "الشرطة",
    "قتل",
    "خمسة",
    "أشخاص",
    "لم",
    "سيزور",
    "قد",
    "تفرض",
    "عقوبات",
    "على",
    "وحسب",
    "مصادر",
    "محلية",
    "،",
    ".",
    "«",
    "»",
    "إن",
    "قال",
    "المتظاهرين",
    "تظاهر",
    "آلاف",
    "الثلاثاء",
    "الماضي",
    "20",
    "نوفمبر",
    "2016",
    "بإرسالها",
    "قوات",
    "إلى",
    "ليبيا",
    "من",
    "قبل",
    "الذي",
    "هجوم",
    "شن",
    "غارات",
    "؟",
    "إذا",
    "\n\n",
    "(",
    ")",
    "ب",
    "ل",
    "و",
    "بين",
    "المقبل",
    "تم",
    "اعتقال",
    "مظاهرة",
    "احتجاجا",
    "الجيش",
    "دعم",
    "لدعم",
    "نفت",
];

fn sentence() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(WORDS), 0..40).prop_map(|w| w.join(" "))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_text_never_panics(body in "\\PC{0,200}") {
        let events = extract(&body, &[], &[]);
        check(&body, &events);
    }

    #[test]
    fn trigger_rich_text_has_consistent_spans(body in sentence()) {
        let n = body.chars().count();
        // Entities anywhere, even off word boundaries: never trusted to be well formed.
        let entities: Vec<Entity> = (0..n.min(6))
            .map(|i| {
                let s = (i * 7) % n.max(1);
                let e = (s + 5).min(n);
                Entity {
                    kind: EntityKind::ALL[i % 4],
                    start: s,
                    end: e,
                    text: body.chars().skip(s).take(e - s).collect(),
                }
            })
            .collect();
        let events = extract(&body, &entities, &[]);
        check(&body, &events);
        let events = marsad_extract::events::extract_text(&body);
        check(&body, &events);
    }

    #[test]
    fn date_resolution_never_panics(text in sentence(), y in 1i32..9999, m in 1u32..13, d in 1u32..29) {
        let p = chrono::NaiveDate::from_ymd_opt(y, m, d).unwrap();
        let _ = dates::resolve(&text, p, false);
        let _ = dates::resolve(&text, p, true);
    }
}
