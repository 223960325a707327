import { PROOF_CODE_MINUTES, type Language } from '@digihjalpen/domain';
import { escapeHtml } from '../../common/html';
import type { OutgoingMail } from '../notifications/mail.service';

interface CodeTexts {
  subject: string;
  greeting: string;
  why: string;
  codeLabel: string;
  readOut: (minutes: number) => string;
  notYou: string;
  signature: string;
}

/**
 * The e-mail with the one-time code, in the booking's language. Plain words; it names no booking, time or
 * place (the address may not be the person's own: that is what the code checks), and it warns against
 * giving the code to someone who asks for it by phone.
 */
const TEXTS: Readonly<Record<Language, CodeTexts>> = {
  sv: {
    subject: 'Din kod från biblioteket',
    greeting: 'Hej!',
    why: 'Du har bett biblioteket visa eller radera dina uppgifter i Digihjälpen. Då behöver vi veta att den här e-postadressen är din.',
    codeLabel: 'Din kod',
    readOut: (minutes) => `Läs upp koden för personalen på biblioteket. Koden gäller i ${minutes} minuter.`,
    notYou: 'Har du inte bett om det här? Då behöver du inte göra något. Ge inte koden till någon annan. Biblioteket ringer aldrig och frågar efter koden.',
    signature: 'Hälsningar\nDigihjälpen på biblioteket',
  },
  en: {
    subject: 'Your code from the library',
    greeting: 'Hello!',
    why: 'You asked the library to show or erase your details in Digihjälpen. We need to know that this e-mail address is yours.',
    codeLabel: 'Your code',
    readOut: (minutes) => `Read the code out to the library staff. The code works for ${minutes} minutes.`,
    notYou: 'Did you not ask for this? Then you do not need to do anything. Do not give the code to anyone else. The library never calls to ask for the code.',
    signature: 'Best wishes\nDigihjälpen at the library',
  },
  ar: {
    subject: 'رمزك من المكتبة',
    greeting: 'مرحبًا!',
    why: 'طلبتَ من المكتبة أن تعرض بياناتك في Digihjälpen أو تحذفها. نحتاج أن نعرف أن عنوان البريد الإلكتروني هذا لك.',
    codeLabel: 'رمزك',
    readOut: (minutes) => `اقرأ الرمز لموظفي المكتبة. الرمز صالح لمدة ${minutes} دقائق.`,
    notYou: 'لم تطلب هذا؟ لا تحتاج أن تفعل شيئًا. لا تعطِ الرمز لأي شخص آخر. المكتبة لا تتصل أبدًا لتسأل عن الرمز.',
    signature: 'مع التحية\nDigihjälpen في المكتبة',
  },
};

/** "482913" → "482 913": easier to read out. */
const grouped = (code: string) => `${code.slice(0, 3)} ${code.slice(3)}`;

export function privacyCodeMail(code: string, language: Language): Omit<OutgoingMail, 'to'> {
  const t = TEXTS[language];
  const paragraphs = [t.greeting, t.why, `${t.codeLabel}: ${grouped(code)}`, t.readOut(PROOF_CODE_MINUTES), t.notYou, t.signature];
  const html = (s: string) => escapeHtml(s).replace(/\n/g, '<br>');
  const dir = language === 'ar' ? 'rtl' : 'ltr';
  return {
    subject: t.subject,
    text: `${paragraphs.join('\n\n')}\n`,
    html: `<!doctype html><html lang="${language}" dir="${dir}"><head><meta charset="utf-8"><title>${html(t.subject)}</title></head>
<body style="font:17px/1.5 system-ui,sans-serif;color:#1a1a1a;max-width:36rem;margin:0 auto;padding:16px">
<p>${html(t.greeting)}</p>
<p>${html(t.why)}</p>
<p><strong>${html(t.codeLabel)}:</strong><br><span dir="ltr" style="font-size:2rem;letter-spacing:0.15em;font-weight:700">${html(grouped(code))}</span></p>
<p>${html(t.readOut(PROOF_CODE_MINUTES))}</p>
<p>${html(t.notYou)}</p>
<p>${html(t.signature)}</p>
</body></html>`,
  };
}
