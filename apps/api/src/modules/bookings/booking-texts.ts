import { CATEGORY_LABELS, type Language } from '@digihjalpen/domain';

export type MailKind = 'confirmation' | 'reminder' | 'moved' | 'cancelled' | 'session-cancelled' | 'cancelled-by-staff' | 'moved-by-staff';

/** Kinds of message that carry the reason staff gave (in the job, never in the audit log). */
export const KINDS_WITH_REASON: readonly MailKind[] = ['cancelled-by-staff', 'moved-by-staff'];

interface Texts {
  locale: string;
  subject: Record<MailKind, (site: string, when: string) => string>;
  greeting: (name: string) => string;
  intro: Record<MailKind, string>;
  reference: string;
  when: string;
  where: string;
  directions: string;
  accessibility: string;
  topics: string;
  reason: string;
  bring: string;
  bringList: (ownDevice: boolean | null) => string[];
  manage: string;
  calendar: string;
  bookAgain: string;
  nextSessions: string;
  noNextSessions: string;
  phone: string;
  signature: string;
  calendarTitle: (site: string) => string;
  calendarDescription: (reference: string, topics: string) => string;
}

const bringSv = (ownDevice: boolean | null) => [
  ...(ownDevice === false ? [] : ['din mobil, surfplatta eller dator om du har en, och laddaren']),
  'koder och lösenord du behöver (till exempel för BankID)',
  'brevet, e-posten eller papperet det gäller',
];
const bringEn = (ownDevice: boolean | null) => [
  ...(ownDevice === false ? [] : ['your phone, tablet or computer if you have one, and its charger']),
  'codes and passwords you need (for example for BankID)',
  'the letter, e-mail or paper it is about',
];
const bringAr = (ownDevice: boolean | null) => [
  ...(ownDevice === false ? [] : ['هاتفك أو جهازك اللوحي أو الكمبيوتر إن وُجد، والشاحن']),
  'الرموز وكلمات المرور التي تحتاجها (مثلًا لـ BankID)',
  'الرسالة أو البريد الإلكتروني أو الورقة المتعلقة بالموضوع',
];

