import type { VisitCategory } from '@digihjalpen/domain';

/**
 * Line icons (24×24, drawn with the text colour) that help people find a topic without reading
 * every label. Always shown next to the text label, never alone.
 */
export const TOPIC_ICONS: Readonly<Record<VisitCategory, string>> = {
  bankid: 'M12 3l7 3v5c0 4.5-3 8.5-7 10-4-1.5-7-5.5-7-10V6zM9 12l2 2 4-4',
  email: 'M3 6h18v12H3zM3 7l9 6 9-6',
  'phone-basics': 'M8 2h8a1 1 0 0 1 1 1v18a1 1 0 0 1-1 1H8a1 1 0 0 1-1-1V3a1 1 0 0 1 1-1zM11 18h2',
  'computer-basics': 'M3 4h18v12H3zM8 20h8M12 16v4',
  passwords: 'M6 11h12v10H6zM8 11V7a4 4 0 0 1 8 0v4M12 15v2',
  healthcare: 'M10 4h4v6h6v4h-6v6h-4v-6H4v-4h6z',
  forsakringskassan: 'M9 11a3 3 0 1 0 0-6 3 3 0 0 0 0 6zM3 20c0-3.3 2.7-6 6-6s6 2.7 6 6M16 5.5a2.5 2.5 0 0 1 0 5M21 20c0-2.5-1.5-4.5-4-5',
  'job-search': 'M3 8h18v11H3zM9 8V5h6v3M3 13h18',
  'income-support': 'M3 7h16a2 2 0 0 1 2 2v9a2 2 0 0 1-2 2H3zM3 7l12-3v3M16 13.5h2',
  skatteverket: 'M6 3h9l4 4v14H6zM14 3v5h5M9 13h7M9 17h7',
  banking: 'M2 6h20v12H2zM2 10h20M6 15h4',
  'digital-mail': 'M3 13l3-8h12l3 8v6H3zM3 13h5l1 3h6l1-3h5',
  scams: 'M12 3l10 18H2zM12 10v5M12 18h.01',
  printing: 'M7 8V3h10v5M6 17H3V8h18v9h-3M7 14h10v7H7z',
  library: 'M2 5h7a3 3 0 0 1 3 3v12a2 2 0 0 0-2-2H2zM22 5h-7a3 3 0 0 0-3 3v12a2 2 0 0 1 2-2h8z',
  'civic-information': 'M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18zM12 11v6M12 7h.01',
  other: 'M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18zM9.5 9a2.5 2.5 0 1 1 3.5 2.3c-.6.3-1 .9-1 1.7v.5M12 17h.01',
};
