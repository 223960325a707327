import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { simpleParser, type ParsedMail } from 'mailparser';
import type { AlternativeSlotView, BookingRequest } from '@digihjalpen/domain';
import { aBookingRequest } from '@digihjalpen/domain/testing';
import { currentTime } from '../src/common/clock';
import type { Session, TestApp } from './test-app';

let siteSequence = 0;

export interface BookableSite {
  siteId: string;
  slug: string;
  sessionId: string;
  slotIds: string[];
}

/**
 * A new site with one extra session on `date` (10:00–12:00 local, 30-minute slots): a place to book
 * that no other spec touches.
 */
export async function aBookableSite(coordinator: Session, options: { date?: string; seats?: number; contactPhone?: string | null } = {}): Promise<BookableSite> {
  siteSequence += 1;
  const site = (
    await coordinator
      .post('/api/sites', {
        name: `Bokningsbiblioteket ${siteSequence} ${Date.now()}`,
        address: 'Bokgatan 1, 111 22 Staden',
        directions: 'Ingång från torget, plan 2.',
        accessibilityNotes: 'Hiss finns.',
        contactPhone: options.contactPhone ?? '08-123 456',
        timeZone: 'Europe/Stockholm',
        languages: ['sv', 'ar'],
        active: true,
      })
      .expect(201)
  ).body as { id: string; slug: string };
  const session = (
    await coordinator
      .post(`/api/sites/${site.id}/sessions`, {
        date: options.date ?? '2027-03-30',
        startTime: '10:00',
        endTime: '12:00',
        slotMinutes: 30,
        seatsPerSlot: options.seats ?? 2,
        dropIn: true,
        helpersNeeded: 2,
      })
      .expect(201)
  ).body as { id: string; slots: { id: string }[] };
  return { siteId: site.id, slug: site.slug, sessionId: session.id, slotIds: session.slots.map((s) => s.id) };
}

export function book(t: TestApp, body: Partial<BookingRequest> & { slotId: string }, headers: Record<string, string> = {}) {
  return t.http().post('/api/public/bookings').set(headers).send(aBookingRequest(body));
}

export type SlotTaken = { code: string; message: string; alternatives: AlternativeSlotView[] };

/** The messages the local SMTP server received, parsed. */
export async function mailbox(t: TestApp): Promise<ParsedMail[]> {
  const files = readdirSync(t.mail.dir).filter((f) => f.endsWith('.eml')).sort();
  return Promise.all(files.map((f) => simpleParser(readFileSync(path.join(t.mail.dir, f)))));
}

const toOf = (m: ParsedMail) => (Array.isArray(m.to) ? m.to.map((a) => a.text).join(',') : (m.to?.text ?? ''));

/** Waits (polling the mail folder) until `count` messages to `to` have arrived. */
export async function mailsTo(t: TestApp, to: string, count = 1, timeoutMs = 30_000): Promise<ParsedMail[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const mails = (await mailbox(t)).filter((m) => toOf(m).includes(to));
    if (mails.length >= count || Date.now() > deadline) return mails;
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Waits until every due job of the app's queue (booking e-mails, or the `queue` named) has finished (completed, failed or cancelled). */
export async function jobsSettled(t: TestApp, timeoutMs = 30_000, queue = 'booking-mail'): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    // eslint-disable-next-line no-restricted-syntax -- due on the queue's own clock (see makeJobsDue)
    const [row] = await t.db.query(`SELECT count(*)::int AS n FROM ${t.jobSchema}.job WHERE name = $1 AND state IN ('created', 'retry', 'active') AND start_after <= now()`, [queue]);
    if ((row as { n: number }).n === 0) return;
    if (Date.now() > deadline) throw new Error('jobs did not settle');
    await new Promise((r) => setTimeout(r, 200));
  }
}

/**
 * Makes the queued jobs that `where` picks due at once, instead of waiting. The queue keeps its delays on
 * the database's clock (JobQueue.send turns the application's moment into a delay), so "due" is the
 * database's now here, and only here.
 */
export async function makeJobsDue(t: Pick<TestApp, 'db' | 'jobSchema'>, where: string, params: unknown[] = []): Promise<void> {
  // eslint-disable-next-line no-restricted-syntax -- the queue's own clock
  await t.db.query(`UPDATE ${t.jobSchema}.job SET start_after = now() WHERE ${where}`, params);
}

/** When a queued job is planned for on the application's clock: its delay, counted from the app's now. */
export const plannedFor = (job: { delaySeconds: number }): Date => new Date(currentTime().getTime() + job.delaySeconds * 1000);

/** SQL for a job's delay in seconds (start_after and created_on come from one statement's now()). */
export const JOB_DELAY_SECONDS = (alias: string) => `extract(epoch FROM ${alias}.start_after - ${alias}.created_on)::float8`;
