import { AUDIT_ENTITY_NAMES, isUuid, ROLE_LABELS, type AuditEntryView } from '@digihjalpen/domain';

/** What the log shows. Empty dates mean the API's default (the last 28 days up to today); no group means all. */
export interface AuditFilters {
  from: string;
  to: string;
  group: string;
  page: number;
}

/** The page's query in the address bar (?fran=&till=&grupp=&sida=), so a view can be bookmarked or sent on. */
export interface AuditUrlQuery {
  fran?: string | undefined;
  till?: string | undefined;
  grupp?: string | undefined;
  sida?: string | undefined;
}

export function filtersFromUrl(query: AuditUrlQuery): AuditFilters {
  const page = /^[1-9]\d{0,5}$/.test(query.sida ?? '') ? Number(query.sida) : 1;
  return { from: query.fran?.trim() ?? '', to: query.till?.trim() ?? '', group: query.grupp?.trim() ?? '', page };
}

/** Query parameters for the router: what is not set is removed (null), so the address stays short. */
export function urlQueryOf(filters: AuditFilters): Record<string, string | null> {
  return { fran: filters.from || null, till: filters.to || null, grupp: filters.group || null, sida: filters.page > 1 ? String(filters.page) : null };
}

/** GET /api/audit's parameters: only what is set. */
export function auditParams(filters: AuditFilters): Record<string, string> {
  const params: Record<string, string> = {};
  if (filters.from) params['from'] = filters.from;
  if (filters.to) params['to'] = filters.to;
  if (filters.group) params['group'] = filters.group;
  if (filters.page > 1) params['page'] = String(filters.page);
  return params;
}

const ROLE_NAMES: Readonly<Record<string, string>> = ROLE_LABELS;
const ENTITY_NAMES = AUDIT_ENTITY_NAMES;

const MAX_TEXT = 60;

/** "3f2a9c1d" for a UUID: enough to tell rows apart and to search for; other ids as they are, cut if long. */
export function shortId(id: string): string {
  if (isUuid(id)) return id.slice(0, 8);
  return id.length > 16 ? `${id.slice(0, 15)}…` : id;
}

const dateFormat = new Intl.DateTimeFormat('sv', { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', timeZone: 'Europe/Stockholm' });
const timeFormat = new Intl.DateTimeFormat('sv', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: 'Europe/Stockholm' });

/** "mån 23 nov. 2026 kl. 14:05", in Stockholm time whatever the computer's zone. */
export function auditTime(iso: string): string {
  const at = new Date(iso);
  return `${dateFormat.format(at)} kl. ${timeFormat.format(at)}`;
}

function valueText(value: unknown): string {
  if (value === null || value === undefined || value === '') return '–';
  if (typeof value === 'boolean') return value ? 'ja' : 'nej';
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  if (typeof value === 'string') {
    if (isUuid(value)) return shortId(value);
    return value.length > MAX_TEXT ? `${value.slice(0, MAX_TEXT - 1)}…` : value;
  }
  if (Array.isArray(value)) return value.length ? value.map(valueText).join(', ') : '–';
  const text = JSON.stringify(value);
  return text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT - 1)}…` : text;
}

function flatten(prefix: string, value: unknown, into: string[]): void {
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const entries = Object.entries(value as Record<string, unknown>);
    if (!entries.length) into.push(`${prefix}: –`);
    for (const [key, inner] of entries) flatten(prefix ? `${prefix}.${key}` : key, inner, into);
    return;
  }
  into.push(`${prefix}: ${valueText(value)}`);
}

const isRecord = (value: unknown): value is Record<string, unknown> => !!value && typeof value === 'object' && !Array.isArray(value);

/**
 * The details of a log line as short "key: value" texts, shown as plain text (never as HTML). A change
 * with `before` and `after` shows only what changed ("outcome: solved → partly").
 */
export function detailsText(details: Record<string, unknown> | null | undefined): string[] {
  if (!isRecord(details)) return [];
  const { before, after, ...rest } = details;
  const lines: string[] = [];
  if (isRecord(before) && isRecord(after)) {
    for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
      const was = valueText(before[key]);
      const now = valueText(after[key]);
      if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) lines.push(`${key}: ${was} → ${now}`);
    }
    if (!lines.length) lines.push('inga ändringar');
  } else {
    if (before !== undefined) flatten('before', before, lines);
    if (after !== undefined) flatten('after', after, lines);
  }
  flatten('', rest, lines);
  return lines.filter((line) => line !== ': –');
}

export interface AuditRow {
  id: string;
  at: string;
  time: string;
  /** "Karin Lindqvist", or "Systemet" for what the app did by itself. */
  who: string;
  /** "samordnare"; empty for the system. */
  role: string;
  what: string;
  object: string;
  objectId: string | null;
  fullObjectId: string | null;
  details: string[];
}

export function toRow(entry: AuditEntryView): AuditRow {
  return {
    id: entry.id,
    at: entry.at,
    time: auditTime(entry.at),
    who: entry.actorName ?? 'Systemet',
    role: entry.actorName === null ? '' : entry.actorRole ? (ROLE_NAMES[entry.actorRole] ?? entry.actorRole) : '',
    what: entry.actionLabel,
    object: ENTITY_NAMES[entry.entity] ?? entry.entity,
    objectId: entry.entityId ? shortId(entry.entityId) : null,
    fullObjectId: entry.entityId,
    details: detailsText(entry.details),
  };
}
