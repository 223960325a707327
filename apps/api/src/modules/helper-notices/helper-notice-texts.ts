import type { HelperNoticeTexts, Language } from '@digihjalpen/domain';

/**
 * What a helper's e-mail says, in the helper's language. Plain and short; one term per thing:
 * digivärd / helper / المضيف الرقمي, träff / session / اللقاء, pass / shift / المناوبة.
 */
export const HELPER_NOTICE_TEXTS: Readonly<Record<Language, HelperNoticeTexts>> = {
  sv: {
    locale: 'sv-SE',
    greeting: (name) => `Hej ${name}!`,
    subject: {
      cancelledOne: (site, when) => `Inställt: ditt pass på ${site} ${when}`,
      cancelledMany: (count) => `Inställt: ${count} av dina pass`,
      assigned: (site, when) => `Du har fått ett pass på ${site} ${when}`,
      removed: (site, when) => `Du har inte längre passet på ${site} ${when}`,
      timeChanged: (site) => `Ny tid för ditt pass på ${site}`,
      digest: 'Lediga pass som behöver digivärdar',
    },
    intro: {
      cancelledOne: 'Träffen är inställd. Du behöver inte komma.',
      cancelledMany: (count) => `${count} träffar där du har pass är inställda. Du behöver inte komma.`,
      assigned: 'En samordnare har gett dig ett pass som digivärd.',
      removed: 'En samordnare har tagit bort dig från passet. Du behöver inte komma.',
      timeChanged: 'Tiden för ditt pass har ändrats.',
      digest: (weeks) => `De här träffarna de kommande ${weeks} veckorna behöver fler digivärdar. Vill du ta ett pass?`,
    },
    when: 'När',
    where: 'Var',
    reason: 'Varför',
    before: 'Förut',
    now: 'Nu',
    shiftsHeading: 'Dina inställda pass',
    staffing: (helpers, needed) => `${helpers} av ${needed} digivärdar`,
    more: (count) => `och ${count} till`,
    myShifts: 'Se dina pass och lediga pass',
    settings: 'Välj vilka mejl du får och på vilket språk',
    signature: 'Hälsningar\nDigihjälpen',
  },
  en: {
    locale: 'en-GB',
    greeting: (name) => `Hello ${name},`,
    subject: {
      cancelledOne: (site, when) => `Cancelled: your shift at ${site} ${when}`,
      cancelledMany: (count) => `Cancelled: ${count} of your shifts`,
      assigned: (site, when) => `You have a new shift at ${site} ${when}`,
      removed: (site, when) => `You no longer have the shift at ${site} ${when}`,
      timeChanged: (site) => `New time for your shift at ${site}`,
      digest: 'Open shifts that need helpers',
    },
    intro: {
      cancelledOne: 'The session is cancelled. You do not need to come.',
      cancelledMany: (count) => `${count} sessions where you have a shift are cancelled. You do not need to come.`,
      assigned: 'A coordinator has given you a shift as a helper.',
      removed: 'A coordinator has taken you off the shift. You do not need to come.',
      timeChanged: 'The time of your shift has changed.',
      digest: (weeks) => `These sessions in the next ${weeks} weeks need more helpers. Would you like to take a shift?`,
    },
    when: 'When',
    where: 'Where',
    reason: 'Why',
    before: 'Before',
    now: 'Now',
    shiftsHeading: 'Your cancelled shifts',
    staffing: (helpers, needed) => `${helpers} of ${needed} helpers`,
    more: (count) => `and ${count} more`,
    myShifts: 'See your shifts and open shifts',
    settings: 'Choose which e-mails you get and in which language',
    signature: 'Best wishes\nDigihjälpen',
  },
  ar: {
    locale: 'ar-u-nu-latn',
    greeting: (name) => `مرحبًا ${name}،`,
    subject: {
      cancelledOne: (site, when) => `أُلغي اللقاء: مناوبتك في ${site} ${when}`,
      cancelledMany: (count) => `أُلغيت ${count} من مناوباتك`,
      assigned: (site, when) => `لديك مناوبة جديدة في ${site} ${when}`,
      removed: (site, when) => `لم تعد لديك المناوبة في ${site} ${when}`,
      timeChanged: (site) => `وقت جديد لمناوبتك في ${site}`,
      digest: 'مناوبات متاحة تحتاج إلى مضيفين رقميين',
    },
    intro: {
      cancelledOne: 'أُلغي اللقاء. لا داعي لأن تأتي.',
      cancelledMany: (count) => `أُلغيت ${count} لقاءات لديك فيها مناوبة. لا داعي لأن تأتي.`,
      assigned: 'أعطاك المنسق مناوبة بصفتك مضيفًا رقميًا.',
      removed: 'أزالك المنسق من المناوبة. لا داعي لأن تأتي.',
      timeChanged: 'تغيّر وقت مناوبتك.',
      digest: (weeks) => `هذه اللقاءات في الأسابيع الـ${weeks} القادمة تحتاج إلى مزيد من المضيفين الرقميين. هل تريد أن تأخذ مناوبة؟`,
    },
    when: 'متى',
    where: 'أين',
    reason: 'السبب',
    before: 'قبل',
    now: 'الآن',
    shiftsHeading: 'مناوباتك الملغاة',
    staffing: (helpers, needed) => `${helpers} من ${needed} مضيفين رقميين`,
    more: (count) => `و${count} أخرى`,
    myShifts: 'اطّلع على مناوباتك والمناوبات المتاحة',
    settings: 'اختر الرسائل التي تصلك ولغتها',
    signature: 'مع التحية\nDigihjälpen',
  },
};

/** "tisdag 30 mars 2027 10:00–12:00" in the site's zone and the helper's language. */
export function formatShiftTime(start: Date, end: Date, timeZone: string, lang: Language): string {
  const locale = HELPER_NOTICE_TEXTS[lang].locale;
  const day = new Intl.DateTimeFormat(locale, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone }).format(start);
  const time = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone });
  return `${day} ${time.format(start)}–${time.format(end)}`;
}
