use super::*;
use marsad_core::CertaintyLabel::*;
use marsad_core::Quote;

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

/// `body` with the given names marked as entities wherever they occur, so that a rule's test
/// does not depend on what the NER model happens to tag.
fn with_names(body: &str, names: &[(&str, EntityKind)]) -> Vec<Quote> {
    let chars: Vec<char> = body.chars().collect();
    let mut entities = Vec::new();
    for (name, kind) in names {
        let n: Vec<char> = name.chars().collect();
        for s in 0..chars.len().saturating_sub(n.len() - 1) {
            if chars[s..s + n.len()] == n[..] {
                entities.push(Entity {
                    kind: *kind,
                    start: s,
                    end: s + n.len(),
                    text: name.to_string(),
                });
            }
        }
    }
    entities.sort_by_key(|e| e.start);
    extract_with(body, &entities)
}

/// (body, names, [(speaker-or-role contains, content starts with, content ends with,
/// certainty)]): one rule of issue #6 per row, each on a sentence written for it.
type RuleRow = (
    &'static str,
    &'static [(&'static str, EntityKind)],
    &'static [(&'static str, &'static str, &'static str, CertaintyLabel)],
);

const PER: EntityKind = EntityKind::Per;
const ORG: EntityKind = EntityKind::Org;

