import { prepareNewSite, referenceFrom } from '@digihjalpen/domain';
import { randomBytes, randomUUID } from 'node:crypto';
import { In, type DataSource, type EntityManager } from 'typeorm';
import { hashPassword } from '../../modules/auth/passwords';
import { UserEntity } from '../../modules/auth/user.entity';
import { ScheduleEntity } from '../../modules/schedule/schedule.entity';
import { toSchedule } from '../../modules/schedule/schedule.repository';
import { syncScheduleSessions } from '../../modules/schedule/session-sync';
import { SiteEntity } from '../../modules/sites/site.entity';
import { demoBookings, demoHours, demoOrganisations, demoPartner, demoSchedules, demoSites, demoUsers } from './demo-city';
import { currentTime } from '../../common/clock';

/** Seeds the demo city. Idempotent: what exists (sites by slug, users by e-mail, a site's schedules) is left as it is. */
export async function seedDemoData(dataSource: DataSource, now = currentTime()): Promise<{ sitesAdded: number; usersAdded: number; schedulesAdded: number }> {
  // Hash only the passwords of demo users that are missing: argon2id is deliberately slow, and this runs at every start.
  const existing = new Set((await dataSource.getRepository(UserEntity).find({ where: { email: In(demoUsers.map((u) => u.email)) } })).map((u) => u.email));
  const missing = demoUsers.filter((u) => !existing.has(u.email));
  const hashed = await Promise.all(missing.map(async (u) => ({ email: u.email, name: u.name, role: u.role, passwordHash: await hashPassword(u.password) })));
  return dataSource.transaction(async (tx) => {
    // The demo partner works for the demo partner organisation (a partner user always belongs to one).
    await tx.query(`INSERT INTO partner (name) VALUES ($1) ON CONFLICT (name) DO NOTHING`, [demoPartner.name]);
    const [partner] = (await tx.query(`SELECT id FROM partner WHERE name = $1`, [demoPartner.name])) as { id: string }[];
    const newUsers = hashed.map((u) => ({ ...u, partnerId: u.role === 'partner' ? (partner?.id ?? null) : null }));
    const sites = await tx.createQueryBuilder().insert().into(SiteEntity).values(demoSites.map(prepareNewSite)).orIgnore().returning(['id']).execute();
    const users = newUsers.length
      ? await tx.createQueryBuilder().insert().into(UserEntity).values(newUsers).orIgnore().returning(['id']).execute()
      : { raw: [] };

    let schedulesAdded = 0;
    const bySlug = new Map((await tx.getRepository(SiteEntity).find()).map((s) => [s.slug, s]));
    const seeded = new Set((await tx.getRepository(ScheduleEntity).find()).map((s) => s.siteId));
    for (const { site: slug, schedule } of demoSchedules) {
      const site = bySlug.get(slug);
      if (!site || seeded.has(site.id)) continue;
      const saved = await tx.getRepository(ScheduleEntity).save(tx.getRepository(ScheduleEntity).create({ siteId: site.id, ...schedule }));
      await syncScheduleSessions(tx, toSchedule(saved), site, now);
      await seedBookings(tx, site.id, now);
      await seedShifts(tx, site.id, now);
      schedulesAdded += 1;
    }
    if (users.raw.length) await seedOrganisationsAndHours(tx, now);
    if (sites.raw.length) await seedPastVisits(tx, now);
    await seedReferralCode(tx);
    return { sitesAdded: sites.raw.length, usersAdded: users.raw.length, schedulesAdded };
  });
}

/**
 * A few bookings in a new demo site's next sessions, so seats show as taken. Without contact details
 * (no e-mails go out) and with manage links nobody has: a random hash stands in for the token's.
 */
async function seedBookings(tx: EntityManager, siteId: string, now: Date): Promise<void> {
  const slots: { id: string }[] = await tx.query(
    `SELECT sl.id FROM slot sl JOIN session s ON s.id = sl.session_id
      WHERE s.site_id = $1 AND sl.starts_at > $2 ORDER BY sl.starts_at LIMIT $3`,
    [siteId, now, demoBookings.length],
  );
  for (const [i, slot] of slots.entries()) {
    const b = demoBookings[i];
    if (!b) break;
    await tx.query(
      `INSERT INTO booking (id, slot_id, reference, manage_token_hash, name, language, topics, own_device, referral_code)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT DO NOTHING`,
      [randomUUID(), slot.id, referenceFrom(randomBytes(6)), randomBytes(32).toString('hex'), b.name, b.language, b.topics, b.ownDevice, b.ref],
    );
  }
}

