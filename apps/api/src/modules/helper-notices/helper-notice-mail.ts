import { DIGEST_WEEKS, type DigestContent, type Language, type NoticeShift } from '@digihjalpen/domain';
import { escapeHtml } from '../../common/html';
import type { OutgoingMail } from '../notifications/mail.service';
import { formatShiftTime, HELPER_NOTICE_TEXTS } from './helper-notice-texts';

/** What one e-mail to a helper is about, read when it is sent. */
export type NoticeMessage =
  | { kind: 'session-cancelled'; shifts: NoticeShift[]; reason: string }
  | { kind: 'shift-assigned' | 'shift-removed'; shift: NoticeShift }
  | { kind: 'shift-time-changed'; shift: NoticeShift; before: { start: Date; end: Date } }
  | { kind: 'open-shifts-digest'; digest: DigestContent };

export interface NoticeLinks {
  /** The helper's start page: their shifts and the open ones. */
  shiftsUrl: string;
  /** Where the helper chooses which e-mails they get. */
  settingsUrl: string;
}

interface Content {
  subject: string;
  lines: { label?: string; text: string }[];
  links: { text: string; url: string }[];
}

const whenOf = (s: NoticeShift, lang: Language) => formatShiftTime(s.start, s.end, s.timeZone, lang);

function contentOf(message: NoticeMessage, name: string, lang: Language, links: NoticeLinks): Content {
  const t = HELPER_NOTICE_TEXTS[lang];
  const lines: Content['lines'] = [{ text: t.greeting(name) }];
  let subject: string;
  switch (message.kind) {
    case 'session-cancelled': {
      const [only] = message.shifts;
      if (message.shifts.length === 1 && only) {
        subject = t.subject.cancelledOne(only.siteName, whenOf(only, lang));
        lines.push({ text: t.intro.cancelledOne }, { label: t.when, text: whenOf(only, lang) }, { label: t.where, text: `${only.siteName}, ${only.siteAddress}` });
      } else {
        subject = t.subject.cancelledMany(message.shifts.length);
        lines.push({ text: t.intro.cancelledMany(message.shifts.length) }, { label: t.shiftsHeading, text: message.shifts.map((s) => `${whenOf(s, lang)}, ${s.siteName}`).join('\n') });
      }
      lines.push({ label: t.reason, text: message.reason });
      break;
    }
    case 'shift-assigned':
    case 'shift-removed': {
      const when = whenOf(message.shift, lang);
      subject = message.kind === 'shift-assigned' ? t.subject.assigned(message.shift.siteName, when) : t.subject.removed(message.shift.siteName, when);
      lines.push(
        { text: message.kind === 'shift-assigned' ? t.intro.assigned : t.intro.removed },
        { label: t.when, text: when },
        { label: t.where, text: `${message.shift.siteName}, ${message.shift.siteAddress}` },
      );
      break;
    }
    case 'shift-time-changed':
      subject = t.subject.timeChanged(message.shift.siteName);
      lines.push(
        { text: t.intro.timeChanged },
        { label: t.now, text: whenOf(message.shift, lang) },
        { label: t.before, text: formatShiftTime(message.before.start, message.before.end, message.shift.timeZone, lang) },
        { label: t.where, text: `${message.shift.siteName}, ${message.shift.siteAddress}` },
      );
      break;
    case 'open-shifts-digest': {
      subject = t.subject.digest;
      const items = message.digest.shifts.map((s) => `${formatShiftTime(s.start, s.end, s.timeZone, lang)}, ${s.siteName} (${t.staffing(s.helpers, s.helpersNeeded)})`);
      if (message.digest.more) items.push(t.more(message.digest.more));
      lines.push({ text: t.intro.digest(DIGEST_WEEKS) }, { text: items.join('\n') });
      break;
    }
  }
  return {
    subject,
    lines,
    links: [
      { text: t.myShifts, url: links.shiftsUrl },
      { text: t.settings, url: links.settingsUrl },
    ],
  };
}

function toText(c: Content, lang: Language): string {
  const parts = c.lines.map((l) => (l.label ? `${l.label}:\n${l.text}` : l.text));
  parts.push(...c.links.map((l) => `${l.text}:\n${l.url}`), HELPER_NOTICE_TEXTS[lang].signature);
  return parts.join('\n\n') + '\n';
}

/** Every value is escaped: site names, addresses and reasons are typed by people. */
function toHtml(c: Content, lang: Language): string {
  const text = (s: string) => escapeHtml(s).replace(/\n/g, '<br>');
  const lines = c.lines.map((l) => (l.label ? `<p><strong>${text(l.label)}:</strong><br>${text(l.text)}</p>` : `<p>${text(l.text)}</p>`)).join('\n');
  const links = c.links.map((l) => `<p><a href="${escapeHtml(l.url)}">${text(l.text)}</a></p>`).join('\n');
  return `<!doctype html><html lang="${lang}" dir="${lang === 'ar' ? 'rtl' : 'ltr'}"><head><meta charset="utf-8"><title>${text(c.subject)}</title></head>
<body style="font:17px/1.5 system-ui,sans-serif;color:#1a1a1a;max-width:36rem;margin:0 auto;padding:16px">
${lines}
${links}
<p>${text(HELPER_NOTICE_TEXTS[lang].signature)}</p>
</body></html>`;
}

/** One e-mail to a helper, as text and HTML from the same content, in the helper's language. */
export function helperNoticeMail(message: NoticeMessage, recipient: { name: string; language: Language }, links: NoticeLinks): Omit<OutgoingMail, 'to'> {
  const content = contentOf(message, recipient.name, recipient.language, links);
  return { subject: content.subject, text: toText(content, recipient.language), html: toHtml(content, recipient.language) };
}