/** Everything an e-mail or calendar file says, in the help-seeker's language. Plain words, short lines. */
export const BOOKING_TEXTS: Readonly<Record<Language, Texts>> = {
  sv: {
    locale: 'sv-SE',
    subject: {
      confirmation: (site, when) => `Din tid på ${site}: ${when}`,
      reminder: (site, when) => `Påminnelse: i morgon på ${site}, ${when}`,
      moved: (site, when) => `Ny tid på ${site}: ${when}`,
      cancelled: (site) => `Avbokad: din tid på ${site}`,
      'session-cancelled': (site, when) => `Inställt: digital hjälp på ${site} ${when}`,
      'cancelled-by-staff': (site) => `Avbokad av biblioteket: din tid på ${site}`,
      'moved-by-staff': (site, when) => `Biblioteket har flyttat din tid: ${site}, ${when}`,
    },
    greeting: (name) => `Hej ${name}!`,
    intro: {
      confirmation: 'Du har bokat en tid för digital hjälp på biblioteket. Välkommen!',
      reminder: 'Vi vill påminna dig om din tid för digital hjälp i morgon.',
      moved: 'Din bokning är flyttad. Här är din nya tid.',
      cancelled: 'Din bokning är avbokad. Tack för att du sa till!',
      'session-cancelled': 'Tyvärr är träffen inställd. Din bokning gäller inte längre. Vi ber om ursäkt.',
      'cancelled-by-staff': 'Biblioteket har avbokat din tid. Din bokning gäller inte längre.',
      'moved-by-staff': 'Biblioteket har flyttat din tid. Här är din nya tid.',
    },
    reference: 'Bokningsnummer',
    when: 'När',
    where: 'Var',
    directions: 'Hitta hit',
    accessibility: 'Tillgänglighet',
    topics: 'Du vill ha hjälp med',
    reason: 'Varför',
    bring: 'Ta med',
    bringList: bringSv,
    manage: 'Se, flytta eller avboka din tid',
    calendar: 'Kalenderfilen är bifogad. Öppna den för att lägga in tiden i din kalender.',
    bookAgain: 'Boka en ny tid',
    nextSessions: 'Nästa tillfällen',
    noNextSessions: 'Det finns inga lediga tider just nu. Titta igen senare.',
    phone: 'Frågor? Ring biblioteket',
    signature: 'Hälsningar\nDigihjälpen på biblioteket',
    calendarTitle: (site) => `Digital hjälp – ${site}`,
    calendarDescription: (reference, topics) => `Bokningsnummer: ${reference}\nDu vill ha hjälp med: ${topics}`,
  },
  en: {
    locale: 'en-GB',
    subject: {
      confirmation: (site, when) => `Your time at ${site}: ${when}`,
      reminder: (site, when) => `Reminder: tomorrow at ${site}, ${when}`,
      moved: (site, when) => `New time at ${site}: ${when}`,
      cancelled: (site) => `Cancelled: your time at ${site}`,
      'session-cancelled': (site, when) => `Cancelled: digital help at ${site} ${when}`,
      'cancelled-by-staff': (site) => `Cancelled by the library: your time at ${site}`,
      'moved-by-staff': (site, when) => `The library has moved your time: ${site}, ${when}`,
    },
    greeting: (name) => `Hello ${name},`,
    intro: {
      confirmation: 'You have booked a time for digital help at the library. Welcome!',
      reminder: 'This is a reminder of your time for digital help tomorrow.',
      moved: 'Your booking has been moved. Here is your new time.',
      cancelled: 'Your booking is cancelled. Thank you for letting us know!',
      'session-cancelled': 'Unfortunately the session is cancelled, so your booking no longer applies. We are sorry.',
      'cancelled-by-staff': 'The library has cancelled your time. Your booking no longer applies.',
      'moved-by-staff': 'The library has moved your time. Here is your new time.',
    },
    reference: 'Booking number',
    when: 'When',
    where: 'Where',
    directions: 'How to find us',
    accessibility: 'Accessibility',
    topics: 'You want help with',
    reason: 'Why',
    bring: 'Bring',
    bringList: bringEn,
    manage: 'See, move or cancel your time',
    calendar: 'The calendar file is attached. Open it to add the time to your calendar.',
    bookAgain: 'Book a new time',
    nextSessions: 'Next sessions',
    noNextSessions: 'There are no free times right now. Please look again later.',
    phone: 'Questions? Call the library',
    signature: 'Best wishes\nDigihjälpen at the library',
    calendarTitle: (site) => `Digital help – ${site}`,
    calendarDescription: (reference, topics) => `Booking number: ${reference}\nYou want help with: ${topics}`,
  },
  ar: {
    locale: 'ar-u-nu-latn',
    subject: {
      confirmation: (site, when) => `موعدك في ${site}: ${when}`,
      reminder: (site, when) => `تذكير: غدًا في ${site}، ${when}`,
      moved: (site, when) => `موعد جديد في ${site}: ${when}`,
      cancelled: (site) => `تم الإلغاء: موعدك في ${site}`,
      'session-cancelled': (site, when) => `أُلغي اللقاء: المساعدة الرقمية في ${site} ${when}`,
      'cancelled-by-staff': (site) => `ألغت المكتبة موعدك في ${site}`,
      'moved-by-staff': (site, when) => `نقلت المكتبة موعدك: ${site}، ${when}`,
    },
    greeting: (name) => `مرحبًا ${name}،`,
    intro: {
      confirmation: 'لقد حجزت موعدًا للمساعدة الرقمية في المكتبة. أهلًا وسهلًا!',
      reminder: 'نذكّرك بموعدك للمساعدة الرقمية غدًا.',
      moved: 'تم نقل حجزك. هذا موعدك الجديد.',
      cancelled: 'تم إلغاء حجزك. شكرًا لأنك أخبرتنا!',
      'session-cancelled': 'للأسف أُلغي اللقاء، ولم يعد حجزك ساريًا. نعتذر عن ذلك.',
      'cancelled-by-staff': 'ألغت المكتبة موعدك. لم يعد حجزك ساريًا.',
      'moved-by-staff': 'نقلت المكتبة موعدك. هذا موعدك الجديد.',
    },
    reference: 'رقم الحجز',
    when: 'متى',
    where: 'أين',
    directions: 'كيف تصل إلينا',
    accessibility: 'سهولة الوصول',
    topics: 'تريد المساعدة في',
    reason: 'السبب',
    bring: 'أحضر معك',
    bringList: bringAr,
    manage: 'اطّلع على موعدك أو انقله أو ألغِه',
    calendar: 'ملف التقويم مرفق. افتحه لإضافة الموعد إلى تقويمك.',
    bookAgain: 'احجز موعدًا جديدًا',
    nextSessions: 'اللقاءات القادمة',
    noNextSessions: 'لا توجد مواعيد متاحة الآن. انظر مرة أخرى لاحقًا.',
    phone: 'أسئلة؟ اتصل بالمكتبة',
    signature: 'مع التحية\nDigihjälpen في المكتبة',
    calendarTitle: (site) => `مساعدة رقمية – ${site}`,
    calendarDescription: (reference, topics) => `رقم الحجز: ${reference}\nتريد المساعدة في: ${topics}`,
  },
};

/** "tisdag 30 mars 2027 10:00–10:30" in the site's zone and the reader's language. */
export function formatWhen(start: Date, end: Date, timeZone: string, lang: Language): string {
  const locale = BOOKING_TEXTS[lang].locale;
  const day = new Intl.DateTimeFormat(locale, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone }).format(start);
  const time = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone });
  return `${day} ${time.format(start)}–${time.format(end)}`;
}

export function topicNames(topics: readonly string[], lang: Language): string {
  const labels = CATEGORY_LABELS[lang] as Record<string, string>;
  return new Intl.ListFormat(BOOKING_TEXTS[lang].locale, { type: 'conjunction' }).format(topics.map((t) => labels[t] ?? t));
}
