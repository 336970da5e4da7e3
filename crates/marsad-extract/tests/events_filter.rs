//! The learned event filter's place in extraction: it only adds candidates a rule vetoed,
//! never a protest, never twice the same trigger; and what `extract` returns is what
//! `select` makes of `candidates` with the embedded model.

use marsad_core::{Event, EventType};
use marsad_extract::events::filter::EventFilter;
use marsad_extract::events::{Candidates, candidates, extract, rules_only, select};
use marsad_extract::{NerModel, actors, events, quotes};

/// An event of `kind` at `cue`: a real extraction's event with its type and trigger moved.
fn event(kind: EventType, cue: (usize, usize)) -> Event {
    let text = "استقبل وزير الخارجية سامي الحوراني أمس نظيره الفنلندي.";
    let mut e = events::extract_text(text)
        .into_iter()
        .next()
        .expect("the meeting is extracted");
    e.kind = kind;
    (e.cue_start, e.cue_end) = cue;
    e
}

fn kinds(events: &[Event]) -> Vec<(EventType, usize)> {
    events.iter().map(|e| (e.kind, e.cue_start)).collect()
}

#[test]
fn the_filter_adds_vetoed_candidates_only_and_never_a_protest() {
    let found = Candidates {
        events: vec![
            event(EventType::Consult, (0, 5)),
            event(EventType::Accuse, (10, 15)),
            event(EventType::Protest, (20, 25)),
            // A vetoed reading of the rules' own trigger.
            event(EventType::Consult, (2, 6)),
        ],
        features: vec![vec!["t=ANY".to_string()]; 4],
        vetoes: vec![
            vec![],
            vec!["no_actor"],
            vec!["unplaced"],
            vec!["reference"],
        ],
        // No candidate participants: the rules' own are kept.
        roles: Vec::new(),
        learned: vec![false; 4],
        tokens: Vec::new(),
    };
    let never = EventFilter::keep_all().with_threshold(1.5);
    assert_eq!(kinds(&select(&found, &never)), kinds(&rules_only(&found)));
    assert_eq!(kinds(&rules_only(&found)), [(EventType::Consult, 0)]);
    let always = EventFilter::keep_all();
    assert_eq!(
        kinds(&select(&found, &always)),
        [(EventType::Consult, 0), (EventType::Accuse, 10)]
    );
}

#[test]
fn extract_is_select_over_candidates_with_the_embedded_model() {
    let bodies = [
        "استقبل وزير الخارجية سامي الحوراني أمس في العاصمة نظيره الفنلندي وبحثا سبل التعاون.",
        "ما أثار انتقادات من منظمات دعم اللاجئين. وأشار إلى أن الهجوم أسفر عن قتلى.",
        "هاجم اللاعب مرمى الفريق المنافس في المباراة وسجل هدفا في الدوري.",
    ];
    for body in bodies {
        let entities = NerModel::embedded().recognize(body);
        let found = actors::resolve(body, &entities);
        let qs = quotes::extract_with(body, &entities);
        let mentions = events::mentions_as_entities(&found);
        let all = candidates(body, &mentions, &qs);
        assert_eq!(all.events.len(), all.features.len());
        assert_eq!(all.events.len(), all.vetoes.len());
        for (f, v) in all.features.iter().zip(&all.vetoes) {
            // Every candidate is described, and its vetoes are among its features.
            assert!(f.iter().any(|x| x.starts_with("t=")), "{f:?}");
            for r in v {
                assert!(f.contains(&format!("veto={r}")), "{r} not in {f:?}");
            }
        }
        let picked = select(&all, EventFilter::embedded());
        // The same events, participants included.
        assert_eq!(extract(body, &mentions, &qs), picked, "{body}");
        // The rules' own events are always among them.
        for e in rules_only(&all) {
            assert!(
                picked
                    .iter()
                    .any(|p| p.kind == e.kind && p.cue_start == e.cue_start)
            );
        }
    }
}
