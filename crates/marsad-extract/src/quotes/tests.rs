use super::*;
use marsad_core::CertaintyLabel::*;

fn span(body: &str, s: usize, e: usize) -> String {
    body.chars().skip(s).take(e - s).collect()
}

/// (body, [(speaker-or-role contains, content starts with, direct, certainty)])
type Row = (
    &'static str,
    &'static [(&'static str, &'static str, bool, CertaintyLabel)],
);

const ROWS: &[Row] = &[
    (
        "وقال المتحدث باسم وزارة الصحة محمد العبدالعالي إن الوزارة سجلت ثلاث حالات جديدة.",
        &[("العبدالعالي", "إن الوزارة سجلت", false, Confirmed)],
    ),
    (
        "وأكدت مصادر دبلوماسية أن الاجتماع عقد في جنيف.",
        &[("مصادر دبلوماسية", "أن الاجتماع عقد", false, Reported)],
    ),
    (
        "ونفى وزير الخارجية عادل الجبير، الأنباء عن استقالته.",
        &[("الجبير", "الأنباء عن استقالته", false, Denied)],
    ),
    (
        "وأوضح مدير التعليم خالد الحربي أن الدراسة ستبدأ الأحد المقبل، مشيرا إلى أن الجداول جاهزة.",
        &[
            ("خالد الحربي", "أن الدراسة ستبدأ", false, Expected),
            ("خالد الحربي", "إلى أن الجداول جاهزة", false, Confirmed),
        ],
    ),
    (
        "وقال الخبير الاقتصادي فهد السالم: «ربما ترتفع الأسعار قبل نهاية العام». وأضاف: «لا توجد مؤشرات على ركود».",
        &[
            ("فهد السالم", "ربما ترتفع", true, Possible),
            ("فهد السالم", "لا توجد", true, Denied),
        ],
    ),
    (
        "وقال شهود عيان إن القصف استمر حتى الصباح.",
        &[("شهود عيان", "إن القصف استمر", false, Reported)],
    ),
    (
        "ارتفعت أسعار النفط أمس، بحسب رويترز.",
        &[("رويترز", "ارتفعت أسعار النفط", false, Reported)],
    ),
    (
        "وأشار التقرير الذي لم تكشف عنه الوزارة إلى تحسن الأداء.",
        &[("التقرير", "إلى تحسن الأداء", false, Confirmed)],
    ),
    ("افتتح الأمير المعرض في الرياض وسط حضور كبير.", &[]),
    ("تقع المدينة بين الجبال والبحر، وقال إنه سعيد.", &[]),
];

#[test]
fn table_of_cues_speakers_and_certainty() {
    for (body, want) in ROWS {
        let got = extract(body);
        assert_eq!(got.len(), want.len(), "{body}\n{got:#?}");
        for (q, (who, starts, direct, label)) in got.iter().zip(want.iter()) {
            assert!(
                q.speaker
                    .iter()
                    .chain(q.role.iter())
                    .any(|s| s.contains(who)),
                "{body}: speaker {:?} / role {:?}, want {who}",
                q.speaker,
                q.role
            );
            assert!(q.text.starts_with(starts), "{body}: text {:?}", q.text);
            assert_eq!(span(body, q.start, q.end), q.text);
            assert_eq!(q.direct, *direct, "{body}");
            assert_eq!(
                q.certainty.label, *label,
                "{body}: cue {:?}",
                q.certainty.cue
            );
        }
    }
}

#[test]
fn golden_paragraph() {
    let body = "أعلنت وزارة الداخلية أنها ستفتح تحقيقا في الحادث. وقال المتحدث الأمني العقيد سالم المري لـ«الوطن» إن الشرطة لم تعتقل أحدا حتى الآن، مضيفا أن التحقيقات قد تستغرق أسابيع.\n\nوأضاف: «نحن نعمل على مدار الساعة»، فيما قالت مصادر محلية إن اثنين من المشتبه بهم فرا إلى الخارج.";
    let got: Vec<String> = extract(body)
        .iter()
        .map(|q| {
            format!(
                "{}|{}|{}|{}|{}|{}",
                q.who(),
                q.role.as_deref().unwrap_or("-"),
                q.cue,
                if q.direct { "direct" } else { "reported" },
                q.certainty.label,
                q.text
            )
        })
        .collect();
    let want = [
        "وزارة الداخلية|-|أعلنت|reported|expected|أنها ستفتح تحقيقا في الحادث",
        "سالم المري|المتحدث الأمني|وقال|reported|denied|إن الشرطة لم تعتقل أحدا حتى الآن",
        "سالم المري|المتحدث الأمني|مضيفا|reported|possible|أن التحقيقات قد تستغرق أسابيع",
        "سالم المري|المتحدث الأمني|وأضاف|direct|confirmed|نحن نعمل على مدار الساعة",
        "-|مصادر محلية|قالت|reported|reported|إن اثنين من المشتبه بهم فرا إلى الخارج",
    ];
    let want: Vec<String> = want
        .iter()
        .map(|s| s.replacen("-|مصادر", "مصادر محلية|مصادر", 1))
        .collect();
    assert_eq!(got, want);
}

proptest::proptest! {
    #[test]
    fn never_panics_and_spans_are_in_range(s in "\\PC{0,200}") {
        let n = s.chars().count();
        for q in extract_with(&s, &[]) {
            proptest::prop_assert!(q.start < q.end && q.end <= n);
            proptest::prop_assert!(q.cue_start < q.cue_end && q.cue_end <= n);
            proptest::prop_assert!(q.certainty.scope_end <= n);
            proptest::prop_assert_eq!(span(&s, q.start, q.end), q.text.clone());
        }
    }

    #[test]
    fn arabic_soup_never_panics(words in proptest::collection::vec(proptest::sample::select(vec![
        "قال", "وأضاف", "«", "»", "\"", ":", "،", ".", "إن", "أن", "مصادر", "بحسب", "مشيرا", "إلى",
        "لا", "ربما", "سيتم", "الوزير", "أحمد", "\n\n", "على", "عن", "ذلك", "أوضح",
    ]), 0..60)) {
        let s = words.join(" ");
        let n = s.chars().count();
        for q in extract(&s) {
            proptest::prop_assert!(q.start < q.end && q.end <= n);
        }
    }
}
