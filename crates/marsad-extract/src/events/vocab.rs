//! Closed-class words and small lists the event rules read: prepositions, clause openers,
//! actor heads, victims, and the context words of some types. Written in ordinary spelling
//! and folded once ([`fold`]) like token keys.

use crate::claims::words::fold;
use rustc_hash::{FxHashMap, FxHashSet};
use std::sync::OnceLock;

fn set(words: &[&str]) -> FxHashSet<String> {
    words.iter().map(|w| fold(w)).collect()
}

macro_rules! words {
    ($(#[$doc:meta])* $name:ident, $($w:expr),* $(,)?) => {
        $(#[$doc])*
        pub(crate) fn $name(key: &str) -> bool {
            static S: OnceLock<FxHashSet<String>> = OnceLock::new();
            S.get_or_init(|| set(&[$($w),*])).contains(key)
        }
    };
}

words!(
    /// Prepositions and prepositional adverbs written as words: a noun phrase ends before them.
    is_prep,
    "في", "على", "إلى", "الى", "من", "عن", "مع", "ضد", "حول", "خلال", "بعد", "قبل", "منذ",
    "عند", "نحو", "أمام", "لدى", "بين", "حتى", "عبر", "بشأن", "تجاه", "إزاء", "داخل", "خارج",
    "قرب", "فوق", "تحت", "وسط", "لصالح", "بسبب", "إثر", "عقب", "جراء", "بحق", "دون", "ضمن",
    "لدي", "وفي", "ومن", "وعلى", "وإلى", "ومع", "وضد", "بعيدا", "قرابة", "حيال", "بواسطة",
    "برفقة", "بمشاركة", "بحضور", "بقيادة", "بهدف", "بغية", "لأجل", "أجل", "بدلا", "رغم",
    "أثناء", "إبان", "طوال", "بالرغم", "وسط", "بين", "حيال", "نتيجة", "مع", "بمناسبة",
    "بموجب", "بخصوص", "بشأن", "بفضل", "بعد", "بدون",
);

words!(
    /// Honorifics before a title or name (فخامة الرئيس، سمو الأمير): with a glued ل or ب
    /// they are a preposition's object.
    is_honorific,
    "فخامة", "سمو", "معالي", "سعادة", "فضيلة", "جلالة", "دولة", "صاحب", "السيد", "السيدة",
);

words!(
    /// Words that open a new clause inside a sentence.
    is_clause_opener,
    "أن", "إن", "أنه", "إنه", "أنها", "إنها", "أنهم", "إنهم", "بأن", "بأنه", "بأنها", "بأنهم",
    "وأن", "فإن", "لأن", "الذي", "التي", "الذين", "اللذين", "اللتين", "اللذان", "اللتان",
    "اللواتي", "اللاتي", "لكن", "ولكن", "لكنه", "لكنها", "بينما", "فيما", "حيث", "كما", "ثم",
    "إذ", "إذا", "عندما", "حين", "حينما", "بعدما", "مما", "كي", "لكي", "وبينما", "وفيما",
    "وحيث", "وكما", "إلا", "غير", "بل", "وقد", "فقد", "لقد", "كان", "وكان", "وكانت", "كانت",
);

words!(
    /// Complementizers: the clause after them is governed by the verb before them.
    is_complementizer,
    "أن", "إن", "أنه", "إنه", "أنها", "إنها", "أنهم", "إنهم", "بأن", "بأنه", "بأنها", "بأنهم",
    "وأن", "فإن", "أنهما", "أننا", "إننا",
);

words!(
    /// Function words that never begin or continue a participant's noun phrase.
    is_stop,
    "و", "أو", "ثم", "أم", "قد", "لقد", "لم", "لن", "لا", "ما", "هذا", "هذه", "ذلك", "تلك",
    "هو", "هي", "هم", "هما", "نحن", "أنا", "كل", "أي", "أيضا", "كذلك", "فقط", "إنه", "أنه",
    "يوم", "أمس", "اليوم", "غدا", "الليلة", "صباح", "مساء", "ظهر", "فجر", "مثلا", "رسميا",
    "مجددا", "أخيرا", "حاليا", "سابقا", "لاحقا", "بدوره", "بدورها", "جهته", "جهتها", "جانبه",
    "جانبها", "الماضي", "الماضية", "المقبل", "المقبلة", "القادم", "القادمة", "الجاري",
    "الحالي", "الأسبوع", "الشهر", "العام", "السنة", "فيه", "فيها", "عليه", "عليها", "له", "لها",
    "منه", "منها", "به", "بها", "بعض", "عدة", "هناك", "هنا", "الآن", "سواء", "إما", "نفسه",
    "نفسها", "أنفسهم", "الذي", "التي", "الذين", "وهو", "وهي", "كما", "بينما", "فيما", "حيث",
    "سوف", "يتم", "تم", "جرى", "يجري", "مرة", "مرات",
);

words!(
    /// Adverbs a verb's subject may be separated from it by (VSO: استقبل أمس الملك…).
    is_adverb,
    "أمس", "اليوم", "غدا", "أيضا", "كذلك", "رسميا", "مجددا", "أخيرا", "حاليا", "مساء",
    "صباح", "ظهر", "فجر", "الليلة", "بدوره", "بدورها", "مثلا", "فعلا", "بالفعل", "هاتفيا",
    "يوم", "الأحد", "الاثنين", "الإثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت",
    "الماضي", "الماضية", "المقبل", "القادم", "بشدة", "بقوة", "مجددا", "رسميا", "فورا", "اليوم",
);

words!(
    /// Heads of noun phrases that name an actor without a name: groups, forces, officials,
    /// crowds. (Titles and government bodies come from the gazetteer.)
    is_group_head,
    "حكومة", "سلطات", "السلطات", "قوات", "جيش", "شرطة", "أمن", "دول", "دولة", "بلد", "بلدان",
    "بلاد", "طائرات", "طائرة", "مقاتلات", "طيران", "مروحيات", "مسلحون", "مسلحين", "مسلحو",
    "متظاهرون", "متظاهرين", "متظاهر", "محتجون", "محتجين", "معتصمون", "معتصمين", "معارضة",
    "معارضون", "معارضين", "ميليشيا", "ميليشيات", "مليشيات", "جماعة", "جماعات", "تنظيم",
    "حركة", "حزب", "أحزاب", "مصادر", "مصدر", "مواطنون", "مواطنين", "مواطن", "سكان", "أهالي",
    "أهالى", "طلاب", "طلبة", "عمال", "موظفون", "موظفين", "ناشطون", "ناشطين", "نشطاء", "لاجئون",
    "لاجئين", "مهاجرون", "مهاجرين", "أشخاص", "شخص", "شخصا", "مدنيين", "مدنيون", "جنود",
    "جندي", "عناصر", "عنصر", "ضباط", "ضابط", "مقاتلون", "مقاتلين", "مقاتلي", "إرهابيون",
    "إرهابيين", "محامون", "محامين", "أطباء", "صحفيون", "صحفيين", "صحافيون", "صحافيين",
    "آلاف", "الآلاف", "مئات", "المئات", "عشرات", "العشرات", "ألف", "ألوف", "مبعوث",
    "مبعوثين", "مبعوثون", "مسؤول", "مسؤولين", "مسؤولون", "مسؤولو", "مسؤولي", "وفد", "وفود",
    "جانب", "الجانبان", "الجانبين", "طرف", "الطرفان", "الطرفين", "البلدان", "البلدين",
    "وزارة", "وزارات", "هيئة", "لجنة", "مجلس", "منظمة", "منظمات", "جمعية", "نقابة", "اتحاد",
    "تحالف", "ائتلاف", "قيادة", "إدارة", "محكمة", "نيابة", "برلمان", "نواب", "رئيس", "رؤساء",
    "وزير", "وزراء", "قائد", "قادة", "زعيم", "زعماء", "ملك", "أمير", "سفير", "سفراء",
    "دبلوماسي", "دبلوماسيين", "حرس", "كتائب", "فصائل", "فصيل", "ثوار", "مجموعة", "مجموعات",
    "عصابة", "شركة", "شركات", "نظام", "النظام", "قوى", "حشود", "جموع", "مئات", "رجال",
    "أجهزة", "جهاز", "أنصار", "مؤيدي", "مؤيدو", "أعضاء", "عضو", "مندوب", "ممثل", "ممثلو",
    "ممثلي", "نائب", "متحدث", "ناطق", "خبراء", "خبير", "الاحتلال", "احتلال", "دوريات",
    "دورية", "مجهولون", "مجهولين", "انتحاري", "انتحاريون", "قناصة", "قوة", "وحدات",
    "وحدة", "فرق", "سفن", "بوارج", "غواصات", "دبابات", "مدفعية", "الشعب", "شعب", "جماهير",
    "الجماهير", "مصلون", "مصلين", "رهبان", "تلاميذ", "أقباط", "الأقباط", "مزارعون",
    "مزارعين", "تجار", "سائقو", "سائقي", "أبناء", "رعايا", "مواطني", "معلمون", "معلمين", "أساتذة", "مستوطنون",
    "مستوطنين", "الموالين", "موالون", "معارضو", "مناصرو", "مناصري", "أنصار", "الشباب",
    "شبان", "شباب", "نساء", "أمهات", "ذوي", "عائلات", "أسر", "ضحايا", "أمانة", "بلدية",
    "إمارة", "مرور", "جوازات", "الدفاع", "مديرية", "شرطة", "سلطة", "محافظة", "الحوثيون",
    "الحوثيين", "ميليشيات", "التحالف", "المقاومة", "داعش", "الجماعة", "الإدارة",
);

words!(
    /// Heads that name the victims of violence or arrest: the phrase after a verb whose
    /// passive has the same letters (قتل 5 أشخاص) is their object.
    is_victim_head,
    "شخص", "شخصا", "أشخاص", "مدني", "مدنيا", "مدنيين", "مدنيون", "مواطن", "مواطنا",
    "مواطنين", "مواطنون", "طفل", "طفلا", "أطفال", "امرأة", "نساء", "جندي", "جنديا", "جنود",
    "عنصر", "عنصرا", "عناصر", "شاب", "شابا", "شبان", "رجل", "رجلا", "رجال", "متظاهر",
    "متظاهرا", "متظاهرين", "متظاهرون", "مشتبه", "مشتبها", "متهم", "متهما", "متهمين",
    "مطلوب", "مطلوبا", "مطلوبين", "مخالف", "مخالفا", "مخالفين", "مقيم", "مقيما", "مقيمين",
    "عامل", "عاملا", "عمال", "طالب", "طالبا", "طلاب", "صحفي", "صحفيا", "صحفيين", "ناشط",
    "ناشطا", "ناشطين", "لاجئ", "لاجئا", "لاجئين", "مهاجر", "مهاجرين", "ضابط", "ضابطا",
    "ضباط", "شرطي", "شرطيا", "أفراد", "فردا", "حارس", "حراس", "سائق", "سائقا", "عدد", "نحو",
    "حوالي", "أكثر", "قرابة", "عشرات", "مئات", "آلاف", "العشرات", "المئات", "الآلاف",
    "اثنين", "ثلاثة", "أربعة", "خمسة", "ستة", "سبعة", "ثمانية", "تسعة", "عشرة",
);

words!(
    /// Cardinals written as words: like a digit, one takes the noun it counts (`ثلاثة أشخاص`)
    /// or its من phrase (`ثلاثة من قادة الكتائب`).
    is_number_word,
    "اثنان", "اثنين", "اثنتان", "اثنتين", "ثلاث", "ثلاثة", "أربع", "أربعة", "خمس", "خمسة",
    "ست", "ستة", "سبع", "سبعة", "ثماني", "ثمانية", "تسع", "تسعة", "عشرة",
);

words!(
    /// Quantities that introduce a crowd (آلاف المتظاهرين، نحو 500، عدد من).
    is_quantity,
    "آلاف", "الآلاف", "مئات", "المئات", "عشرات", "العشرات", "ألوف", "ألف", "مئة", "مائة",
    "نحو", "حوالي", "حوالى", "قرابة", "أكثر", "اكثر", "عدد", "عددا", "بضعة", "بضع", "مليون",
    "ملايين", "مليوني", "آلافا", "مئات", "جموع", "حشود", "حشد",
);

words!(
    /// Titles and bodies that العام qualifies as "general" (الأمين العام، المدعي العام، الأمن
    /// العام), where it is not "the year".
    is_general_head,
    "الأمين", "المدعي", "المدير", "القائد", "النائب", "المراقب", "المفتش", "المرشد", "الأمن",
    "المؤتمر", "الاتحاد", "القائم", "المفوض", "الرأي",
);

words!(
    /// Facilities and positions named by an indefinite genitive (نقطة تمركز، مركز شرطة،
    /// مخازن أسلحة): the two words are one phrase.
    is_facility_head,
    "نقطة", "نقاط", "مركز", "مراكز", "موقع", "مواقع", "مقر", "مقرات", "حاجز", "حواجز",
    "مخزن", "مخازن", "مستودع", "مستودعات", "قاعدة", "قواعد", "معسكر", "معسكرات", "ثكنة",
);

words!(
    /// Place heads before a place name (في مدينة حلب، في العاصمة الروسية موسكو).
    is_place_head,
    "مدينة", "بلدة", "قرية", "محافظة", "ولاية", "إقليم", "منطقة", "مقاطعة", "العاصمة",
    "عاصمة", "مخيم", "حي", "شمال", "جنوب", "شرق", "غرب", "وسط", "شمالي", "جنوبي", "شرقي",
    "غربي", "ضواحي", "محيط", "ريف", "مدن", "مناطق", "جزيرة", "ميناء", "مطار", "ساحة", "شارع",
);

words!(
    /// Words after which a verbal noun is a topic, plan or prospect, not a fact: the talk is
    /// about support (الحديث تركز على الدعم), the aim is cooperation (تطلعات للتعاون).
    is_prospect_governor,
    "تطلعات", "تطلع", "تطلعا", "رغبة", "يرغب", "ترغب", "سعي", "يسعى", "تسعى", "يسعون",
    "إمكانية", "إمكان", "احتمال", "احتمالات", "فرص", "فرصة", "آفاق", "مستقبل", "خطة", "خطط",
    "مشروع", "نية", "عزم", "اقتراح", "مقترح", "مبادرة", "قرار", "قررت", "قرر", "يعتزم",
    "تعتزم", "الحديث", "حديث", "تركز", "يتركز", "تناول", "تناولت", "بحث", "بحثا", "يبحث",
    "تبحث", "مناقشة", "ناقش", "ناقشا", "حول", "بشأن", "دعوة", "دعا", "دعت", "طالب", "طالبت",
    "يطالب", "تطالب", "مطالبة", "يطالبون", "هدد", "هددت", "يهدد", "تهدد", "لوح", "لوحت",
    "تريد", "يريد", "أراد", "أرادت", "محاولة", "محاولات", "محاولتها", "محاولته", "تحاول",
    "يحاول", "حاول", "حاولت", "اتفقا", "اتفقوا", "اتفق", "اتفقت", "تعهد", "تعهدت", "وعد",
    "وعدت", "أجل", "بهدف", "بغية", "لأجل", "إذا", "لو", "حال", "شرط", "شريطة", "اقترح",
    "اقترحت", "يقترح", "تقترح",
);

words!(
    /// Nouns of agreements, plans, proposals and requests (without the article, with
    /// the glued ب that often leads them): a verbal noun right after one is its content
    /// (اتفاق وقف إطلاق النار، خطة الانسحاب، دعوة للحوار).
    is_content_governor,
    "اتفاق", "اتفاقا", "اتفاقية", "باتفاق", "باتفاقية", "خطة", "بخطة", "خطط", "مشروع",
    "مقترح", "اقتراح", "مبادرة", "بمبادرة", "دعوة", "دعوات", "مطالبة", "مطالب", "طلب",
    "مفاوضات", "محادثات", "شروط", "شرط", "وعد", "تعهد", "تهديد", "تهديدات",
);

words!(
    /// Of the governors above, those that make a plan (expected) rather than a prospect.
    is_plan_governor,
    "تطلعات", "تطلع", "تطلعا", "رغبة", "يرغب", "ترغب", "سعي", "يسعى", "تسعى", "يسعون", "خطة",
    "خطط", "مشروع", "نية", "عزم", "قرار", "قررت", "قرر", "يعتزم", "تعتزم", "تريد", "يريد",
    "أراد", "أرادت", "اتفقا", "اتفقوا", "اتفق", "اتفقت", "تعهد", "تعهدت", "وعد", "وعدت",
    "أجل", "بهدف", "بغية", "لأجل", "مبادرة", "اقتراح", "مقترح", "اقترح", "اقترحت", "يقترح",
    "تقترح",
);

words!(
    /// Hopes, wishes, needs and duties: what they govern has not happened and is no event.
    is_wish,
    "أمل", "أمله", "أملها", "أملهم", "أملنا", "يأمل", "تأمل", "نأمل", "آمل", "يأملون", "تمنى",
    "تمنت", "يتمنى", "تتمنى", "نتمنى", "أمنية", "تطلعه", "متمنيا", "متمنية", "آملا", "آملة",
    // A need or a duty is not a deed either (يحتاج إلى دعم، ينبغي إطلاق سراح، ضرورة وقف).
    "يحتاج", "تحتاج", "نحتاج", "يحتاجون", "بحاجة", "ينبغي", "يجب", "يتعين", "يتوجب", "ضرورة",
    "بضرورة",
);

words!(
    /// Aims and purposes: the act they name is the goal of another, not a deed
    /// (بهدف دعم الأسر، الرامية إلى التعاون). Not نحو, mostly "about" (نحو سبع غارات).
    is_aim,
    "بهدف", "وبهدف", "بغرض", "لغرض", "يهدف", "تهدف", "يهدفان", "تهدفان", "يهدفون", "هدفها",
    "هدفه", "هدفهم", "الهادف", "الهادفة", "الهادفين", "الرامي", "الرامية", "الرامين",
    "سعيا", "سعياً", "وسعيا",
);

words!(
    /// Adjectives after a verbal noun that make it planned or possible (زيارة مرتقبة).
    is_future_adjective,
    "مرتقبة", "مرتقب", "المرتقبة", "المرتقب", "مقبلة", "المقبلة", "المقبل", "القادمة",
    "القادم", "المقررة", "مقررة", "المزمع", "المزمعة", "مزمع", "مزمعة", "المنتظرة",
    "المنتظر", "منتظرة", "المرتقبه", "المحتملة", "محتملة", "المحتمل", "محتمل", "متوقعة",
    "المتوقعة", "المتوقع",
);

words!(
    /// Sports words: a sentence holding one is about a match, where هجوم، لقاء، طرد and
    /// مواجهة are not political events.
    is_sports,
    "مباراة", "المباراة", "مباريات", "المباريات", "الدوري", "دوري", "المنتخب", "منتخب",
    "النادي", "نادي", "الشوط", "شوط", "هدف", "هدفا", "هدفين", "الهدف", "أهداف", "الأهداف",
    "لاعب", "اللاعب", "لاعبي", "لاعبين", "اللاعبين", "المدرب", "مدرب", "البطولة", "بطولة",
    "كأس", "الملعب", "ملعب", "حارس", "المرمى", "مرمى", "ركلة", "ركلات", "التعادل",
    "تعادل", "الفوز", "فوز", "الدوري",
    "رياضي", "الرياضي", "رياضية", "الرياضية", "الجولة", "جولة", "المونديال", "الأولمبية",
    "الألعاب", "نقطة", "نقاط", "بطاقة", "الحكم",
);

words!(
    /// Speech words that make هاجم a verbal attack.
    is_speech_context,
    "تصريح", "تصريحات", "تصريحاته", "تصريحاتها", "قائلا", "قائلة", "واصفا", "واصفة",
    "معتبرا", "معتبرة", "كلمة", "كلمته", "خطاب", "خطابه", "مقابلة", "تغريدة", "تغريدات",
    "تويتر", "مقال", "مقاله", "بشدة", "لاذع", "لاذعة", "انتقادات", "بيان", "مؤتمر", "وصف",
    "وصفه", "اتهم", "انتقد", "مقالة", "برنامج", "حوار", "حديثه",
);

/// Folded stems of sports words with their inflections (مبارياته، لكرة القدم).
pub(crate) const SPORTS_STEMS: &[&str] = &["مباريات", "مبارا", "كره القدم", "لاعبي", "ملاعب", "دوري"];

/// Folded stems of protest context words (matched as prefixes of a clitic-free key).
pub(crate) const PROTEST_CONTEXT: &[&str] = &[
    "متظاهر",
    "محتج",
    "مظاهر",
    "تظاهر",
    "احتجاج",
    "معتصم",
    "اعتصام",
    "غاضب",
    "لافتات",
    "لافته",
    "شعارات",
    "هتاف",
    "هتفو",
    "منددين",
    "منددا",
    "تندد",
    "يندد",
    "ينددون",
    "ضد",
    "امام",
    "للمطالبه",
    "للتنديد",
    "للاحتجاج",
    "مطالبين",
    "تطالب",
    "يطالبون",
    "اضراب",
];

/// Folded stems of a battle: military positions and the weapons of a front (not the
/// weapons a suspect carries), for storming that is an assault, not a raid.
pub(crate) const BATTLE_CONTEXT: &[&str] = &[
    "قاعده",
    "قواعد",
    "معسكر",
    "ثكن",
    "جبهه",
    "جبهات",
    "تحصينات",
    "مواقع",
    "طائرات",
    "غارات",
    "مقاتلات",
    "مدفعي",
    "دبابات",
    "مدرعات",
];

/// Folded stems of violence context words.
pub(crate) const ASSAULT_CONTEXT: &[&str] = &[
    "مفخخ",
    "ناسف",
    "عبوه",
    "عبوات",
    "انتحاري",
    "ارهاب",
    "قنبل",
    "لغم",
    "الغام",
    "صاروخ",
    "صواريخ",
    "قذيف",
    "قذائف",
    "غاره",
    "غارات",
    "طائر",
    "طيران",
    "مسلح",
    "هجوم",
    "هجمات",
    "مدفع",
    "رصاص",
    "قصف",
    "عسكري",
    "جيش",
    "قوات",
    "مقاتل",
    "داعش",
    "حوثي",
    "قتلي",
    "مقتل",
    "جرحي",
    "اصابه",
    "مسيره",
    "درون",
];

/// Weapon stems and the ASSAULT mode and CAMEO code they imply, most specific first.
pub(crate) const WEAPONS: &[(&str, &str, &str)] = &[
    ("انتحاري", "suicide-attack", "1831"),
    ("مسيره", "drone", "1952"),
    ("درون", "drone", "1952"),
    ("غاره", "airstrike", "195"),
    ("غارات", "airstrike", "195"),
    ("طائرات", "airstrike", "195"),
    ("طائره", "airstrike", "195"),
    ("طيران", "airstrike", "195"),
    ("جوي", "airstrike", "195"),
    ("مقاتلات", "airstrike", "195"),
    ("مروحيات", "airstrike", "195"),
    ("مفخخ", "explosives", "183"),
    ("ناسف", "explosives", "183"),
    ("عبوه", "explosives", "183"),
    ("قنبل", "explosives", "183"),
    ("لغم", "explosives", "183"),
    ("صاروخ", "heavy-weapons", "194"),
    ("صواريخ", "heavy-weapons", "194"),
    ("قذائف", "heavy-weapons", "194"),
    ("قذيف", "heavy-weapons", "194"),
    ("مدفعي", "heavy-weapons", "194"),
    ("دبابات", "heavy-weapons", "194"),
    ("هاون", "heavy-weapons", "194"),
    ("راجمات", "heavy-weapons", "194"),
    ("رصاص", "firearms", "193"),
    ("رشاش", "firearms", "193"),
    ("بنادق", "firearms", "193"),
    ("سكين", "primitive", "190"),
    ("سكاكين", "primitive", "190"),
    ("حجاره", "primitive", "190"),
];

/// Aid qualifier stems and the AID mode and CAMEO code they imply.
pub(crate) const AID_QUALIFIERS: &[(&str, &str, &str)] = &[
    ("عسكري", "military", "072"),
    ("بالسلاح", "military", "072"),
    ("سلاح", "military", "072"),
    ("اسلحه", "military", "072"),
    // بدعم من طائرات التحالف، دعم جوي: air support to a side in a fight.
    ("طائرات", "military", "072"),
    ("طيران", "military", "072"),
    ("مقاتلات", "military", "072"),
    ("جوي", "military", "072"),
    ("مالي", "economic", "071"),
    ("اقتصادي", "economic", "071"),
    ("انساني", "humanitarian", "073"),
    ("اغاث", "humanitarian", "073"),
    ("غذائي", "humanitarian", "073"),
    ("طبي", "humanitarian", "073"),
];

/// The folded key without a proclitic stack of conjunction, preposition and article, when
/// at least three letters remain (for prefix tests on context stems).
pub(crate) fn clitic_free(key: &str) -> &str {
    for stack in [
        "وبال", "فبال", "وال", "فال", "بال", "لل", "ولل", "ال", "وب", "ول", "و", "ف", "ب", "ل",
    ] {
        if let Some(rest) = key.strip_prefix(stack)
            && rest.chars().count() >= 3
        {
            return rest;
        }
    }
    key
}

/// True when the clitic-free key (or the key as written) starts with one of `stems`.
pub(crate) fn has_stem(key: &str, stems: &[&str]) -> bool {
    let k = clitic_free(key);
    stems.iter().any(|s| k.starts_with(s) || key.starts_with(s))
}

/// A list of context stems for [`has_stem`]'s test, bucketed by first letter: the sentence
/// flags test every word of a sentence against some seventy stems, and only those that
/// share the word's first letter can match.
#[derive(Debug)]
pub(crate) struct Stems {
    by_first: FxHashMap<char, Vec<&'static str>>,
    /// An empty stem is a prefix of every key.
    empty: bool,
}

impl Stems {
    pub(crate) fn new(stems: &[&'static str]) -> Stems {
        let mut by_first: FxHashMap<char, Vec<&'static str>> = FxHashMap::default();
        let mut empty = false;
        for s in stems {
            match s.chars().next() {
                Some(c) => by_first.entry(c).or_default().push(s),
                None => empty = true,
            }
        }
        Stems { by_first, empty }
    }

    /// [`has_stem`]`(key, stems)`.
    pub(crate) fn matches(&self, key: &str) -> bool {
        self.empty || self.prefixes(clitic_free(key)) || self.prefixes(key)
    }

    fn prefixes(&self, s: &str) -> bool {
        s.chars()
            .next()
            .and_then(|c| self.by_first.get(&c))
            .is_some_and(|v| v.iter().any(|p| s.starts_with(p)))
    }
}

/// The stem sets of the sentence flags, built once.
pub(crate) fn sports_stems() -> &'static Stems {
    static S: OnceLock<Stems> = OnceLock::new();
    S.get_or_init(|| Stems::new(SPORTS_STEMS))
}

/// See [`sports_stems`].
pub(crate) fn protest_context() -> &'static Stems {
    static S: OnceLock<Stems> = OnceLock::new();
    S.get_or_init(|| Stems::new(PROTEST_CONTEXT))
}

/// See [`sports_stems`].
pub(crate) fn assault_context() -> &'static Stems {
    static S: OnceLock<Stems> = OnceLock::new();
    S.get_or_init(|| Stems::new(ASSAULT_CONTEXT))
}

