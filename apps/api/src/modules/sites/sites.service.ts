import { Injectable } from '@nestjs/common';
import { closureNotices, containsWords, localDateOf, prepareNewSite, searchText, searchWords, publicSites, SiteError, toPublicSite, type NewSite, type PublicSite, type PublicSiteDetail, type PublicSiteName, type Site } from '@digihjalpen/domain';
import { currentTime } from '../../common/clock';
import type { EntityManager } from 'typeorm';
import { SitesRepository } from './sites.repository';

@Injectable()
export class SitesService {
  private cached: PublicSiteList | undefined;

  constructor(private readonly sites: SitesRepository) {}

  /** Active sites by name; with `q`, those whose name or address holds every word of it. */
  async listPublic(q?: string): Promise<PublicSite[]> {
    const words = searchWords(q);
    const list = await this.publicList();
    return words.length ? list.sites.filter((_, i) => containsWords(list.searchTexts[i] as string, words)) : list.sites;
  }

  /** Every active site's id, slug and name, for pickers. */
  async publicNames(): Promise<PublicSiteName[]> {
    return (await this.publicList()).sites.map(({ id, slug, name }) => ({ id, slug, name }));
  }

  /**
   * The active sites in Swedish order with their search texts, kept between requests while no site changes
   * (one small query checks): reading and sorting 1,100 sites for every page of the public list cost ~6 ms
   * of CPU. Every instance checks the database, so a paused site leaves every instance's list at once.
   */
  private async publicList(): Promise<PublicSiteList> {
    const version = await this.sites.version();
    if (this.cached?.version !== version) {
      const sites = publicSites(await this.sites.findAll()).map(toPublicSite);
      this.cached = { version, sites, searchTexts: sites.map((s) => searchText(`${s.name} ${s.address}`)) };
    }
    return this.cached;
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

  /** A new site; with `tx`, in the caller's transaction (a copied site is saved with its schedules). */
  async create(input: NewSite, tx?: EntityManager): Promise<Site> {
    const site = prepareNewSite(input);
    if (await this.sites.slugExists(site.slug, tx)) throw SiteError.slugTaken(site.slug);
    return this.sites.insert(site, tx);
  }

  async update(id: string, changes: NewSite): Promise<Site> {
    const current = await this.get(id);
    const next = prepareNewSite({ ...changes, slug: current.slug });
    await this.sites.update(id, next);
    return { ...next, id };
  }

  /** An active site for anyone, with its current and coming closures ("Stängt 24 dec–6 jan: …"). */
  async getPublic(slug: string, now = currentTime()): Promise<PublicSiteDetail> {
    const site = await this.getActiveBySlug(slug);
    const today = localDateOf(now, site.timeZone);
    return { ...toPublicSite(site), closures: closureNotices(await this.sites.closureNotices(site.id, today), today) };
  }
}

interface PublicSiteList {
  version: string;
  sites: PublicSite[];
  searchTexts: string[];
}
