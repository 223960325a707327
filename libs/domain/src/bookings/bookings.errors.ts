import { DomainError } from '../shared/domain-error';
import type { AlternativeSlotView, Language } from './bookings.types';

export enum BookingErrorCode {
  InvalidBooking = 'INVALID_BOOKING',
  SlotFull = 'SLOT_FULL',
  SlotNotBookable = 'SLOT_NOT_BOOKABLE',
  TooManyBookings = 'TOO_MANY_BOOKINGS',
  BookingNotFound = 'BOOKING_NOT_FOUND',
  BookingCancelled = 'BOOKING_CANCELLED',
  Refused = 'BOOKING_REFUSED',
  BookingStarted = 'BOOKING_STARTED',
  /** A booking library staff made keeps to their library: its manage link cannot move it to another one. */
  SiteFixed = 'BOOKING_SITE_FIXED',
  /** The site's day already has its public bookings without any e-mail or phone (CONTACTLESS_BOOKINGS_PER_SITE_DAY). */
  ContactlessDayFull = 'CONTACTLESS_DAY_FULL',
  /** The manage link has ended: the booking was cancelled, or its session is more than MANAGE_LINK_HOURS past (never said which). */
  LinkEnded = 'BOOKING_LINK_ENDED',
}

/** Every field a booking form can get a message for. */
export type BookingField = 'slotId' | 'name' | 'email' | 'phone' | 'language' | 'topics' | 'ownDevice' | 'needs' | 'ref' | 'proof' | 'body';

type FieldProblem =
  | 'required'
  | 'nameRequired'
  | 'nameTooLong'
  | 'emailInvalid'
  | 'phoneInvalid'
  | 'topicsRequired'
  | 'topicsTooMany'
  | 'topicUnknown'
  | 'needsTooLong'
  | 'refInvalid'
  | 'slotInvalid'
  | 'languageInvalid'
  | 'yesNo'
  | 'notText'
  | 'unknownField';

interface Texts {
  invalid: string;
  slotFull: string;
  notBookable: string;
  tooMany: (max: number) => string;
  notFound: string;
  cancelled: string;
  refused: string;
  started: string;
  siteFixed: string;
  contactlessDayFull: string;
  linkEnded: (bookAt: string) => string;
  fields: Record<FieldProblem, string>;
}

