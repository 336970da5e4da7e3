// UI labels: Arabic by default, English on request (the choice is remembered).

const AR = {
  brand: 'مرصد',
  tagline: 'مرصد الأخبار العربية',
  nav_search: 'البحث',
  nav_actors: 'الفاعلون',
  nav_events: 'الأحداث',
  lang_toggle: 'English',
  search_placeholder: 'ابحث في الأخبار: كلمات، «عبارة»، أو OR، -استبعاد',
  search_button: 'ابحث',
  from: 'من تاريخ',
  to: 'إلى تاريخ',
  facet_outlet: 'المصدر',
  facet_month: 'الشهر',
  facet_actor: 'الفاعل',
  facet_event_type: 'نوع الحدث',
  facet_genre: 'النوع الصحفي',
  genre_news: 'خبر',
  genre_opinion: 'رأي',
  all_genres: 'الأخبار ومقالات الرأي',
  no_data_yet: 'لا توجد بيانات بعد',
  results: (n) => `عدد النتائج: ${fmt(n)}`,
  no_results: 'لا نتائج لهذا البحث.',
  page_of: (p, n) => `الصفحة ${fmt(p)} من ${fmt(n)}`,
  prev: 'السابق',
  next: 'التالي',
  clear_filter: 'إزالة المرشّح',
  copy_of: 'نسخة منقولة',
  loading: 'جارٍ التحميل…',
  error: 'تعذّر تحميل البيانات',
  store_summary: (a, o, e, l) => `في المرصد ${fmt(a)} مقالة من ${fmt(o)} مصادر${e ? `، من ${e} إلى ${l}` : ''}`,
  outlet: 'المصدر',
  author: 'الكاتب',
  published: 'تاريخ النشر',
  dateline: 'مكان الخبر',
  tags: 'الوسوم',
  source_link: 'الرابط الأصلي',
  entities: 'الكيانات',
  quotes: 'الاقتباسات',
  events: 'الأحداث',
  related: 'النسخ المكررة والمنقولة',
  no_related: 'لا نسخ مكررة لهذه المقالة.',
  no_quotes: 'لا اقتباسات في هذه المقالة.',
  no_events: 'لا أحداث مستخرجة من هذه المقالة.',
  unresolved_actor: 'طرف لم يُربط بفاعل معروف',
  in_place: (p) => `في ${p}`,
  diagnostics: 'ملاحظات القراءة',
  evidence: 'جملة الدليل',
  direct: 'مباشر',
  reported_speech: 'غير مباشر',
  unnamed: 'مصدر غير مسمّى',
  relation_original: 'الأصل',
  relation_copy: 'نسخة منقولة',
  relation_sibling: 'نسخة أخرى من الأصل',
  live_note: 'استُخرجت آنيًا عند فتح الصفحة',
  actors_title: 'الفاعلون',
  actors_filter: 'ابحث عن فاعل بالاسم',
  mentions: 'الإشارات',
  type: 'النوع',
  country: 'البلد',
  aliases: 'أسماء أخرى',
  roles: 'الصفات',
  possibly_same: 'ربما هو نفسه',
  possibly_same_hint: 'لا يربط مرصد اسم العائلة وحده بين المقالات، لأن شخصين قد يحملان الاسم نفسه؛ هذه أسماء قد تدل على الشخص نفسه، والحكم للقارئ.',
  timeline: 'الإشارات والأحداث شهريًا',
  network: 'شبكة الفاعلين المقابلين',
  what_they_said: 'ماذا قال',
  all_certainties: 'كل درجات اليقين',
  cooperation: 'تعاون',
  conflict: 'صراع',
  events_title: 'مستكشف الأحداث',
  all_types: 'كل الأنواع',
  actor_id: 'الفاعل (اكتب اسمه)',
  filter: 'تصفية',
  export_csv: 'تصدير CSV',
  date: 'التاريخ',
  source_actor: 'الفاعل',
  target_actor: 'المفعول به',
  certainty: 'اليقين',
  article: 'المقالة',
  not_found: 'غير موجود',
  back_to_search: 'العودة إلى البحث',
  events_count: (n) => `${fmt(n)} حدث`,
  edge_between: (a, b) => `${a} — ${b}`,
  shared_articles: (n) => `${fmt(n)} مقالة مشتركة`,
  comention: 'ذُكرا معًا',
  articles_col: 'المقالات',
  legend: 'دليل الألوان',
};

