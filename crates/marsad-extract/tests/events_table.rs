//! Event extraction on sentences written for these tests (fictional, news-style): every
//! PLOVER type, clitics, word orders, passives, certainty, dates, places, attribution and
//! the negative filters. Each row names the trigger it expects, so a right type found on the
//! wrong word fails.

use chrono::NaiveDate;
use marsad_core::{CertaintyLabel, DatePrecision, Event, EventType};
use marsad_extract::events::{dates, extract_text};

/// The event of type `kind` whose cue contains `cue`, or a panic listing what was found.
fn find<'a>(events: &'a [Event], kind: EventType, cue: &str, text: &str) -> &'a Event {
    events
        .iter()
        .find(|e| e.kind == kind && e.cue.contains(cue))
        .unwrap_or_else(|| {
            let found: Vec<String> = events
                .iter()
                .map(|e| format!("{} [{}]", e.kind, e.cue))
                .collect();
            panic!("no {kind} on {cue:?} in {text:?}; found {found:?}")
        })
}

fn name(a: &Option<marsad_core::Argument>) -> &str {
    a.as_ref().map(|a| a.name.as_str()).unwrap_or("")
}

#[test]
fn every_type_with_its_trigger() {
    use EventType::*;
    let table: &[(&str, EventType, &str)] = &[
        (
            "وقّع وزير المالية سامي الحوراني ونظيره الأردني اتفاقية للتعاون الاقتصادي في عمّان أمس.",
            Agree,
            "اتفاقية",
        ),
        (
            "التقى الرئيس التونسي وفدا من البرلمان الأوروبي في قرطاج.",
            Consult,
            "التقى",
        ),
        (
            "أشادت الحكومة المغربية بجهود الأمم المتحدة في ليبيا.",
            Support,
            "أشادت",
        ),
        (
            "اعتذرت الشركة للمواطنين عن انقطاع الخدمة في مدينة الخبر.",
            Concede,
            "اعتذرت",
        ),
        (
            "تعاونت الشرطة الأردنية مع الإنتربول في تعقب المطلوبين.",
            Cooperate,
            "تعاونت",
        ),
        ("قدمت المملكة مساعدات إنسانية لليمن.", Aid, "مساعدات"),
        (
            "انسحبت القوات الحكومية من مدينة الرمادي.",
            Retreat,
            "انسحبت",
        ),
        (
            "طالبت منظمة العفو الدولية السلطات بالإفراج عن الصحفيين.",
            Request,
            "طالبت",
        ),
        (
            "أدانت الجامعة العربية الاعتداء على السفارة.",
            Accuse,
            "أدانت",
        ),
        ("رفضت الحكومة السودانية المقترح الأمريكي.", Reject, "رفضت"),
        (
            "هدد زعيم الجماعة الحكومة بقطع الطرق المؤدية إلى العاصمة.",
            Threaten,
            "هدد",
        ),
        (
            "تظاهر آلاف الطلاب في العاصمة أمس احتجاجا على رفع الرسوم.",
            Protest,
            "تظاهر",
        ),
        (
            "فرضت الولايات المتحدة عقوبات جديدة على شركات إيرانية.",
            Sanction,
            "عقوبات",
        ),
        (
            "نشر الجيش المصري تعزيزات عسكرية على الحدود مع ليبيا.",
            Mobilize,
            "تعزيزات",
        ),
        (
            "اعتقلت قوات الأمن خمسة أشخاص في حي الميدان.",
            Coerce,
            "اعتقلت",
        ),
        (
            "شنت الطائرات الحربية غارات على مواقع المسلحين.",
            Assault,
            "غارات",
        ),
    ];
    let mut seen = Vec::new();
    for (text, kind, cue) in table {
        let events = extract_text(text);
        let e = find(&events, *kind, cue, text);
        assert_eq!(e.certainty.label, CertaintyLabel::Confirmed, "{text}");
        assert!(e.cameo.is_some(), "{text}: a CAMEO code");
        seen.push(*kind);
    }
    for t in EventType::ALL {
        assert!(seen.contains(&t), "{t} is not in the table");
    }
    // The content of a demand did not happen: no RETREAT for بالإفراج.
    let events = extract_text(table[7].0);
    assert!(events.iter().all(|e| e.kind != Retreat), "{events:?}");
}