/** The demo partner's referral code to the central library (the demo bookings with it count for the partner). */
async function seedReferralCode(tx: EntityManager): Promise<void> {
  await tx.query(
    `INSERT INTO referral_code (code, partner_id, site_id, label, created_by)
     SELECT $1, u.partner_id, s.id, $2, u.id FROM app_user u, site s WHERE u.email = $3 AND s.slug = $4
     ON CONFLICT DO NOTHING`,
    [demoPartner.code, demoPartner.codeLabel, demoPartner.user, demoPartner.site],
  );
  await tx.query(`UPDATE booking b SET partner_id = c.partner_id FROM referral_code c WHERE b.referral_code = c.code AND b.partner_id IS NULL`);
  // More people opened the link or scanned the slip than booked: half as many again, each week.
  await tx.query(
    `INSERT INTO referral_open (code, week_start, opens)
     SELECT b.referral_code, date_trunc('week', b.created_at AT TIME ZONE 'Europe/Stockholm')::date, ceil(count(*) * 1.5)::int
       FROM booking b WHERE b.referral_code = $1 GROUP BY 1, 2
     ON CONFLICT DO NOTHING`,
    [demoPartner.code],
  );
}

/** The demo helpers on a new demo site's next sessions, so the helper desk has something to show. */
async function seedShifts(tx: EntityManager, siteId: string, now: Date): Promise<void> {
  await tx.query(
    `INSERT INTO shift (session_id, helper_id)
     SELECT s.id, u.id
       FROM (SELECT id FROM session WHERE site_id = $1 AND ends_at > $2 AND status = 'planned' ORDER BY starts_at LIMIT 3) s
      CROSS JOIN app_user u
      WHERE u.email = ANY($3::text[])
     ON CONFLICT DO NOTHING`,
    [siteId, now, demoUsers.filter((u) => u.role === 'helper').map((u) => u.email)],
  );
}

/** Organisations, the helpers' membership and some hours, when the demo users are first created. */
async function seedOrganisationsAndHours(tx: EntityManager, now: Date): Promise<void> {
  for (const o of demoOrganisations) {
    await tx.query(`INSERT INTO organisation (name, fee_recipient, hourly_rate) VALUES ($1, $2, $3) ON CONFLICT (name) DO NOTHING`, [o.name, o.feeRecipient, o.hourlyRate]);
    await tx.query(`UPDATE app_user SET organisation_id = (SELECT id FROM organisation WHERE name = $1) WHERE email = ANY($2::text[])`, [o.name, o.helpers]);
  }
  const coordinator = demoUsers.find((u) => u.role === 'coordinator')?.email;
  for (const h of demoHours) {
    const date = new Date(now.getTime() - h.daysAgo * 86_400_000).toISOString().slice(0, 10);
    await tx.query(
      `INSERT INTO hours_entry (helper_id, date, minutes, activity, reflection, status, decided_by, decided_at)
       SELECT u.id, $2, $3, $4, $5, CASE WHEN $6 THEN 'approved' ELSE 'pending' END, CASE WHEN $6 THEN c.id END, CASE WHEN $6 THEN $7::timestamptz END
         FROM app_user u, app_user c WHERE u.email = $1 AND c.email = $8`,
      [h.email, date, h.minutes, h.activity, h.reflection, h.approved, now, coordinator],
    );
  }
}

const PAST_WEEKS = 6;
const CATEGORY_CYCLE = [['bankid'], ['email', 'passwords'], ['healthcare'], ['income-support', 'civic-information'], ['scams'], ['bankid', 'digital-mail'], ['job-search'], ['phone-basics']];

/**
 * Six past weeks of the central library's Tuesday drop-in with logged visits, so that statistics and
 * the open stats endpoint show something. Deterministic: the same seed gives the same numbers.
 */