const EN = {
  brand: 'marsad',
  tagline: 'Arabic news observatory',
  nav_search: 'Search',
  nav_actors: 'Actors',
  nav_events: 'Events',
  lang_toggle: 'العربية',
  search_placeholder: 'Search the news: words, "a phrase", OR, -exclude',
  search_button: 'Search',
  from: 'From',
  to: 'To',
  facet_outlet: 'Outlet',
  facet_month: 'Month',
  facet_actor: 'Actor',
  facet_event_type: 'Event type',
  facet_genre: 'Genre',
  genre_news: 'News',
  genre_opinion: 'Opinion',
  all_genres: 'News and opinion',
  no_data_yet: 'No data yet',
  results: (n) => `${fmt(n)} results`,
  no_results: 'No results for this search.',
  page_of: (p, n) => `Page ${fmt(p)} of ${fmt(n)}`,
  prev: 'Previous',
  next: 'Next',
  clear_filter: 'Remove filter',
  copy_of: 'Republished copy',
  loading: 'Loading…',
  error: 'Could not load the data',
  store_summary: (a, o, e, l) => `${fmt(a)} articles from ${fmt(o)} outlets${e ? `, ${e} to ${l}` : ''}`,
  outlet: 'Outlet',
  author: 'Author',
  published: 'Published',
  dateline: 'Dateline',
  tags: 'Tags',
  source_link: 'Original link',
  entities: 'Entities',
  quotes: 'Quotes',
  events: 'Events',
  related: 'Duplicates and syndicated copies',
  no_related: 'No copies of this article.',
  no_quotes: 'No quotes in this article.',
  no_events: 'No events extracted from this article.',
  unresolved_actor: 'A party not linked to a known actor',
  in_place: (p) => `in ${p}`,
  diagnostics: 'Reading notes',
  evidence: 'Evidence sentence',
  direct: 'direct',
  reported_speech: 'reported',
  unnamed: 'unnamed source',
  relation_original: 'Original',
  relation_copy: 'Copy',
  relation_sibling: 'Another copy of the original',
  live_note: 'extracted live when the page opened',
  actors_title: 'Actors',
  actors_filter: 'Find an actor by name',
  mentions: 'Mentions',
  type: 'Type',
  country: 'Country',
  aliases: 'Aliases',
  roles: 'Roles',
  possibly_same: 'Possibly the same as',
  possibly_same_hint: 'marsad never links a bare surname across articles, since two people can share one; these names may be the same person, for the reader to judge.',
  timeline: 'Mentions and events by month',
  network: 'Counterparts network',
  what_they_said: 'What they said',
  all_certainties: 'Any certainty',
  cooperation: 'Cooperation',
  conflict: 'Conflict',
  events_title: 'Events explorer',
  all_types: 'All types',
  actor_id: 'Actor (type a name)',
  filter: 'Filter',
  export_csv: 'Export CSV',
  date: 'Date',
  source_actor: 'Actor',
  target_actor: 'Target',
  certainty: 'Certainty',
  article: 'Article',
  not_found: 'Not found',
  back_to_search: 'Back to search',
  events_count: (n) => `${fmt(n)} events`,
  edge_between: (a, b) => `${a} — ${b}`,
  shared_articles: (n) => `${fmt(n)} shared articles`,
  comention: 'named together',
  articles_col: 'Articles',
  legend: 'Legend',
};

const ENTITY_TYPES = {
  ar: { PER: 'شخص', ORG: 'منظمة', LOC: 'مكان', MISC: 'أخرى' },
  en: { PER: 'Person', ORG: 'Organization', LOC: 'Place', MISC: 'Other' },
};