#[test]
fn participants_word_order_and_passives() {
    use EventType::*;
    // VSO with a title phrase before the name; hosting: the visitor is the source.
    let t = "استقبل الملك سلمان بن عبدالعزيز رئيس الوزراء البريطاني في الرياض.";
    let e = find(&extract_text(t), Consult, "استقبل", t).clone();
    assert!(name(&e.target).contains("سلمان"), "{e:?}");
    assert!(name(&e.source).contains("رئيس الوزراء"), "{e:?}");
    assert_eq!(e.mode.as_deref(), Some("host"));
    assert_eq!(name(&e.location), "الرياض");
    // SVO.
    let t = "الشرطة اعتقلت ثلاثة مطلوبين في جدة.";
    let e = find(&extract_text(t), Coerce, "اعتقلت", t).clone();
    assert_eq!(name(&e.source), "الشرطة");
    assert!(name(&e.target).contains("مطلوبين"), "{e:?}");
    // Passive with the same letters: the number is the victim, there is no agent.
    let t = "قتل خمسة أشخاص في انفجار سيارة مفخخة وسط المدينة.";
    let e = find(&extract_text(t), Assault, "قتل", t).clone();
    assert!(name(&e.target).contains("خمسة أشخاص"), "{e:?}");
    assert_eq!(e.source, None);
    // A light verb of occurrence: تم اعتقال.
    let t = "تم اعتقال المتهم الرئيسي في القضية بمدينة الدمام.";
    let e = find(&extract_text(t), Coerce, "اعتقال", t).clone();
    assert!(name(&e.target).contains("المتهم"), "{e:?}");
    // An agentive light verb and the phrase after مع.
    let t = "عقد وزير الداخلية اجتماعا مع قادة الأجهزة الأمنية.";
    let e = find(&extract_text(t), Consult, "اجتماعا", t).clone();
    assert!(name(&e.source).contains("وزير الداخلية"), "{e:?}");
    assert!(name(&e.target).contains("قادة"), "{e:?}");
    // A verbal noun's pronoun names its actor: بإرسالها → الدول الغربية.
    let t = "انتقد الخبير تدخل الدول الغربية بإرسالها قوات خاصة إلى ليبيا.";
    let e = find(&extract_text(t), Mobilize, "بإرسالها", t).clone();
    assert!(name(&e.source).contains("الدول الغربية"), "{e:?}");
    assert_eq!(name(&e.target), "ليبيا");
}

#[test]
fn clitics_and_forms() {
    use EventType::*;
    for (text, kind, cue) in [
        ("وسيزور الرئيس باريس الأسبوع المقبل.", Consult, "وسيزور"),
        ("فاستقبلهم أمير المنطقة في مكتبه.", Consult, "فاستقبلهم"),
        (
            "وبحث وزير الخارجية مع نظيره الفرنسي الأزمة السورية.",
            Consult,
            "وبحث",
        ),
        (
            "وأجرى الرئيس اتصالا هاتفيا بالعاهل الأردني.",
            Consult,
            "اتصالا",
        ),
        (
            "قامت وزيرة الصحة بزيارة إلى مستشفى الملك فهد.",
            Consult,
            "بزيارة",
        ),
        (
            "ويتظاهر المئات أمام البرلمان منذ الصباح.",
            Protest,
            "ويتظاهر",
        ),
        (
            "واتهمت المعارضة الحكومة بتزوير الانتخابات.",
            Accuse,
            "واتهمت",
        ),
    ] {
        find(&extract_text(text), kind, cue, text);
    }
}

#[test]
fn certainty_of_events() {
    use CertaintyLabel::*;
    use EventType::*;
    let table: &[(&str, EventType, &str, CertaintyLabel)] = &[
        (
            "لم يلتق الوزير نظيره الإيراني خلال الزيارة.",
            Consult,
            "يلتق",
            Denied,
        ),
        (
            "نفت وزارة الدفاع نشر قوات في المنطقة.",
            Mobilize,
            "نشر",
            Denied,
        ),
        (
            "من المقرر أن يزور الرئيس المصري القاهرة غدا.",
            Consult,
            "يزور",
            Expected,
        ),
        (
            "ستستقبل العاصمة وفدا أمريكيا الشهر المقبل.",
            Consult,
            "ستستقبل",
            Expected,
        ),
        (
            "قد تفرض الحكومة عقوبات على الشركات المخالفة.",
            Sanction,
            "عقوبات",
            Possible,
        ),
        (
            "وحسب مصادر أمنية، اعتقلت الشرطة ثلاثة أشخاص في الحي.",
            Coerce,
            "اعتقلت",
            Reported,
        ),
        (
            "تحدثت تقارير عن لقاءات بين مسؤولين سوريين ووفد تركي في موسكو.",
            Consult,
            "لقاءات",
            Reported,
        ),
        ("زار وزير الخارجية الكويت أمس.", Consult, "زار", Confirmed),
    ];
    for (text, kind, cue, label) in table {
        let events = extract_text(text);
        let e = find(&events, *kind, cue, text);
        assert_eq!(e.certainty.label, *label, "{text}: {:?}", e.certainty);
    }
}