/// See [`sports_stems`].
pub(crate) fn battle_context() -> &'static Stems {
    static S: OnceLock<Stems> = OnceLock::new();
    S.get_or_init(|| Stems::new(BATTLE_CONTEXT))
}

#[cfg(test)]
mod stem_tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// The bucketed test answers as the plain one does, for keys built from the stems
        /// themselves (with clitics and endings), and for arbitrary keys.
        #[test]
        fn bucketed_stems_agree_with_the_plain_test(
            pick in 0usize..1000,
            clitic in prop::sample::select(vec!["", "و", "وال", "بال", "لل", "ف", "ال"]),
            tail in "[ابتةهمين]{0,3}",
            noise in "[ا-ي]{0,7}",
        ) {
            for list in [SPORTS_STEMS, PROTEST_CONTEXT, ASSAULT_CONTEXT, BATTLE_CONTEXT] {
                let stems = Stems::new(list);
                let stem = list[pick % list.len()];
                for key in [format!("{clitic}{stem}{tail}"), format!("{clitic}{noise}"), noise.clone()] {
                    prop_assert_eq!(stems.matches(&key), has_stem(&key, list), "{}", key);
                }
            }
        }
    }

    #[test]
    fn an_empty_stem_matches_everything() {
        assert!(Stems::new(&[""]).matches("كلمة"));
        assert!(!Stems::new(&[]).matches("كلمة"));
    }
}