const RULES: &[RuleRow] = &[
    // A participle without a comma still opens a new cue clause, and governs a noun object.
    (
        "وقال المتحدث باسم الشركة نادر السالم إن المبيعات ارتفعت هذا العام مؤكدا استمرار مشاريع التوسع.",
        &[("نادر السالم", PER)],
        &[
            ("السالم", "إن المبيعات", "هذا العام", Confirmed),
            ("السالم", "استمرار مشاريع", "التوسع", Confirmed),
        ],
    ),
    // ... but an adjective with a participle's form is no cue.
    ("وحققت الشركة نموا لافتا في أرباحها.", &[], &[]),
    // A subject-less cue shares the subject of the clause it is coordinated with.
    (
        "وشكا سكان الحي من انقطاع المياه، وأضافوا: نحن ننتظر الإصلاح منذ أسبوع.",
        &[],
        &[("سكان الحي", "نحن ننتظر", "منذ أسبوع", Reported)],
    ),
    (
        "ودعت الهيئة العامة للأرصاد السكان إلى الحذر، مؤكدة أن الأمطار ستستمر حتى الخميس.",
        &[],
        &[("الهيئة العامة", "أن الأمطار", "حتى الخميس", Expected)],
    ),
    // A glued ل belongs to the source phrase, and a medium is an indirect source.
    (
        "ووفقا لموقع «الرصد» الإخباري، فإن الشحنة وصلت إلى الميناء.",
        &[],
        &[("موقع", "فإن الشحنة", "الميناء", Reported)],
    ),
    // A source phrase standing alone closes the sentence before it.
    (
        "وارتفع سعر الذهب في التعاملات المسائية. بحسب رويترز.",
        &[],
        &[("رويترز", "وارتفع سعر", "المسائية", Reported)],
    ),
    // `وهو ما أكده` resumes the narration; a relative clause with a complement attributes
    // to its antecedent.
    (
        "ويرى مراقبون أن الأسعار سترتفع، وهو ما أكده الخبير سالم العتيبي الذي قال إن السوق تحتاج إلى وقت.",
        &[("سالم العتيبي", PER)],
        &[
            ("مراقبون", "أن الأسعار", "سترتفع", Expected),
            ("العتيبي", "إن السوق", "إلى وقت", Confirmed),
        ],
    ),
    // `حسبما ذكرت X` closing a clause sources it; `بعد أن أكدت` is still a statement.
    (
        "وارتفع عدد الزوار إلى ألف زائر، حسبما ذكرت صحيفة «المساء».",
        &[],
        &[("المساء", "وارتفع عدد", "ألف زائر", Reported)],
    ),
    (
        "وبدأ الأهالي الاستعداد بعد أن أكدت الوزارة أن المدارس ستفتح أبوابها.",
        &[],
        &[("الوزارة", "أن المدارس", "أبوابها", Expected)],
    ),
    // Subject before the verb: the words after it are the complement.
    (
        "وكان المحلل فهد الدوسري قد اعتبر القرار خطوة متأخرة.",
        &[("فهد الدوسري", PER)],
        &[("الدوسري", "القرار خطوة", "متأخرة", Confirmed)],
    ),
    (
        "رواد المنصة يقولون العرض يستحق المشاهدة.",
        &[],
        &[("رواد المنصة", "العرض يستحق", "المشاهدة", Reported)],
    ),
    // Announcing one's own act is a performative.
    ("وأعلن اللاعب اعتزاله بعد المباراة.", &[], &[]),
    // The author's own voice, proverbs and hadith are not attributed statements.
    ("أقول لكم: انتبهوا للطريق.", &[], &[]),
    ("وكما يقول المثل: «الوقت كالسيف».", &[], &[]),
    ("كما قال عليه الصلاة والسلام: «كلمة طيبة».", &[], &[]),
    // Reporting frames without a person.
    (
        "وتواترت خلال الأيام الماضية أنباء عن استقالة المدرب.",
        &[],
        &[("أنباء", "عن استقالة", "المدرب", Reported)],
    ),
    // A text introduced as such.
    (
        "أصدرت جمعية الرفق بالحيوان بيانا، وفيما يلي نص البيان: «نحن ملتزمون بالشفافية».",
        &[("جمعية الرفق بالحيوان", ORG)],
        &[("جمعية الرفق", "نحن ملتزمون", "بالشفافية", Confirmed)],
    ),
    // A quotation a new clause brings inside reported content is a quote of its own.
    (
        "وقال الكاتب نبيل الراشد إن المدينة تغيرت كثيرا، وعلق بمقولة الشاعر سعيد الهاشمي «المدن تشبه أهلها».",
        &[("نبيل الراشد", PER), ("سعيد الهاشمي", PER)],
        &[
            ("الراشد", "إن المدينة", "كثيرا", Confirmed),
            ("الهاشمي", "المدن تشبه", "أهلها", Confirmed),
        ],
    ),
    // Speech after a colon ends where the narration resumes with a conjunction.
    (
        "وقال المهندس ماجد الزهراني: الطريق سيفتح غدا. وأشاد الأهالي بجهود العاملين.",
        &[("ماجد الزهراني", PER)],
        &[("الزهراني", "الطريق سيفتح", "غدا", Expected)],
    ),
    // Certainty is read on the main clause: not past its first clause, not inside a
    // relative or subordinate clause, not on a joined second predicate, not on adjectives.
    (
        "وقال المدير وليد الشهري إن الشركة وظفت مئة موظف جديد، سيبدأون العمل الشهر المقبل.",
        &[("وليد الشهري", PER)],
        &[("الشهري", "إن الشركة", "الشهر المقبل", Confirmed)],
    ),
    (
        "وأكد وليد الشهري أن الحملة التي ستطلقها الوزارة تستهدف الشباب.",
        &[("وليد الشهري", PER)],
        &[("الشهري", "أن الحملة", "الشباب", Confirmed)],
    ),
    (
        "وقال وليد الشهري إن الفريق قدم أداء جيدا وليس بحاجة إلى تغييرات.",
        &[("وليد الشهري", PER)],
        &[("الشهري", "إن الفريق", "تغييرات", Confirmed)],
    ),
    (
        "وأوضح وليد الشهري أن العام الدراسي المقرر بدؤه في سبتمبر لن يتأجل.",
        &[("وليد الشهري", PER)],
        &[("الشهري", "أن العام", "يتأجل", Denied)],
    ),
    (
        "وأكدت الإدارة أن من يتأخر عن موعد التسجيل المحدد في الإعلان الرسمي فإن طلبه لن يقبل.",
        &[],
        &[("الإدارة", "أن من يتأخر", "يقبل", Denied)],
    ),
    (
        "وأوضح وليد الشهري أن الفريق الأول لكرة القدم يبدأ معسكره الإعدادي في مدينة أبها الجبلية الهادئة يوم الأحد المقبل.",
        &[("وليد الشهري", PER)],
        &[("الشهري", "أن الفريق", "الأحد المقبل", Expected)],
    ),
    // A description refers back to the name it introduced earlier.
    (
        "استقبل وزير الخارجية الليبي سالم القطراني الوفد أمس. وقال الوزير الليبي إن المحادثات مثمرة.",
        &[("سالم القطراني", PER)],
        &[("سالم القطراني", "إن المحادثات", "مثمرة", Confirmed)],
    ),
    // A name after a title is a person even when the tagger missed it, and its bare surname
    // later names the same person.
    (
        "أكد العقيد فيصل الرميثي أن الوضع مستقر. وأشار الرميثي حتى الآن لم تسجل خسائر.",
        &[],
        &[
            ("فيصل الرميثي", "أن الوضع", "مستقر", Confirmed),
            ("فيصل الرميثي", "حتى الآن", "خسائر", Denied),
        ],
    ),
    // A subject with a role, closed by a comma, then the object of a denial.
    (
        "ونفى المتحدث باسم البلدية ماهر الخيال، الأنباء عن إغلاق السوق.",
        &[],
        &[("المتحدث باسم البلدية", "الأنباء عن", "السوق", Denied)],
    ),
    // Words before a comma that a role phrase follows are a name in apposition.
    (
        "وقال ماركو بيلوني، خبير الطاقة في معهد الدراسات، إن الأسعار ستنخفض.",
        &[("معهد الدراسات", ORG)],
        &[("ماركو بيلوني", "إن الأسعار", "ستنخفض", Expected)],
    ),
    // A nisba is not a news agency when it qualifies a noun.
    (
        "وأكدت السلطات الألمانية أن التحقيق مستمر.",
        &[],
        &[("السلطات الألمانية", "أن التحقيق", "مستمر", Confirmed)],
    ),
];