const CERTAINTY = {
  ar: { confirmed: 'مؤكَّد', reported: 'منقول', expected: 'متوقَّع', possible: 'محتمل', denied: 'منفي' },
  en: { confirmed: 'confirmed', reported: 'reported', expected: 'expected', possible: 'possible', denied: 'denied' },
};

const ACTOR_TYPES = {
  ar: {
    person: 'شخص', government: 'حكومة', military: 'قوات مسلحة', party: 'حزب',
    armed_group: 'جماعة مسلحة', igo: 'منظمة دولية', company: 'شركة', media: 'وسيلة إعلام', other: 'أخرى',
  },
  en: {
    person: 'Person', government: 'Government', military: 'Military', party: 'Party',
    armed_group: 'Armed group', igo: 'International organization', company: 'Company', media: 'Media', other: 'Other',
  },
};

// Event classes (CAMEO-like); unknown types are shown as they come.
export const EVENT_TYPES = [
  'CONSULT', 'AGREE', 'SUPPORT', 'REQUEST', 'CONCEDE', 'COOPERATE', 'AID', 'RETREAT',
  'ACCUSE', 'REJECT', 'THREATEN', 'PROTEST', 'SANCTION', 'MOBILIZE', 'COERCE', 'ASSAULT',
];

const EVENT_LABELS = {
  ar: {
    CONSULT: 'تشاور', AGREE: 'اتفاق', SUPPORT: 'تأييد', REQUEST: 'مطالبة', CONCEDE: 'تنازل',
    COOPERATE: 'تعاون', AID: 'مساعدة', RETREAT: 'انسحاب', ACCUSE: 'اتهام', REJECT: 'رفض',
    THREATEN: 'تهديد', PROTEST: 'احتجاج', SANCTION: 'عقوبات', MOBILIZE: 'حشد',
    COERCE: 'قمع', ASSAULT: 'هجوم',
  },
  en: {},
};

const MONTHS_AR = ['يناير', 'فبراير', 'مارس', 'أبريل', 'مايو', 'يونيو', 'يوليو', 'أغسطس',
  'سبتمبر', 'أكتوبر', 'نوفمبر', 'ديسمبر'];
const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

let lang = 'ar';
try {
  if (localStorage.getItem('marsad.lang') === 'en') lang = 'en';
} catch (_) { /* storage may be disabled */ }

export function currentLang() { return lang; }

export function setLang(l) {
  lang = l === 'en' ? 'en' : 'ar';
  try { localStorage.setItem('marsad.lang', lang); } catch (_) { /* ignore */ }
  document.documentElement.lang = lang;
  document.documentElement.dir = lang === 'ar' ? 'rtl' : 'ltr';
}

export function t(key, ...args) {
  const table = lang === 'ar' ? AR : EN;
  const v = table[key] ?? AR[key] ?? key;
  return typeof v === 'function' ? v(...args) : v;
}

export function fmt(n) {
  return Number(n).toLocaleString('en-US');
}

export const entityLabel = (k) => ENTITY_TYPES[lang][k] ?? k;
export const certaintyLabel = (c) => CERTAINTY[lang][c] ?? c;
export const actorTypeLabel = (k) => ACTOR_TYPES[lang][k] ?? k;
export const eventLabel = (k) => EVENT_LABELS[lang][k] ?? k;
export const CERTAINTIES = ['confirmed', 'reported', 'expected', 'possible', 'denied'];

// "2024-03" → "مارس 2024"; "2024-03-05T…" → "5 مارس 2024".
export function monthLabel(m, short = false) {
  const [y, mo] = m.split('-').map(Number);
  const names = lang === 'ar' ? MONTHS_AR : MONTHS_EN;
  const name = names[mo - 1] ?? m;
  return short ? name : `${name} ${y}`;
}

export function dateLabel(iso) {
  if (!iso) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?/.exec(iso);
  if (!m) return iso;
  const names = lang === 'ar' ? MONTHS_AR : MONTHS_EN;
  const day = `${Number(m[3])} ${names[Number(m[2]) - 1]} ${m[1]}`;
  return m[4] ? `${day}، ${m[4]}:${m[5]}`.replace('،', lang === 'ar' ? '،' : ',') : day;
}
