import { prepareNewSite } from '@digihjalpen/domain';
import { In, type DataSource } from 'typeorm';
import { hashPassword } from '../../modules/auth/passwords';
import { UserEntity } from '../../modules/auth/user.entity';
import { ScheduleEntity } from '../../modules/schedule/schedule.entity';
import { toSchedule } from '../../modules/schedule/schedule.repository';
import { syncScheduleSessions } from '../../modules/schedule/session-sync';
import { SiteEntity } from '../../modules/sites/site.entity';
import { demoSchedules, demoSites, demoUsers } from './demo-city';
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
      schedulesAdded += 1;
    }
    return { sitesAdded: sites.raw.length, usersAdded: users.raw.length, schedulesAdded };
  });
}
