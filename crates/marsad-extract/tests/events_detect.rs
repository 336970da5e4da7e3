//! The learned trigger detector's place in extraction: it adds events only on words no rule
//! took (never on a trigger word or its neighbours, never on a candidate's cue), its events
//! are marked and left out of the rules' own view, and the embedded model finds a rescue
//! the trigger lexicon has no row for.

use marsad_core::EventType;
use marsad_extract::events::detect::{DETECTOR_TSV, TriggerModel};
use marsad_extract::events::{Candidates, candidates, rules_only, without_learned};
use marsad_extract::{NerModel, actors, events, quotes};

const BODIES: [&str; 4] = [
    "وتمكنت فرق الدفاع المدني من إنقاذ ثلاثة أشخاص علقوا في السيول أمس.",
    "وأعرب الوزير عن أمله في إلقاء القبض على مرتكبي الهجوم.",
    "استقبل وزير الخارجية سامي الحوراني أمس في العاصمة نظيره الفنلندي وبحثا سبل التعاون.",
    "وصل المبعوث الأممي إلى العاصمة. والتقى المبعوث رئيس الحكومة وبحث معه سبل وقف القتال.",
];

fn found(body: &str) -> Candidates {
    let entities = NerModel::embedded().recognize(body);
    let resolved = actors::resolve(body, &entities);
    let qs = quotes::extract_with(body, &entities);
    candidates(body, &events::mentions_as_entities(&resolved), &qs)
}

#[test]
fn detected_words_are_apart_from_the_rules_and_marked() {
    for body in BODIES {
        let all = found(body);
        assert_eq!(all.learned.len(), all.events.len(), "{body}");
        let rules = without_learned(&all);
        for (e, _) in all
            .events
            .iter()
            .zip(&all.learned)
            .filter(|(_, learned)| **learned)
        {
            // One word, not overlapping any rule candidate's cue.
            assert!(!e.cue.contains(' '), "{body}: {e:?}");
            for r in &rules.events {
                assert!(
                    e.cue_end <= r.cue_start || r.cue_end <= e.cue_start,
                    "{body}: {e:?} overlaps {r:?}"
                );
            }
            // Not in the rules' own view.
            assert!(
                !rules_only(&all)
                    .iter()
                    .any(|r| r.cue_start == e.cue_start && r.kind == e.kind)
            );
        }
        // Every weighed word is a span of the body outside the candidates' cues.
        let chars: Vec<char> = body.chars().collect();
        for t in &all.tokens {
            assert!(t.start < t.end && t.end <= chars.len(), "{body}");
            assert!(!t.features.is_empty());
        }
    }
}

#[test]
fn a_rescue_the_lexicon_does_not_know_is_aid() {
    let all = found(BODIES[0]);
    let aid = all
        .events
        .iter()
        .zip(&all.learned)
        .find(|(e, learned)| **learned && e.kind == EventType::Aid)
        .map(|(e, _)| e)
        .unwrap_or_else(|| panic!("{:?}", all.events));
    assert_eq!(aid.cue, "إنقاذ");
    // And the extraction keeps it.
    let kept = events::extract_text(BODIES[0]);
    assert!(
        kept.iter()
            .any(|e| e.kind == EventType::Aid && e.cue == "إنقاذ"),
        "{kept:?}"
    );
}

#[test]
fn a_wish_stays_no_event() {
    // إلقاء is the light verb of a trigger the rules judged a wish: its neighbour is theirs.
    let kept = events::extract_text(BODIES[1]);
    assert!(kept.iter().all(|e| e.kind != EventType::Coerce), "{kept:?}");
}

#[test]
fn the_embedded_detector_reads() {
    let m = TriggerModel::parse(DETECTOR_TSV).expect("parses");
    assert_eq!(&m, TriggerModel::embedded());
    assert!(m.threshold() > 0.0 && m.threshold() < 1.0);
}
