import { aSite } from '@digihjalpen/domain/testing';
import { SiteError, type Site } from '@digihjalpen/domain';
import type { SitesRepository } from './sites.repository';
import { SitesService } from './sites.service';

class FakeSitesRepository implements Pick<SitesRepository, 'findAll' | 'findBySlug' | 'version' | 'closureNotices'> {
  reads = 0;
  current = 'v1';
  constructor(readonly sites: Site[]) {}
  async findAll() {
    this.reads += 1;
    return this.sites;
  }
  async version() {
    return this.current;
  }
  async findBySlug(slug: string) {
    return this.sites.find((s) => s.slug === slug) ?? null;
  }
  async closureNotices() {
    return [];
  }
}

describe(SitesService.name, () => {
  const open = aSite({ slug: 'hogsbo', name: 'Högsbo bibliotek' });
  const paused = aSite({ slug: 'angered', name: 'Angered bibliotek', active: false });
  const service = new SitesService(new FakeSitesRepository([open, paused]) as unknown as SitesRepository);

  it('lists only active sites when some are paused', async () => {
    expect((await service.listPublic()).map((s) => s.slug)).toEqual(['hogsbo']);
  });

  it('throws SITE_NOT_FOUND when the site is paused', async () => {
    await expect(service.getPublic('angered')).rejects.toBeInstanceOf(SiteError);
  });

  it('returns the public shape when the slug exists', async () => {
    expect(await service.getPublic('hogsbo')).toEqual(expect.objectContaining({ name: 'Högsbo bibliotek', timeZone: 'Europe/Stockholm', closures: [] }));
  });

  it('reads the sites again only when they have changed, and finds them by words in the name or address', async () => {
    const repo = new FakeSitesRepository([aSite({ slug: 'hogsbo', name: 'Högsbo bibliotek', address: 'Axel Dahlströms torg 3' })]);
    const sites = new SitesService(repo as unknown as SitesRepository);
    expect((await sites.listPublic('hogsbo axel')).map((s) => s.slug)).toEqual(['hogsbo']);
    expect(await sites.listPublic('angered')).toEqual([]);
    expect(await sites.publicNames()).toEqual([{ id: expect.any(String), slug: 'hogsbo', name: 'Högsbo bibliotek' }]);
    expect(repo.reads).toBe(1);
    repo.sites.push(aSite({ slug: 'angered', name: 'Angered bibliotek' }));
    repo.current = 'v2';
    expect((await sites.listPublic('ANGERED')).map((s) => s.slug)).toEqual(['angered']);
    expect(repo.reads).toBe(2);
  });
});
