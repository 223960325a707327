import type { Site } from '@digihjalpen/domain';
import QRCode from 'qrcode';
import { heading, renderPdf } from '../../common/pdf';
import type { SessionRow } from '../schedule/schedule.repository';

export interface SlipInput {
  code: string;
  url: string;
  partnerName: string;
  site: Site;
  sessions: SessionRow[];
}

/**
 * An A4 page with the same slip twice (cut in half): what Digihjälpen is, the library, its next times,
 * the booking link as a QR code and the code to type. Nothing about the person.
 */
export async function renderReferralSlip(input: SlipInput): Promise<Buffer> {
  const qr = await QRCode.toBuffer(input.url, { type: 'png', margin: 1, errorCorrectionLevel: 'M', width: 360 });
  const day = new Intl.DateTimeFormat('sv-SE', { weekday: 'long', day: 'numeric', month: 'long', timeZone: input.site.timeZone });
  const time = new Intl.DateTimeFormat('sv-SE', { hour: '2-digit', minute: '2-digit', timeZone: input.site.timeZone });
  const times = input.sessions.slice(0, 6).map((s) => `${day.format(s.start)} kl. ${time.format(s.start)}–${time.format(s.end)}${s.dropIn ? '' : ' (boka tid)'}`);
  return renderPdf({ title: `Hänvisning till Digihjälpen – ${input.code}`, author: input.partnerName }, (doc) => {
    const half = (doc.page.height - 112) / 2;
    for (const top of [56, 56 + half]) {
      doc.y = top;
      doc.x = 56;
      heading(doc, 'Digihjälpen – digital hjälp på biblioteket', 16);
      doc.text('Gratis hjälp med mobilen, datorn, BankID, e-post, 1177 och e-tjänster.', { width: 300 });
      doc.fillColor('#444').text('Free help with your phone, computer, BankID, e-mail and e-services.', { width: 300 }).fillColor('black');
      doc.moveDown(0.4).text(`Du har fått den här lappen av ${input.partnerName}.`, { width: 300 });
      heading(doc, input.site.name, 12);
      doc.text(input.site.address, { width: 300 });
      if (input.site.directions) doc.text(input.site.directions, { width: 300 });
      doc.moveDown(0.4).font('Helvetica-Bold').text('Nästa tider:').font('Helvetica');
      for (const line of times.length ? times : ['Inga tider är planerade de närmaste veckorna. Skanna koden för att se nya tider.']) doc.text(line, { width: 300 });
      doc.image(qr, 390, top + 10, { width: 140 });
      doc.fontSize(9).text('Skanna för att boka en tid · Scan to book', 390, top + 156, { width: 140, align: 'center' });
      doc.fontSize(10.5).text('Hänvisningskod:', 390, top + 182, { width: 140, align: 'center' });
      doc.font('Courier-Bold').fontSize(18).text(input.code, 390, top + 198, { width: 140, align: 'center' }).font('Helvetica').fontSize(10.5);
      if (top === 56) doc.moveTo(40, 56 + half - 20).lineTo(doc.page.width - 40, 56 + half - 20).dash(4, { space: 4 }).stroke().undash();
    }
  });
}