#[test]
fn attribution_and_places() {
    use EventType::*;
    let t =
        "وقال المتحدث باسم الجيش العقيد سامي الحوراني إن القوات قصفت مواقع المسلحين في مدينة درنة.";
    let e = find(&extract_text(t), Assault, "قصفت", t).clone();
    assert!(
        e.attributed_to
            .as_deref()
            .is_some_and(|a| a.contains("الحوراني")),
        "{e:?}"
    );
    assert_eq!(e.certainty.label, CertaintyLabel::Confirmed);
    assert_eq!(name(&e.location), "درنة");
    let t = "وحسب ما ذكرت مصادر محلية، فإن مسلحين هاجموا نقطة تفتيش قرب المدينة.";
    let e = find(&extract_text(t), Assault, "هاجموا", t).clone();
    assert_eq!(e.attributed_to.as_deref(), Some("مصادر محلية"));
    assert_eq!(e.certainty.label, CertaintyLabel::Reported);
    let t = "التقى وزير الخارجية سامي الحوراني نظيره الروسي في موسكو.";
    let e = find(&extract_text(t), Consult, "التقى", t).clone();
    assert_eq!(name(&e.location), "موسكو");
    assert!(name(&e.source).contains("الحوراني"), "{e:?}");
}

#[test]
fn dates_are_kept_as_written_and_resolve() {
    let t = "زار الرئيس تونس يوم الثلاثاء الماضي.";
    let e = find(&extract_text(t), EventType::Consult, "زار", t).clone();
    let d = e.date.expect("a date expression");
    assert_eq!(d.text.as_deref(), Some("يوم الثلاثاء الماضي"));
    assert_eq!(d.value, None, "resolved only when linked");
    // 2016-05-24 is a Tuesday: the Tuesday before is 2016-05-17.
    let p = NaiveDate::from_ymd_opt(2016, 5, 24).unwrap();
    let table: &[(&str, bool, &str, DatePrecision)] = &[
        ("أمس", false, "2016-05-23", DatePrecision::Day),
        ("أول أمس", false, "2016-05-22", DatePrecision::Day),
        ("غدا", false, "2016-05-25", DatePrecision::Day),
        ("الليلة الماضية", false, "2016-05-23", DatePrecision::Day),
        ("الثلاثاء الماضي", false, "2016-05-17", DatePrecision::Day),
        ("يوم الأحد", false, "2016-05-22", DatePrecision::Day),
        ("يوم الأحد", true, "2016-05-29", DatePrecision::Day),
        ("الأسبوع الماضي", false, "2016-05", DatePrecision::Month),
        ("الشهر المقبل", false, "2016-06", DatePrecision::Month),
        ("العام الماضي", false, "2015", DatePrecision::Year),
        ("20 نوفمبر 2016", false, "2016-11-20", DatePrecision::Day),
        ("20/11/2016", false, "2016-11-20", DatePrecision::Day),
        (
            "كانون الثاني الماضي",
            false,
            "2016-01",
            DatePrecision::Month,
        ),
        (
            "التاسع من مارس الماضي",
            false,
            "2016-03-09",
            DatePrecision::Day,
        ),
    ];
    for (text, expected, value, precision) in table {
        assert_eq!(
            dates::resolve(text, p, *expected),
            Some((value.to_string(), *precision)),
            "{text}"
        );
    }
    // A Hijri date converts through the tabular calendar; its Gregorian day is the one the
    // calendar module computes (checked against known dates there).
    let (y, m, d) = marsad_arabic::calendar::hijri_to_gregorian(1437, 9, 15).unwrap();
    assert_eq!(
        dates::resolve("15 رمضان 1437هـ", p, false).map(|r| r.0),
        Some(format!("{y:04}-{m:02}-{d:02}"))
    );
    assert_eq!(dates::resolve("اليوم الوطني", p, false), None);
}

