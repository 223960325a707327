import type { Language } from '@digihjalpen/domain';
import { escapeHtml } from '../../common/html';
import { buildCalendar } from '../calendar/ical';
import type { OutgoingMail } from '../notifications/mail.service';
import { BOOKING_TEXTS, formatWhen, KINDS_WITH_REASON, topicNames, type MailKind } from './booking-texts';
import type { BookingRecord } from './bookings.repository';

export interface BookingLinks {
  manageUrl: string;
  bookAgainUrl: string;
  /** The manage link with the proof that the reader got this e-mail (`?c=`): the button's link; the calendar file keeps the plain one. */
  provingUrl?: string;
}

/** The booking's own calendar file, in the person's language; cancelled bookings carry STATUS:CANCELLED. */
export function bookingCalendar(b: BookingRecord, manageUrl: string): string {
  const t = BOOKING_TEXTS[b.language];
  return buildCalendar({
    name: t.calendarTitle(b.site.name),
    timeZone: b.site.timeZone,
    events: [
      {
        uid: `booking-${b.id}@digihjalpen`,
        start: b.slot.start,
        end: b.slot.end,
        sequence: b.sequence,
        cancelled: b.status === 'cancelled',
        summary: t.calendarTitle(b.site.name),
        location: b.site.address,
        description: t.calendarDescription(b.reference, topicNames(b.topics, b.language)),
        url: manageUrl,
        updatedAt: b.updatedAt,
      },
    ],
  });
}

interface MailContent {
  subject: string;
  lines: { label?: string; text: string }[];
  list?: { heading: string; items: string[] };
  links: { text: string; url: string }[];
  notes: string[];
}

function contentFor(kind: MailKind, b: BookingRecord, links: BookingLinks, nextSessions: { start: Date; end: Date }[], reason?: string): MailContent {
  const t = BOOKING_TEXTS[b.language];
  const when = formatWhen(b.slot.start, b.slot.end, b.site.timeZone, b.language);
  const active = kind === 'confirmation' || kind === 'reminder' || kind === 'moved' || kind === 'moved-by-staff';
  const lines: MailContent['lines'] = [
    { text: t.greeting(b.name) },
    { text: t.intro[kind] },
    { label: t.reference, text: b.reference },
    { label: t.when, text: when },
    { label: t.where, text: `${b.site.name}, ${b.site.address}` },
  ];
  if (kind === 'session-cancelled' && b.session.cancelReason) lines.push({ label: t.reason, text: b.session.cancelReason });
  if (reason && KINDS_WITH_REASON.includes(kind)) lines.push({ label: t.reason, text: reason });
  if (active) {
    if (b.site.directions) lines.push({ label: t.directions, text: b.site.directions });
    if (b.site.accessibilityNotes) lines.push({ label: t.accessibility, text: b.site.accessibilityNotes });
    lines.push({ label: t.topics, text: topicNames(b.topics, b.language) });
  }
  if (kind === 'session-cancelled') {
    const next = nextSessions.map((s) => formatWhen(s.start, s.end, b.site.timeZone, b.language));
    lines.push({ label: t.nextSessions, text: next.length ? next.join('\n') : t.noNextSessions });
  }
  const notes = [...(active ? [t.calendar] : []), ...(b.site.contactPhone ? [`${t.phone}: ${b.site.contactPhone}`] : []), t.signature];
  return {
    subject: t.subject[kind](b.site.name, when),
    lines,
    list: active ? { heading: t.bring, items: t.bringList(b.ownDevice) } : undefined,
    links: active ? [{ text: t.manage, url: links.provingUrl ?? links.manageUrl }] : [{ text: t.bookAgain, url: links.bookAgainUrl }],
    notes,
  };
}

const dirOf = (lang: Language) => (lang === 'ar' ? 'rtl' : 'ltr');

function toText(c: MailContent): string {
  const parts = c.lines.map((l) => (l.label ? `${l.label}: ${l.text}` : l.text));
  if (c.list) parts.push(`${c.list.heading}:\n${c.list.items.map((i) => `- ${i}`).join('\n')}`);
  parts.push(...c.links.map((l) => `${l.text}:\n${l.url}`), ...c.notes);
  return parts.join('\n\n') + '\n';
}

/** Every value is escaped: names, reasons and site texts are typed by people. */
function toHtml(c: MailContent, lang: Language): string {
  const text = (s: string) => escapeHtml(s).replace(/\n/g, '<br>');
  const lines = c.lines.map((l) => (l.label ? `<p><strong>${text(l.label)}:</strong><br>${text(l.text)}</p>` : `<p>${text(l.text)}</p>`)).join('\n');
  const list = c.list ? `<p><strong>${text(c.list.heading)}:</strong></p><ul>${c.list.items.map((i) => `<li>${text(i)}</li>`).join('')}</ul>` : '';
  const links = c.links
    .map((l) => `<p><a href="${escapeHtml(l.url)}" style="display:inline-block;padding:12px 16px;background:#0b57a4;color:#fff;text-decoration:none;border-radius:6px">${text(l.text)}</a></p>`)
    .join('\n');
  const notes = c.notes.map((n) => `<p>${text(n)}</p>`).join('\n');
  return `<!doctype html><html lang="${lang}" dir="${dirOf(lang)}"><head><meta charset="utf-8"><title>${text(c.subject)}</title></head>
<body style="font:17px/1.5 system-ui,sans-serif;color:#1a1a1a;max-width:36rem;margin:0 auto;padding:16px">
${lines}
${list}
${links}
${notes}
</body></html>`;
}

/** One e-mail about a booking, as text and HTML from the same content, with the calendar file where it helps. */
export function bookingMail(kind: MailKind, b: BookingRecord, links: BookingLinks, nextSessions: { start: Date; end: Date }[] = [], reason?: string): Omit<OutgoingMail, 'to'> {
  const content = contentFor(kind, b, links, nextSessions, reason);
  const withCalendar = kind !== 'reminder';
  return {
    subject: content.subject,
    text: toText(content),
    html: toHtml(content, b.language),
    ...(withCalendar
      ? { attachments: [{ filename: 'digihjalpen.ics', content: bookingCalendar(b, links.manageUrl), contentType: 'text/calendar; charset=utf-8; method=PUBLISH' }] }
      : {}),
  };
}
