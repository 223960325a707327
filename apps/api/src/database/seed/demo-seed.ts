import { prepareNewSite } from '@digihjalpen/domain';
import type { DataSource } from 'typeorm';
import { SiteEntity } from '../../modules/sites/site.entity';
import { demoSites } from './demo-city';

/** Seeds the demo city. Idempotent: rows that exist (by slug) are left as they are. */
export async function seedDemoData(dataSource: DataSource): Promise<{ sitesAdded: number }> {
  return dataSource.transaction(async (tx) => {
    const result = await tx
      .createQueryBuilder()
      .insert()
      .into(SiteEntity)
      .values(demoSites.map(prepareNewSite))
      .orIgnore()
      .returning(['id'])
      .execute();
    return { sitesAdded: result.raw.length };
  });
}