#[test]
fn a_reception_named_as_a_purpose_is_no_meeting() {
    // Before: each was an expected CONSULT (the filter-training articles held 9 such false
    // meetings against 1 annotated one).
    for text in [
        "وقال مدير المطار إن المطار سيكون جاهزا لاستقبال الطائرات المدنية الأسبوع المقبل.",
        "وخصصت الهيئة رقما مجانيا لاستقبال بلاغات الزوار.",
    ] {
        let events = extract_text(text);
        assert!(
            events.iter().all(|e| e.kind != EventType::Consult),
            "{text}: {events:?}"
        );
    }
    // A reception told as an act still is one.
    let text = "واستقبل المحافظ أمس وفدا من رجال الأعمال الكنديين.";
    find(&extract_text(text), EventType::Consult, "استقبل", text);
}

#[test]
fn triggers_that_are_not_events() {
    for text in [
        "يقدم قسم الدعم الفني خدماته للمشتركين على مدار الساعة.",
        "أعلن مجلس التعاون الخليجي عن موعد القمة المقبلة.",
        "هاجم اللاعب مرمى الفريق المنافس في المباراة وسجل هدفا في الدوري.",
        "تصدر الوزارة تأشيرة زيارة للمقيمين.",
        "هل ستزور الوزيرة موسكو؟",
        "إذا التقى الرئيسان فقد تتغير المعادلة.",
        "ورفع المتظاهرون لافتات كتب عليها شعارات معارضة.",
    ] {
        let events = extract_text(text);
        assert!(events.is_empty(), "{text}: {events:?}");
    }
}

/// True when `events` hold a protest the text reports as having happened.
fn reports_protest(events: &[Event]) -> bool {
    events.iter().any(|e| {
        e.kind == EventType::Protest
            && matches!(
                e.certainty.label,
                CertaintyLabel::Confirmed | CertaintyLabel::Reported
            )
    })
}

#[test]
fn protests_that_only_set_a_scene_are_not_reported() {
    for text in [
        // A protest noun after a temporal preposition dates another event.
        "وبعد مظاهرة جديدة جرت صباح أمس في المدينة، أصيب شاب برصاصة في الرأس.",
        // A temporal أن clause.
        "وقالت الشرطة إن التوتر تصاعد في الحي بعد أن شهد أعمال شغب.",
        // كان with an imperfect paints a past scene.
        "وقال شهود إن عشرات العمال كانوا يحتجون على تأخر الأجور.",
        // Protests counted over a period are a tally.
        "ونظمت الحركة منذ تأسيسها عدة مظاهرات في العاصمة.",
        // Stones thrown at protesters are an attack on them.
        "وقال الشهود إن شبانا من الحي رشقوا المتظاهرين بالحجارة أمام البرلمان.",
        // Other protests are told elsewhere.
        "وكانت مظاهرات أخرى قد انطلقت في المدينة قبل عدة أشهر.",
    ] {
        let events = extract_text(text);
        assert!(!reports_protest(&events), "{text}: {events:?}");
    }
    // The pluperfect still reports one, and stones thrown at the police are a riot.
    for text in [
        "وكان متظاهرون غاضبون قد خرجوا إلى الشوارع أمس.",
        "وقال الشهود إن شبانا من الحي رشقوا الشرطة بالحجارة أمام البرلمان.",
    ] {
        let events = extract_text(text);
        assert!(reports_protest(&events), "{text}: {events:?}");
    }
    // A negation with a glued conjunction denies the protest.
    let t = "ولم تتظاهر الأحزاب المعارضة أمس في العاصمة.";
    let e = find(&extract_text(t), EventType::Protest, "تتظاهر", t).clone();
    assert_eq!(e.certainty.label, CertaintyLabel::Denied, "{e:?}");
}

#[test]
fn protest_forms_human_chain_and_self_immolation() {
    let t = "وشكل مئات المحتجين سلسلة بشرية أمام البرلمان أمس.";
    let e = find(&extract_text(t), EventType::Protest, "شكل", t).clone();
    assert_eq!(e.certainty.label, CertaintyLabel::Confirmed);
    assert!(name(&e.source).contains("المحتجين"), "{e:?}");
    // Not an official complaint (the احتج row's refinement), though its CAMEO is 140 too.
    let t = "وأحرق بائع متجول نفسه احتجاجا على مصادرة بضاعته.";
    let e = find(&extract_text(t), EventType::Protest, "أحرق", t).clone();
    assert_eq!(e.cameo.as_deref(), Some("140"));
    // Without a protest word, burning oneself is not coded.
    let t = "وأحرق رجل نفسه في حادث منزلي.";
    let events = extract_text(t);
    assert!(
        events.iter().all(|e| e.kind != EventType::Protest),
        "{events:?}"
    );
}

