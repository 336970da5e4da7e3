//! The learned participant models' place in extraction: with the rules' model they change
//! nothing; every candidate is a span of the body; a target never overlaps its source; and
//! the embedded models fill the roles of a few written sentences as the annotation guide
//! says.

use marsad_core::Event;
use marsad_extract::events::filter::EventFilter;
use marsad_extract::events::roles::{RoleModel, SOURCE_TSV, TARGET_TSV};
use marsad_extract::events::{Candidates, candidates, select_with};
use marsad_extract::{NerModel, actors, events, quotes};

const BODIES: [&str; 5] = [
    "وقتل جنديان تركيان اليوم في هجوم نفذه مسلحون على نقطة عسكرية قرب الحدود.",
    "وأشاد أمير المنطقة خالد العتيبي بجهود رجال الدفاع المدني في إخماد الحريق.",
    "واعتقلت الشرطة ثلاثة وافدين بتهمة سرقة المحلات التجارية في الحي.",
    "استقبل وزير الخارجية سامي الحوراني أمس في العاصمة نظيره الفنلندي وبحثا سبل التعاون.",
    "وصل المبعوث الأممي إلى العاصمة. والتقى المبعوث رئيس الحكومة وبحث معه سبل وقف القتال، فيما اتهمت المعارضة الحكومة بخرق الهدنة.",
];

fn found(body: &str) -> Candidates {
    let entities = NerModel::embedded().recognize(body);
    let resolved = actors::resolve(body, &entities);
    let qs = quotes::extract_with(body, &entities);
    candidates(body, &events::mentions_as_entities(&resolved), &qs)
}

fn name(a: &Option<marsad_core::Argument>) -> Option<&str> {
    a.as_ref().map(|a| a.name.as_str())
}

fn same_trigger<'a>(all: &'a [Event], e: &Event) -> &'a Event {
    all.iter()
        .find(|c| c.kind == e.kind && c.cue_start == e.cue_start && c.cue_end == e.cue_end)
        .expect("every selected event is a candidate")
}

#[test]
fn the_rules_model_keeps_the_rules_participants() {
    for body in BODIES {
        let all = found(body);
        let own = select_with(&all, EventFilter::embedded(), &RoleModel::rules());
        assert!(!own.is_empty(), "{body}");
        for e in &own {
            let c = same_trigger(&all.events, e);
            assert_eq!((&e.source, &e.target), (&c.source, &c.target), "{body}");
        }
    }
}

#[test]
fn candidates_are_spans_of_the_body_and_targets_never_overlap_sources() {
    for body in BODIES {
        let chars: Vec<char> = body.chars().collect();
        let all = found(body);
        assert_eq!(all.roles.len(), all.events.len());
        for ch in &all.roles {
            assert_eq!(ch.spans.len(), ch.source.len());
            assert_eq!(ch.spans.len(), ch.target.len());
            for (s, f) in ch.spans.iter().zip(&ch.source) {
                let slice: String = chars[s.start..s.end].iter().collect();
                assert_eq!(slice, s.name, "{body}");
                assert!(f.iter().any(|x| x.starts_with("rule=")), "{f:?}");
            }
        }
        for e in select_with(&all, EventFilter::embedded(), RoleModel::embedded()) {
            if let (Some(s), Some(t)) = (&e.source, &e.target) {
                assert!(s.end <= t.start || t.end <= s.start, "{body}: {s:?} {t:?}");
            }
        }
    }
}

#[test]
fn the_embedded_models_read_and_weigh() {
    let m = RoleModel::parse(SOURCE_TSV, TARGET_TSV).expect("the embedded models parse");
    for f in [&m.source, &m.target] {
        assert!(f.len() > 100);
        assert!(f.threshold() > 0.0 && f.threshold() < 1.0);
    }
    assert_eq!(&m, RoleModel::embedded());
}

#[test]
fn the_learned_models_fill_the_roles_the_guide_asks_for() {
    let role = |body: &str, cue: &str| {
        let e = events::extract_text(body)
            .into_iter()
            .find(|e| e.cue == cue)
            .unwrap_or_else(|| panic!("no event at {cue} in {body}"));
        (
            name(&e.source).map(str::to_string),
            name(&e.target).map(str::to_string),
        )
    };
    // The victims of a killing are its target, not its source (the rules read them as
    // the verb's subject).
    assert_eq!(
        role(BODIES[0], "وقتل"),
        (None, Some("جنديان تركيان".to_string()))
    );
    // Praise for someone's efforts: the praised are the target (the rules leave it empty).
    assert_eq!(
        role(BODIES[1], "وأشاد"),
        (
            Some("خالد العتيبي".to_string()),
            Some("رجال الدفاع المدني".to_string())
        )
    );
}

/// A name with its glued preposition and article dropped from the first word, folded
/// loosely: how a reader tells that `للجيش الليبي` and `الجيش الليبي` are one party.
fn party(name: &str) -> String {
    let name = name.replace(['أ', 'إ', 'آ'], "ا").replace('ة', "ه");
    let (first, rest) = name.split_once(' ').unwrap_or((name.as_str(), ""));
    let first = ["وبال", "بال", "وال", "لل", "ال", "ل", "ب"]
        .iter()
        .find_map(|p| first.strip_prefix(p).filter(|r| r.chars().count() >= 3))
        .unwrap_or(first);
    format!("{first} {rest}")
}

#[test]
fn no_event_has_one_party_on_both_sides() {
    // The seed's construction: the spokesman of the army, then "its support to the army".
    let body = "وأكد الناطق باسم الجيش الليبي أن لدينا تطلعات مستقبلية للتعاون مع القيادة الروسية، والدور الروسي ودعمه للجيش الليبي.";
    let all = found(body);
    let kept = select_with(&all, EventFilter::embedded(), RoleModel::embedded());
    assert!(kept.iter().any(|e| e.target.is_some()), "{kept:?}");
    for e in kept {
        if let (Some(s), Some(t)) = (&e.source, &e.target) {
            assert_ne!(party(&s.name), party(&t.name), "{body}: {e:?}");
        }
    }
}
