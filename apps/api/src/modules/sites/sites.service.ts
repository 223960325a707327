import { Injectable } from '@nestjs/common';
import { matchesSearch, prepareNewSite, publicSites, SiteError, toPublicSite, type NewSite, type PublicSite, type PublicSiteName, type Site } from '@digihjalpen/domain';
import { SitesRepository } from './sites.repository';

@Injectable()
export class SitesService {
  constructor(private readonly sites: SitesRepository) {}

  /** Active sites by name; with `q`, those whose name or address holds every word of it. */
  async listPublic(q?: string): Promise<PublicSite[]> {
    return publicSites(await this.sites.findAll())
      .filter((site) => matchesSearch(q, site.name, site.address))
      .map(toPublicSite);
  }

  /** Every active site's id, slug and name, for pickers. */
  async publicNames(): Promise<PublicSiteName[]> {
    return publicSites(await this.sites.findAll()).map(({ id, slug, name }) => ({ id, slug, name }));
  }

  /** Every site, paused ones too (coordinators). */
  async listAll(): Promise<Site[]> {
    return (await this.sites.findAll()).sort((a, b) => a.name.localeCompare(b.name, 'sv'));
  }

  async get(id: string): Promise<Site> {
    const site = await this.sites.findById(id);
    if (!site) throw SiteError.notFound(id);
    return site;
  }

  /** The active site behind a public slug. */
  async getActiveBySlug(slug: string): Promise<Site> {
    const site = await this.sites.findBySlug(slug);
    if (!site || !site.active) throw SiteError.notFound(slug);
    return site;
  }

  async create(input: NewSite): Promise<Site> {
    const site = prepareNewSite(input);
    if (await this.sites.slugExists(site.slug)) throw SiteError.invalid({ slug: `Adressnamnet "${site.slug}" används redan av en annan plats. Välj ett annat.` });
    return this.sites.insert(site);
  }

  async update(id: string, changes: NewSite): Promise<Site> {
    const current = await this.get(id);
    const next = prepareNewSite({ ...changes, slug: current.slug });
    await this.sites.update(id, next);
    return { ...next, id };
  }

  async getPublic(slug: string): Promise<PublicSite> {
    return toPublicSite(await this.getActiveBySlug(slug));
  }
}