#[test]
fn participants_without_prepositions_or_self_loops() {
    use EventType::*;
    // A counted crowd is named with what it counts.
    let t = "وفي كراتشي، ردد اكثر من الف شخص شعارات امام مسجد بعد صلاة الجمعة.";
    let e = find(&extract_text(t), Protest, "ردد", t).clone();
    assert_eq!(name(&e.source), "اكثر من الف شخص", "{e:?}");
    // A preposition with a pronoun (لهم) is never a participant.
    let t = "وقال سكان إن المسلحين اتخذوا المدرسة سجنا لهم.";
    for e in extract_text(t) {
        assert!(
            name(&e.source) != "لهم" && name(&e.target) != "لهم",
            "{e:?}"
        );
    }
    // Nor is a preposition written alone before a quotation mark.
    let t = "وقالت المفوضة إنها زارت طهران أمس لـ«بحث التعاون».";
    let e = find(&extract_text(t), Consult, "زارت", t).clone();
    assert!(!name(&e.target).starts_with('ل'), "{e:?}");
    // A title after a glued ل is the preposition's object, named by the name it reaches.
    let t = "وشكر الأمير لفخامة الرئيس عبدالفتاح السيسي.";
    let e = find(&extract_text(t), Support, "شكر", t).clone();
    assert_eq!(name(&e.source), "الأمير", "{e:?}");
    assert_eq!(name(&e.target), "عبدالفتاح السيسي", "{e:?}");
    // No self-loop: the object stays, the subject read twice goes.
    let t = "واستنكر الوزراء تدخلات إيران في المنطقة، داعين إيران إلى الكف عن ذلك.";
    let e = find(&extract_text(t), Request, "داعين", t).clone();
    assert_eq!(name(&e.target), "إيران", "{e:?}");
    assert_ne!(name(&e.source), "إيران", "{e:?}");
    // A body's ل complement ends its name; the verb's object is not part of it.
    let t = "ودعت المديرية العامة للجوازات المقيمين إلى مراجعة مكاتبها.";
    let e = find(&extract_text(t), Request, "دعت", t).clone();
    assert_eq!(name(&e.source), "المديرية العامة للجوازات", "{e:?}");
    assert_eq!(name(&e.target), "المقيمين", "{e:?}");
    let t = "ودعت الهيئة المستقلة لحقوق الإنسان الدول الأعضاء إلى التعاون.";
    let e = find(&extract_text(t), Request, "دعت", t).clone();
    assert_eq!(name(&e.source), "الهيئة المستقلة لحقوق الإنسان", "{e:?}");
    assert_eq!(name(&e.target), "الدول الأعضاء", "{e:?}");
}

#[test]
fn status_regularization_captions_and_student_counts() {
    // تصحيح أوضاع of a war's refugees is AID (territorial asylum), per docs/annotation.md.
    let t = "بدأت المديرية العامة للجوازات العمل على تصحيح أوضاع أبناء الجالية اليمنية في المملكة.";
    let e = find(&extract_text(t), EventType::Aid, "تصحيح", t).clone();
    assert_eq!(e.mode.as_deref(), Some("asylum"));
    // A photo caption names no meeting of its own.
    let t = "جانب من اللقاء\nأكد أمين عام جمعية البر بالمنطقة الشرقية سمير العفيصان أن الجمعية شرعت في إعادة صياغة خطتها.";
    let events = extract_text(t);
    assert!(
        events.iter().all(|e| e.kind != EventType::Consult),
        "{events:?}"
    );
    // طالبا وطالبة are students, not someone demanding.
    let t = "وصلت الطالبة الأمريكية سارة بلتون إلى الرياض أمس. وقامت الطالبة ـ في البرنامج الذي يشارك فيه 99 طالبا وطالبةـ بارتداء الزي التقليدي.";
    let events = extract_text(t);
    assert!(
        events.iter().all(|e| e.kind != EventType::Request),
        "{events:?}"
    );
}