#[test]
fn rules_of_issue_6() {
    for (body, names, want) in RULES {
        let got = with_names(body, names);
        assert_eq!(got.len(), want.len(), "{body}\n{got:#?}");
        for (q, (who, starts, ends, label)) in got.iter().zip(want.iter()) {
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
            assert!(q.text.ends_with(ends), "{body}: text {:?}", q.text);
            assert_eq!(span(body, q.start, q.end), q.text);
            assert_eq!(
                q.certainty.label, *label,
                "{body}: cue {:?}",
                q.certainty.cue
            );
        }
    }
}

#[test]
fn names_missed_by_the_tagger_are_speakers_not_roles() {
    let body = "وقال ماركو بيلوني، خبير الطاقة في معهد الدراسات، إن الأسعار ستنخفض. \
                وأكد العقيد فيصل الرميثي أن الوضع مستقر. وأشار الرميثي حتى الآن لم تسجل خسائر.";
    let got = with_names(body, &[("معهد الدراسات", ORG)]);
    let speakers: Vec<Option<&str>> = got.iter().map(|q| q.speaker.as_deref()).collect();
    assert_eq!(
        speakers,
        [
            Some("ماركو بيلوني"),
            Some("فيصل الرميثي"),
            Some("فيصل الرميثي")
        ]
    );
    assert_eq!(got[0].role.as_deref(), Some("خبير الطاقة في معهد الدراسات"));
    // The span is the mention at hand (a bare surname may name the full name seen before).
    for q in &got {
        let (s, e) = (q.speaker_start.unwrap_or(0), q.speaker_end.unwrap_or(0));
        let mention = span(body, s, e);
        assert!(!mention.is_empty(), "{q:?}");
        assert!(
            q.speaker.as_deref().is_some_and(|n| n.ends_with(&mention)),
            "{q:?}"
        );
    }
}
