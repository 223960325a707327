import PDFDocument from 'pdfkit';

export type Pdf = PDFKit.PDFDocument;

/**
 * Builds an A4 PDF in memory. The standard Helvetica covers Swedish letters; every text comes from the
 * caller as data (nothing is interpreted as markup).
 */
export function renderPdf(info: { title: string; author?: string }, build: (doc: Pdf) => void): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: 56, info: { Title: info.title, Author: info.author ?? 'Digihjälpen', Creator: 'Digihjälpen' } });
  const chunks: Buffer[] = [];
  return new Promise((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    build(doc);
    doc.end();
  });
}

export function heading(doc: Pdf, text: string, size = 14): void {
  doc.moveDown(0.6).font('Helvetica-Bold').fontSize(size).text(text).font('Helvetica').fontSize(10.5);
}