#[test]
fn repeated_condemnations_wishes_and_topics() {
    // Each statement condemning one attack retells it: one ASSAULT, not one per statement.
    let t = "أدانت المملكة التفجير الإرهابي الذي استهدف مسجدا في عسير أمس. كما أدانت الكويت التفجير الإرهابي الذي استهدف المسجد.";
    let events = extract_text(t);
    let assaults = events
        .iter()
        .filter(|e| e.kind == EventType::Assault)
        .count();
    assert_eq!(assaults, 1, "{events:?}");
    // Another attack told with its own relative clause is still coded.
    let t = "قتل مسلحون جنديين في سيناء أمس. وأعلنت الجماعة مسؤوليتها عن الهجوم الذي استهدف نقطة عسكرية أخرى.";
    let events = extract_text(t);
    let assaults = events
        .iter()
        .filter(|e| e.kind == EventType::Assault)
        .count();
    assert_eq!(assaults, 2, "{events:?}");
    // A wish is no event, even with a light verb (إلقاء القبض).
    let t = "وأعرب الوزير الألماني عن أمله في إلقاء القبض على مرتكبي الهجوم.";
    let events = extract_text(t);
    assert!(
        events.iter().all(|e| e.kind != EventType::Coerce),
        "{events:?}"
    );
    // A film about an attack reports none; fighting around a city does.
    let t = "ويعرض الفيلم الجديد الذي يدور حول هجوم فضائي على الأرض في الصالات الشهر المقبل.";
    let events = extract_text(t);
    assert!(
        events.iter().all(|e| e.kind != EventType::Assault),
        "{events:?}"
    );
    let t = "ودارت اشتباكات عنيفة حول المدينة أمس.";
    find(&extract_text(t), EventType::Assault, "اشتباكات", t);
}

#[test]
fn homographs_that_are_no_events() {
    // Each was coded before (mined from the 3,000-article sample): تحقيق is achieving when
    // no في/مع follows it, تقاطع a road junction, حاكم a governor, وعودة "and the return"
    // (not وعوده, his promises), سجن after a preposition a prison, أبعاد dimensions.
    for text in [
        "وتسعى الهيئة إلى تحقيق مستوى عال من الجودة في إدارة المشاريع الحكومية.",
        "ويسعى المركز لتحقيق التنمية في الطائف خصوصا.",
        "ويبدأ المشروع من تقاطع طريق الملك فهد مع الطريق الدائري الجنوبي.",
        "وأعلن حاكم الولاية عبد الستار بارز افتتاح الطريق الجديد.",
        "وقال المسؤول إن ذلك يعني عودة نشاط الدولة وعودة الأمن إلى مديريات المحافظة.",
        "وقال المسؤول إن الحصار سيحول المدينة إلى سجن كبير.",
        "وتدرس اللجنة أبعاد القضية الاقتصادية وآثارها.",
    ] {
        let events = extract_text(text);
        assert!(events.is_empty(), "{text}: {events:?}");
    }
    // The investigation and the promise are still found.
    let text = "وفتحت النيابة العامة تحقيقا في الحادث، وأجرت تحقيقا شاملا مع السائق.";
    find(&extract_text(text), EventType::Accuse, "تحقيق", text);
    let text = "وأعلنت الشرطة فتح تحقيق موسع في ملابسات الحريق.";
    find(&extract_text(text), EventType::Accuse, "تحقيق", text);
}

#[test]
fn acting_on_a_request_names_who_asked() {
    // Before: the verb reading of طلب after على made the requester the target.
    let text = "وأوضح أن العمليات العسكرية تأتي بناء على طلب من الحكومة اليمنية الشرعية.";
    let events = extract_text(text);
    let e = find(&events, EventType::Request, "طلب", text);
    assert_eq!(name(&e.source), "الحكومة اليمنية الشرعية", "{e:#?}");
    let text = "وأعلن التحالف الهدنة استجابة لطلب الرئيس اليمني.";
    let events = extract_text(text);
    let e = find(&events, EventType::Request, "طلب", text);
    assert!(name(&e.source).contains("الرئيس"), "{e:#?}");
    // تلبية الطلب is meeting the market's demand.
    let text = "وتعمل الشركات على تلبية الطلب المتزايد على الإسكان.";
    let events = extract_text(text);
    assert!(events.is_empty(), "{text}: {events:?}");
}