/** Plain-language messages in each help-seeker language. */
export const BOOKING_ERROR_TEXTS: Readonly<Record<Language, Texts>> = {
  sv: {
    invalid: 'Några uppgifter behöver rättas innan du kan boka.',
    slotFull: 'Den här tiden är tyvärr redan bokad. Här är de närmaste lediga tiderna.',
    notBookable: 'Den här tiden går inte att boka längre: den har varit eller träffen är inställd. Här är de närmaste lediga tiderna.',
    tooMany: (max) => `Du har redan ${max} bokade tider framåt. Avboka en tid innan du bokar en ny, eller ring biblioteket.`,
    notFound: 'Vi hittar ingen bokning med den länken.',
    cancelled: 'Bokningen är redan avbokad. Boka en ny tid om du vill komma.',
    refused: 'Vi kunde inte ta emot bokningen. Ring biblioteket så hjälper de dig att boka.',
    started: 'Tiden har redan börjat och kan inte ändras eller avbokas längre. Ring biblioteket om du behöver hjälp.',
    siteFixed: 'Biblioteket bokade den här tiden åt dig. Du kan välja en annan tid på samma bibliotek. Ring biblioteket om du vill byta bibliotek.',
    linkEnded: (bookAt) => `Den här länken fungerar inte längre. Bokningen är avbokad eller har redan varit. Boka en ny tid på ${bookAt}`,
    contactlessDayFull:
      'Den här dagen går det inte att boka fler tider utan telefon eller e-post. Skriv ditt telefonnummer eller din e-post för att boka. Du kan också komma på drop-in eller ringa biblioteket.',
    fields: {
      required: 'Fyll i det här.',
      nameRequired: 'Skriv ditt förnamn eller ett smeknamn.',
      nameTooLong: 'Skriv högst 40 tecken, till exempel bara förnamnet.',
      emailInvalid: 'Skriv e-postadressen som namn@exempel.se, eller lämna fältet tomt.',
      phoneInvalid: 'Skriv telefonnumret med siffror, till exempel 070-123 45 67, eller lämna fältet tomt.',
      topicsRequired: 'Välj minst en sak du vill ha hjälp med.',
      topicsTooMany: 'Välj högst 5 saker. Du kan ta upp mer när du är här.',
      topicUnknown: 'Välj bland sakerna i listan.',
      needsTooLong: 'Skriv högst 300 tecken.',
      refInvalid: 'Koden från hänvisningen går inte att läsa. Kontrollera den, eller boka utan kod.',
      slotInvalid: 'Välj en tid i listan.',
      languageInvalid: 'Välj svenska, engelska eller arabiska.',
      yesNo: 'Välj ja, nej eller vet inte.',
      notText: 'Skriv text här.',
      unknownField: 'Det här fältet finns inte i bokningen.',
    },
  },
  en: {
    invalid: 'Some details need to be corrected before you can book.',
    slotFull: 'Sorry, this time has just been booked. Here are the nearest free times.',
    notBookable: 'This time can no longer be booked: it has passed or the session is cancelled. Here are the nearest free times.',
    tooMany: (max) => `You already have ${max} times booked. Cancel one before you book a new one, or call the library.`,
    notFound: 'We cannot find a booking with that link.',
    cancelled: 'This booking is already cancelled. Book a new time if you want to come.',
    refused: 'We could not take this booking. Please call the library and they will help you book.',
    started: 'This time has already started and can no longer be changed or cancelled. Please call the library if you need help.',
    siteFixed: 'The library booked this time for you. You can choose another time at the same library. Please call the library if you want to change library.',
    linkEnded: (bookAt) => `This link no longer works. The booking was cancelled or is over. Book a new time at ${bookAt}`,
    contactlessDayFull:
      'No more times can be booked on this day without a phone number or e-mail. Leave your phone number or e-mail to book. You can also come to the drop-in or call the library.',
    fields: {
      required: 'Please fill this in.',
      nameRequired: 'Write your first name or a nickname.',
      nameTooLong: 'Use at most 40 characters, for example just your first name.',
      emailInvalid: 'Write the e-mail address like name@example.com, or leave it empty.',
      phoneInvalid: 'Write the phone number in digits, for example 070-123 45 67, or leave it empty.',
      topicsRequired: 'Choose at least one thing you want help with.',
      topicsTooMany: 'Choose at most 5 things. You can ask about more when you are here.',
      topicUnknown: 'Choose from the things in the list.',
      needsTooLong: 'Use at most 300 characters.',
      refInvalid: 'The referral code cannot be read. Check it, or book without a code.',
      slotInvalid: 'Choose a time from the list.',
      languageInvalid: 'Choose Swedish, English or Arabic.',
      yesNo: 'Choose yes, no or not sure.',
      notText: 'Write text here.',
      unknownField: 'This field is not part of a booking.',
    },
  },
  ar: {
    invalid: 'يجب تصحيح بعض المعلومات قبل أن تتمكن من الحجز.',
    slotFull: 'عذرًا، هذا الموعد محجوز بالفعل. هذه أقرب المواعيد المتاحة.',
    notBookable: 'لم يعد من الممكن حجز هذا الموعد: لقد مضى أو أُلغي اللقاء. هذه أقرب المواعيد المتاحة.',
    tooMany: (max) => `لديك بالفعل ${max} مواعيد محجوزة. ألغِ موعدًا قبل أن تحجز موعدًا جديدًا، أو اتصل بالمكتبة.`,
    notFound: 'لا نجد حجزًا بهذا الرابط.',
    cancelled: 'هذا الحجز ملغى بالفعل. احجز موعدًا جديدًا إذا أردت الحضور.',
    refused: 'لم نتمكن من استلام الحجز. اتصل بالمكتبة وسيساعدونك في الحجز.',
    started: 'لقد بدأ هذا الموعد بالفعل ولم يعد من الممكن تغييره أو إلغاؤه. اتصل بالمكتبة إذا احتجت إلى مساعدة.',
    siteFixed: 'حجزت المكتبة هذا الموعد لك. يمكنك اختيار موعد آخر في المكتبة نفسها. اتصل بالمكتبة إذا أردت تغيير المكتبة.',
    linkEnded: (bookAt) => `هذا الرابط لم يعد يعمل. الحجز ملغى أو انتهى موعده. احجز موعدًا جديدًا على ${bookAt}`,
    contactlessDayFull:
      'لا يمكن حجز مواعيد أخرى في هذا اليوم بدون رقم هاتف أو بريد إلكتروني. اكتب رقم هاتفك أو بريدك الإلكتروني لتحجز. يمكنك أيضًا أن تأتي بدون موعد أو تتصل بالمكتبة.',
    fields: {
      required: 'يرجى ملء هذا الحقل.',
      nameRequired: 'اكتب اسمك الأول أو اسمًا مستعارًا.',
      nameTooLong: 'اكتب 40 حرفًا على الأكثر، مثلًا اسمك الأول فقط.',
      emailInvalid: 'اكتب البريد الإلكتروني بهذا الشكل name@example.com، أو اترك الحقل فارغًا.',
      phoneInvalid: 'اكتب رقم الهاتف بالأرقام، مثلًا 070-123 45 67، أو اترك الحقل فارغًا.',
      topicsRequired: 'اختر شيئًا واحدًا على الأقل تريد المساعدة فيه.',
      topicsTooMany: 'اختر 5 أشياء على الأكثر. يمكنك أن تسأل عن المزيد عندما تأتي.',
      topicUnknown: 'اختر من الأشياء الموجودة في القائمة.',
      needsTooLong: 'اكتب 300 حرف على الأكثر.',
      refInvalid: 'لا يمكن قراءة رمز الإحالة. تحقق منه، أو احجز بدون رمز.',
      slotInvalid: 'اختر موعدًا من القائمة.',
      languageInvalid: 'اختر السويدية أو الإنجليزية أو العربية.',
      yesNo: 'اختر نعم أو لا أو لا أعرف.',
      notText: 'اكتب نصًا هنا.',
      unknownField: 'هذا الحقل ليس جزءًا من الحجز.',
    },
  },
};