async function seedPastVisits(tx: EntityManager, now: Date): Promise<void> {
  const [site] = (await tx.query(`SELECT id FROM site WHERE slug = 'stadsbiblioteket'`)) as { id: string }[];
  const [helper] = (await tx.query(`SELECT id FROM app_user WHERE email = 'helper@example.org'`)) as { id: string }[];
  if (!site || !helper) return;
  for (let week = 1; week <= PAST_WEEKS; week += 1) {
    const day = new Date(now.getTime() - week * 7 * 86_400_000);
    const tuesday = new Date(day.getTime() - ((day.getUTCDay() + 5) % 7) * 86_400_000); // the Tuesday of that week
    const date = tuesday.toISOString().slice(0, 10);
    const [session] = (await tx.query(
      `INSERT INTO session (site_id, starts_at, ends_at) VALUES ($1, ($2 || ' 10:00')::timestamp AT TIME ZONE 'Europe/Stockholm', ($2 || ' 12:00')::timestamp AT TIME ZONE 'Europe/Stockholm')
       ON CONFLICT DO NOTHING RETURNING id`,
      [site.id, date],
    )) as { id: string }[];
    if (!session) continue;
    // Four half-hour times with two seats each, as the weekly schedule has.
    const slots = (await tx.query(
      `INSERT INTO slot (session_id, starts_at, ends_at, seats)
       SELECT $1, t, t + interval '30 minutes', 2 FROM generate_series(($2 || ' 10:00')::timestamp AT TIME ZONE 'Europe/Stockholm', ($2 || ' 11:30')::timestamp AT TIME ZONE 'Europe/Stockholm', interval '30 minutes') AS t
       RETURNING id`,
      [session.id, date],
    )) as { id: string }[];
    await tx.query(`INSERT INTO shift (session_id, helper_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [session.id, helper.id]);
    const visits = 5 + ((week * 3) % 4);
    let seat = 0;
    /** A past booking (no contact details, a manage link nobody has); the skills centre's carry its code. */
    const pastBooking = async (attendance: 'checked-in' | 'no-show', viaPartner: boolean): Promise<string | null> => {
      const slot = slots[Math.floor(seat / 2)];
      seat += 1;
      if (!slot) return null;
      const id = randomUUID();
      await tx.query(
        `INSERT INTO booking (id, slot_id, reference, manage_token_hash, name, language, topics, referral_code, attendance, created_at)
         VALUES ($1, $2, $3, $4, 'Besökare', 'sv', '{other}', $5, $6, (SELECT starts_at - interval '5 days' FROM slot WHERE id = $2))`,
        [id, slot.id, referenceFrom(randomBytes(6)), randomBytes(32).toString('hex'), viaPartner ? demoPartner.code : null, attendance],
      );
      return id;
    };
    for (let i = 0; i < visits; i += 1) {
      const categories = CATEGORY_CYCLE[(week + i) % CATEGORY_CYCLE.length] ?? ['other'];
      const cameVia = (['drop-in', 'booked', 'skills-centre', 'library-staff'] as const)[i % 4];
      const bookingId = cameVia === 'booked' || cameVia === 'skills-centre' ? await pastBooking('checked-in', cameVia === 'skills-centre') : null;
      await tx.query(
        `INSERT INTO visit (client_id, session_id, site_id, date, helper_id, booking_id, categories, civic_information, device, language, duration_minutes, outcome, referred_to, came_via, returning_visitor)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)`,
        [
          randomUUID(), session.id, site.id, date, helper.id, bookingId, categories, i % 3 === 0,
          (['own-phone', 'own-laptop', 'library-computer', 'none'] as const)[i % 4], i % 4 === 1 ? 'ar' : 'sv', 15 + ((i * 7) % 30),
          i % 5 === 4 ? 'referred' : i % 3 === 2 ? 'partly' : 'solved', i % 5 === 4 ? 'social-services' : null,
          cameVia, (['yes', 'no', 'unknown'] as const)[i % 3],
        ],
      );
    }
    // Somebody booked and did not come most weeks.
    if (week % 3 !== 0) await pastBooking('no-show', week % 2 === 0);
  }
}
