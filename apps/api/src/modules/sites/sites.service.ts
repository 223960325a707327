import { Injectable } from '@nestjs/common';
import { publicSites, SiteError, toPublicSite, type PublicSite } from '@digihjalpen/domain';
import { SitesRepository } from './sites.repository';

@Injectable()
export class SitesService {
  constructor(private readonly sites: SitesRepository) {}

  async listPublic(): Promise<PublicSite[]> {
    return publicSites(await this.sites.findAll()).map(toPublicSite);
  }

  async getPublic(slug: string): Promise<PublicSite> {
    const site = await this.sites.findBySlug(slug);
    if (!site || !site.active) throw SiteError.notFound(slug);
    return toPublicSite(site);
  }
}
