import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { SiteError, type ClosureNotice, type HelpLanguage, type Site } from '@digihjalpen/domain';
import { QueryFailedError, Repository, type EntityManager } from 'typeorm';
import { SiteEntity } from './site.entity';

function toSite(e: SiteEntity): Site {
  return {
    id: e.id,
    slug: e.slug,
    name: e.name,
    address: e.address,
    directions: e.directions,
    accessibilityNotes: e.accessibilityNotes,
    contactPhone: e.contactPhone,
    timeZone: e.timeZone,
    languages: e.languages as HelpLanguage[],
    active: e.active,
  };
}

@Injectable()
export class SitesRepository {
  constructor(@InjectRepository(SiteEntity) private readonly sites: Repository<SiteEntity>) {}

  async findAll(): Promise<Site[]> {
    return (await this.sites.find()).map(toSite);
  }

  /**
   * Changes whenever a site is added, changed or removed (the count and the sum of the rows' transaction
   * ids): a cheap check whether a list read earlier is still current.
   */
  async version(): Promise<string> {
    const [row] = (await this.sites.query(`SELECT count(*) || ':' || coalesce(sum(xmin::text::bigint), 0) AS v FROM site`)) as { v: string }[];
    return row?.v ?? '';
  }

  async findById(id: string): Promise<Site | null> {
    const entity = await this.sites.findOneBy({ id });
    return entity ? toSite(entity) : null;
  }

  /** Inserts a site (in the caller's transaction when given); a web address taken meanwhile is SiteError.slugTaken. */
  async insert(site: Omit<Site, 'id'>, tx?: EntityManager): Promise<Site> {
    const repo = tx ? tx.getRepository(SiteEntity) : this.sites;
    try {
      return toSite(await repo.save(repo.create(site)));
    } catch (error) {
      if (error instanceof QueryFailedError && (error.driverError as { code?: string; detail?: string }).code === '23505' && /\(slug\)/.test(String((error.driverError as { detail?: string }).detail))) {
        throw SiteError.slugTaken(site.slug);
      }
      throw error;
    }
  }

  async update(id: string, changes: Partial<Omit<Site, 'id'>>): Promise<void> {
    await this.sites.update({ id }, changes);
  }

  async slugExists(slug: string, tx?: EntityManager): Promise<boolean> {
    return (tx ? tx.getRepository(SiteEntity) : this.sites).existsBy({ slug });
  }

  async findBySlug(slug: string): Promise<Site | null> {
    const entity = await this.sites.findOneBy({ slug });
    return entity ? toSite(entity) : null;
  }

  /** The site's closures (its own and every site's) that have not ended by `today`, not lifted, first first. */
  async closureNotices(siteId: string, today: string): Promise<ClosureNotice[]> {
    return this.sites.query(
      `SELECT to_char(from_date, 'YYYY-MM-DD') AS "from", to_char(to_date, 'YYYY-MM-DD') AS "to", reason
         FROM closure
        WHERE (site_id = $1 OR site_id IS NULL) AND lifted_at IS NULL AND to_date >= $2
        ORDER BY from_date, to_date LIMIT 20`,
      [siteId, today],
    );
  }
}