#[test]
fn violence_in_the_imperfect_is_a_habit_unless_a_headline_or_a_narrative_clause() {
    // Before: each was an ASSAULT, confirmed.
    for text in [
        "ومن يقتل مؤمنا متعمدا فجزاؤه جهنم.",
        "وأشار التقرير إلى أن الحوثيين يسيطرون على مدينة زنجبار.",
        "وقال إن البكتيريا تهاجم النبات لتحفيز نظامه الدفاعي.",
    ] {
        let events = extract_text(text);
        assert!(
            events.iter().all(|e| e.kind != EventType::Assault),
            "{text}: {events:?}"
        );
    }
    // A headline and a قبل أن clause tell past acts in the imperfect.
    let text = "* باكستان: قوات الأمن تداهم مقر الحزب في كراتشي";
    find(&extract_text(text), EventType::Coerce, "تداهم", text);
    let text = "وقال قائد الشرطة إن المسلح أطلق النار على المارة قبل أن يقتل نفسه بمسدسه.";
    find(&extract_text(text), EventType::Assault, "يقتل", text);
}

#[test]
fn a_noun_made_definite_by_its_genitive_refers_back() {
    // Before: «زيارة الوزير» was a second CONSULT, the visit told again.
    let text = "زار وزير الخارجية الأردني موسكو أمس والتقى نظيره الروسي. وتأتي زيارة الوزير في إطار تعزيز العلاقات بين البلدين.";
    let events = extract_text(text);
    let visits: Vec<&str> = events
        .iter()
        .filter(|e| e.kind == EventType::Consult)
        .map(|e| e.cue.as_str())
        .collect();
    assert_eq!(visits, ["زار"], "{events:?}");
    // A visit that is not in construct is not read as a reference: after a meeting it is a
    // new event.
    let text = "التقى وزير الخارجية نظيره الروسي أمس. وبدأ الوزير اليوم زيارة إلى الجزائر.";
    find(&extract_text(text), EventType::Consult, "زيارة", text);
}

#[test]
fn needs_duties_conditions_and_forecasts() {
    // Before: SUPPORT confirmed, SANCTION expected, COOPERATE confirmed.
    for text in [
        "وقال إن المحافظة بحاجة إلى مساندة دول التحالف.",
        "وأكد الرئيس أنه سيتم فرض العقوبات مجددا على إيران في حال انتهاكها للاتفاق.",
    ] {
        let events = extract_text(text);
        assert!(events.is_empty(), "{text}: {events:?}");
    }
    // An aim is no deed (before: SUPPORT expected, ASSAULT confirmed).
    for text in [
        "وأعلنت الجمعية إقامة معرض بهدف دعم الأسر المنتجة.",
        "وحذر من الجماعات الإرهابية التي تهدف إلى اختطاف سوريا وثورة شعبها.",
    ] {
        let events = extract_text(text);
        assert!(
            events
                .iter()
                .all(|e| !matches!(e.kind, EventType::Support | EventType::Assault)),
            "{text}: {events:?}"
        );
    }
    let text = "كما توقع المحلل أن يتعاون البيت الأبيض مع الكونغرس.";
    let events = extract_text(text);
    let e = find(&events, EventType::Cooperate, "يتعاون", text);
    assert_eq!(e.certainty.label, CertaintyLabel::Expected);
    // A condition after a call bounds what is asked, not the call.
    let text = "ودعا الوزير المواطنين إلى التعاون مع البلديات في حال وجود مخالفات.";
    find(&extract_text(text), EventType::Request, "دعا", text);
    // The homographs' exclusions: a website visited, a body named for support, declining
    // to comment, asking not to be named.
    for text in [
        "ويمكن الاطلاع عليها من خلال زيارة موقع المديرية العامة للجوازات.",
        "ما أثار انتقادات من منظمات دعم اللاجئين.",
        "وقال المسؤول العراقي، الذي طلب عدم نشر اسمه، إن القوات تقدمت.",
        // With the target the pattern's own preposition introduces, these had a party.
        "للتواصل مع الكاتب ارسل رسالة قصيرة إلى الرقم المذكور.",
        "وأعلنت إدارة الدفاع المدني السيطرة على الحريق بعد ساعتين.",
    ] {
        let events = extract_text(text);
        assert!(events.is_empty(), "{text}: {events:?}");
    }
}

