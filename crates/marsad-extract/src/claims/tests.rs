use super::*;

fn label(text: &str) -> (CertaintyLabel, Option<String>) {
    let c = certainty_of(text, 0..text.chars().count());
    (c.label, c.cue)
}

macro_rules! test_certainty {
    ($($name:ident: $text:expr => $label:ident, $cue:expr;)*) => {$(
        #[test]
        fn $name() {
            let (l, cue) = label($text);
            assert_eq!(l, CertaintyLabel::$label, "{}", $text);
            let want: Option<&str> = $cue;
            assert_eq!(cue.as_deref(), want, "{}", $text);
        }
    )*};
}

test_certainty! {
    plain_fact: "افتتح الوزير المعرض في الرياض" => Confirmed, None;
    no_agreements: "حتى الآن لا يوجد اتفاقيات محددة يمكننا الإعلان عنها" => Denied, Some("لا");
    lam_past: "أن الوزارة لم تتلق أي طلب رسمي" => Denied, Some("لم");
    lan_future: "أن المملكة لن تسمح بذلك" => Denied, Some("لن");
    adam: "إلى عدم معرفته بمصدر الطلق" => Denied, Some("عدم");
    bare_of_truth: "أن الأنباء عارية عن الصحة تماما" => Denied, Some("عارية عن الصحة");
    not_true: "ما يتم تداوله غير صحيح" => Denied, Some("غير صحيح");
    still_is_not_negation: "لا يزال عندي أمل كبير" => Confirmed, None;
    perhaps_talks: "ربما يكون هناك مباحثات ما بين القيادتين، وأنا لا أعلم عن تفاصيلها" => Possible, Some("ربما");
    perhaps_then_negation: "أن الأطفال ربما لا يكونون جاهزين" => Possible, Some("ربما");
    can: "أنه يمكن أن يكون هذا الأمر في القريب العاجل" => Possible, Some("يمكن");
    qad_imperfect: "أن الأسعار قد ترتفع أو قد يتأخر التسليم" => Possible, Some("قد");
    qad_past_is_fact: "أن فوائد العسل كثيرة وقد ذكرت في الكتب" => Confirmed, None;
    not_excluded: "لا يستبعد أن تعود المفاوضات" => Possible, Some("لا يستبعد");
    future_sa: "أن اللجنة ستبدأ أعمالها بعد غد" => Expected, Some("ستبدأ");
    future_sawfa: "سوف نعمل على ذلك" => Expected, Some("سوف");
    expected_phrase: "ومن المتوقع أن تستقبل موسكو مبعوثين آخرين" => Expected, Some("ومن المتوقع");
    intends: "تعتزم روسيا إنشاء وكالة تصنيف" => Expected, Some("تعتزم");
    politics_is_not_future: "أن سياسة الوزارة واضحة" => Confirmed, None;
    years_is_not_future: "أن سنوات الخبرة مهمة" => Confirmed, None;
    sources: "وحسب المصادر فإن الحديث تركز على الدعم" => Reported, Some("المصادر");
    witnesses: "وقال شهود عيان إن القصف استمر" => Reported, Some("شهود عيان");
}

#[test]
fn leftmost_cue_wins_and_scope_is_its_clause() {
    let text = "لا يوجد اتفاقيات، ولكن يمكن أن يكون ذلك قريبا";
    let c = certainty_of(text, 0..text.chars().count());
    assert_eq!(c.label, CertaintyLabel::Denied);
    let chars: Vec<char> = text.chars().collect();
    let scope: String = chars[c.scope_start..c.scope_end].iter().collect();
    assert_eq!(scope, "لا يوجد اتفاقيات");
}

#[test]
fn spans_are_clamped_and_never_panic() {
    let text = "قد يكون";
    let c = certainty_of(text, 3..1000);
    assert!(c.scope_end <= text.chars().count());
    let c = certainty_of("", 0..5);
    assert_eq!(c.label, CertaintyLabel::Confirmed);
}