export type BookingFieldProblems = Partial<Record<BookingField, FieldProblem>>;

export class BookingError extends DomainError<BookingErrorCode> {
  private constructor(
    code: BookingErrorCode,
    message: string,
    fields?: Record<string, string>,
    /** Free times offered instead (SLOT_FULL, SLOT_NOT_BOOKABLE). */
    readonly alternatives?: AlternativeSlotView[],
  ) {
    super(code, message, fields);
  }

  static invalid(problems: BookingFieldProblems, lang: Language): BookingError {
    const texts = BOOKING_ERROR_TEXTS[lang];
    const fields = Object.fromEntries(Object.entries(problems).map(([field, problem]) => [field, texts.fields[problem as FieldProblem]]));
    return new BookingError(BookingErrorCode.InvalidBooking, texts.invalid, fields);
  }
  static slotFull(alternatives: AlternativeSlotView[], lang: Language): BookingError {
    return new BookingError(BookingErrorCode.SlotFull, BOOKING_ERROR_TEXTS[lang].slotFull, undefined, alternatives);
  }
  static notBookable(alternatives: AlternativeSlotView[], lang: Language): BookingError {
    return new BookingError(BookingErrorCode.SlotNotBookable, BOOKING_ERROR_TEXTS[lang].notBookable, undefined, alternatives);
  }
  static tooMany(max: number, lang: Language): BookingError {
    return new BookingError(BookingErrorCode.TooManyBookings, BOOKING_ERROR_TEXTS[lang].tooMany(max));
  }
  static notFound(lang: Language): BookingError {
    return new BookingError(BookingErrorCode.BookingNotFound, BOOKING_ERROR_TEXTS[lang].notFound);
  }
  static alreadyCancelled(lang: Language): BookingError {
    return new BookingError(BookingErrorCode.BookingCancelled, BOOKING_ERROR_TEXTS[lang].cancelled);
  }
  static started(lang: Language): BookingError {
    return new BookingError(BookingErrorCode.BookingStarted, BOOKING_ERROR_TEXTS[lang].started);
  }
  static siteFixed(lang: Language): BookingError {
    return new BookingError(BookingErrorCode.SiteFixed, BOOKING_ERROR_TEXTS[lang].siteFixed);
  }
  /** Where to book again (the service's address) closes the message. */
  static linkEnded(lang: Language, bookAt: string): BookingError {
    return new BookingError(BookingErrorCode.LinkEnded, BOOKING_ERROR_TEXTS[lang].linkEnded(bookAt));
  }
  static contactlessDayFull(lang: Language): BookingError {
    return new BookingError(BookingErrorCode.ContactlessDayFull, BOOKING_ERROR_TEXTS[lang].contactlessDayFull);
  }
  static refused(lang: Language): BookingError {
    return new BookingError(BookingErrorCode.Refused, BOOKING_ERROR_TEXTS[lang].refused);
  }
}
