import { prepareNewSite, referenceFrom } from '@digihjalpen/domain';
import { randomBytes, randomUUID } from 'node:crypto';
import { In, type DataSource, type EntityManager } from 'typeorm';
import { hashPassword } from '../../modules/auth/passwords';
import { UserEntity } from '../../modules/auth/user.entity';
import { ScheduleEntity } from '../../modules/schedule/schedule.entity';
import { toSchedule } from '../../modules/schedule/schedule.repository';
import { syncScheduleSessions } from '../../modules/schedule/session-sync';
import { SiteEntity } from '../../modules/sites/site.entity';
import { demoBookings, demoHours, demoOrganisations, demoSchedules, demoSites, demoUsers } from './demo-city';
import { currentTime } from '../../common/clock';

/** Seeds the demo city. Idempotent: what exists (sites by slug, users by e-mail, a site's schedules) is left as it is. */
export async function seedDemoData(dataSource: DataSource, now = currentTime()): Promise<{ sitesAdded: number; usersAdded: number; schedulesAdded: number }> {
  // Hash only the passwords of demo users that are missing: argon2id is deliberately slow, and this runs at every start.
  const existing = new Set((await dataSource.getRepository(UserEntity).find({ where: { email: In(demoUsers.map((u) => u.email)) } })).map((u) => u.email));
  const missing = demoUsers.filter((u) => !existing.has(u.email));
  const newUsers = await Promise.all(missing.map(async (u) => ({ email: u.email, name: u.name, role: u.role, passwordHash: await hashPassword(u.password) })));
  return dataSource.transaction(async (tx) => {
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
