import type { Site } from '@digihjalpen/domain';
import { escapeHtml } from '../../common/html';
import type { SessionRow } from '../schedule/schedule.repository';

export interface PosterInput {
  site: Site;
  sessions: readonly SessionRow[];
  bookingUrl: string;
  qrSvg: string;
}

/**
 * An A4 notice-board poster: the next weeks' sessions, the address, whether you can just come,
 * and a QR code to the booking page. Every site text is escaped.
 */
export function renderPoster({ site, sessions, bookingUrl, qrSvg }: PosterInput): string {
  const day = new Intl.DateTimeFormat('sv-SE', { weekday: 'long', day: 'numeric', month: 'long', timeZone: site.timeZone });
  const time = new Intl.DateTimeFormat('sv-SE', { hour: '2-digit', minute: '2-digit', timeZone: site.timeZone });
  const rows = sessions
    .map((s) => {
      const when = `${escapeHtml(day.format(s.start))}</td><td>${time.format(s.start)}–${time.format(s.end)}`;
      const note = s.status === 'cancelled' ? '<strong>Inställt</strong>' : s.dropIn ? 'Kom när du vill' : 'Boka tid';
      return `<tr${s.status === 'cancelled' ? ' class="cancelled"' : ''}><td>${when}</td><td>${note}</td></tr>`;
    })
    .join('\n');
  const anyDropIn = sessions.some((s) => s.status === 'planned' && s.dropIn);
  return `<!doctype html>
<html lang="sv">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Affisch – Digihjälpen på ${escapeHtml(site.name)}</title>
<style>
  @page { size: A4; margin: 14mm; }
  * { box-sizing: border-box; }
  body { font: 13pt/1.4 system-ui, 'Noto Sans', sans-serif; color: #111; max-width: 190mm; margin: 0 auto; padding: 1rem; }
  h1 { font-size: 40pt; margin: 0; color: #0b4a6f; }
  .lead { font-size: 18pt; margin: 0.2em 0 0; }
  .other { margin: 0.2em 0; color: #333; }
  .where { display: flex; justify-content: space-between; gap: 1rem; margin: 1.2em 0; }
  .where h2 { font-size: 22pt; margin: 0; }
  .qr { width: 38mm; text-align: center; font-size: 9pt; word-break: break-all; }
  .qr svg { width: 38mm; height: 38mm; }
  .dropin { font-size: 16pt; font-weight: 700; border: 3px solid #0b4a6f; padding: 0.4em 0.6em; display: inline-block; }
  table { width: 100%; border-collapse: collapse; margin-top: 0.8em; }
  th, td { text-align: left; padding: 0.35em 0.4em; border-bottom: 1px solid #999; }
  tr.cancelled td { text-decoration: line-through; }
  tr.cancelled td:last-child { text-decoration: none; }
  .hint { color: #555; font-size: 10pt; }
  @media print { .hint { display: none; } }
</style>
</head>
<body>
<p class="hint">Skriv ut den här sidan (Ctrl+P) och sätt upp den på anslagstavlan.</p>
<h1>Digihjälpen</h1>
<p class="lead">Gratis hjälp med mobilen, datorn, BankID och e-tjänster.</p>
<p class="other" lang="en">Free help with your phone, computer and e-services.</p>
<p class="other" lang="ar" dir="rtl">مساعدة مجانية في استخدام الهاتف والكمبيوتر والخدمات الإلكترونية.</p>
<div class="where">
  <div>
    <h2>${escapeHtml(site.name)}</h2>
    <p>${escapeHtml(site.address)}</p>
    ${site.directions ? `<p>${escapeHtml(site.directions)}</p>` : ''}
    ${site.accessibilityNotes ? `<p>${escapeHtml(site.accessibilityNotes)}</p>` : ''}
    ${anyDropIn ? '<p class="dropin">Du behöver inte boka – kom när vi har öppet.</p>' : ''}
  </div>
  <div class="qr">${qrSvg}<br>Boka en tid:<br>${escapeHtml(bookingUrl)}</div>
</div>
<table>
<thead><tr><th scope="col">Dag</th><th scope="col">Tid</th><th scope="col"></th></tr></thead>
<tbody>
${rows || '<tr><td colspan="3">Inga träffar är planerade de närmaste veckorna.</td></tr>'}
</tbody>
</table>
${site.contactPhone ? `<p>Frågor? Ring ${escapeHtml(site.contactPhone)}.</p>` : ''}
</body>
</html>`;
}
