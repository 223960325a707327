import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { HelpLanguage, Site } from '@digihjalpen/domain';
import { Repository } from 'typeorm';
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

  async insert(site: Omit<Site, 'id'>): Promise<Site> {
    return toSite(await this.sites.save(this.sites.create(site)));
  }

  async update(id: string, changes: Partial<Omit<Site, 'id'>>): Promise<void> {
    await this.sites.update({ id }, changes);
  }

  async slugExists(slug: string): Promise<boolean> {
    return this.sites.existsBy({ slug });
  }

  async findBySlug(slug: string): Promise<Site | null> {
    const entity = await this.sites.findOneBy({ slug });
    return entity ? toSite(entity) : null;
  }
}