#[test]
fn arrests_name_who_was_arrested_and_passives_name_the_agent() {
    // Before: no target after القبض على (the pattern's own على hid it), no event when the
    // subject stands between قبض and على or the noun completes تمكن من, and the one killed
    // «على يد» someone was read as the killer.
    let cases: &[(&str, EventType, &str, &str, &str)] = &[
        (
            "وتم القبض على الجاني في مدينة الرياض.",
            EventType::Coerce,
            "القبض",
            "",
            "الجاني",
        ),
        (
            "وألقت الشرطة القبض على المتهم أمس.",
            EventType::Coerce,
            "القبض",
            "الشرطة",
            "المتهم",
        ),
        (
            "وقبضت الشرطة على اللص.",
            EventType::Coerce,
            "قبض",
            "الشرطة",
            "اللص",
        ),
        (
            "وتمكنت الشرطة من القبض على اللص.",
            EventType::Coerce,
            "القبض",
            "الشرطة",
            "اللص",
        ),
        (
            "وقتل أبو عقيل السالمي على يد عناصر المقاومة الشعبية.",
            EventType::Assault,
            "قتل",
            "عناصر المقاومة الشعبية",
            "أبو عقيل السالمي",
        ),
    ];
    for &(text, kind, cue, source, target) in cases {
        let events = extract_text(text);
        let e = find(&events, kind, cue, text);
        assert_eq!(name(&e.source), source, "{text}: {e:#?}");
        assert_eq!(name(&e.target), target, "{text}: {e:#?}");
    }
}

#[test]
fn phrases_stop_where_the_grammar_does() {
    // Before: «مطلق النار 12 شخصا» was one source and no target; «وفد» stopped before its
    // من phrase and the host was lost; «المواطنون الحكومة التدخل» was one source.
    let cases: &[(&str, EventType, &str, &str, &str)] = &[
        (
            "وقتل مطلق النار 12 شخصا في المدرسة.",
            EventType::Assault,
            "قتل",
            "مطلق النار",
            "12 شخصا",
        ),
        (
            "وزار وفد من حزب ميرتس الرئيس محمود عباس في رام الله.",
            EventType::Consult,
            "زار",
            "وفد من حزب ميرتس",
            "محمود عباس",
        ),
    ];
    for &(text, kind, cue, source, target) in cases {
        let events = extract_text(text);
        let e = find(&events, kind, cue, text);
        assert_eq!(name(&e.source), source, "{text}: {e:#?}");
        assert_eq!(name(&e.target), target, "{text}: {e:#?}");
    }
    let text = "وناشد المواطنون الحكومة التدخل.";
    let events = extract_text(text);
    let e = find(&events, EventType::Request, "ناشد", text);
    assert_eq!(name(&e.source), "المواطنون", "{e:#?}");
    // The deal named by a definite noun is no new agreement.
    let text = "وفيما يخص الاتفاق النووي مع إيران، أكد الوزير ضرورة الالتزام به.";
    let events = extract_text(text);
    assert!(
        events.iter().all(|e| e.kind != EventType::Agree),
        "{events:?}"
    );
}

#[test]
fn battles_names_matches_and_pluperfects() {
    // Storming a position in a battle is an assault, with air support as aid to the side
    // that storms; a police raid stays coercion.
    let text = "اقتحمت قوات الحرس الشعبي بدعم من طائرات التحالف قاعدة الوادي الجوية فجر أمس.";
    let events = extract_text(text);
    let storm = find(&events, EventType::Assault, "اقتحمت", text);
    assert_eq!(storm.mode, None, "{storm:#?}");
    find(&events, EventType::Aid, "بدعم", text);
    let text = "اقتحمت الشرطة منزل المتهم في حي النسيم واعتقلته.";
    find(&extract_text(text), EventType::Coerce, "اقتحمت", text);
    // A word the recognizer reads as a place or a person is not a verb: وعدن is "and Aden".
    let text = "وتقع القاعدة على الطريق بين تعز ولحج وعدن في جنوب البلاد.";
    let events = extract_text(text);
    assert!(
        events.iter().all(|e| e.kind != EventType::Agree),
        "{events:?}"
    );
    // A club hosting its sister club plays a match; a minister hosting his counterpart
    // receives a visit.
    let text = "ويستضيف الاتحاد شقيقه الهلال في ختام الدور ثمن النهائي.";
    let events = extract_text(text);
    assert!(
        events.iter().all(|e| e.kind != EventType::Consult),
        "{events:?}"
    );
    let text = "واستضاف وزير الخارجية نظيره التركي في أنقرة أمس.";
    find(&extract_text(text), EventType::Consult, "استضاف", text);
    // كان with a perfect (a pluperfect) keeps its subject before the verb; with an
    // imperfect it paints a habit.
    let text = "وكان الأمير استقبل أمس وفدا من رجال الأعمال.";
    let events = extract_text(text);
    let e = find(&events, EventType::Consult, "استقبل", text);
    assert_eq!(name(&e.target), "الأمير", "{e:#?}");
}
