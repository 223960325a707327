import { aSite } from '@digihjalpen/domain/testing';
import { SiteError, type Site } from '@digihjalpen/domain';
import type { SitesRepository } from './sites.repository';
import { SitesService } from './sites.service';

class FakeSitesRepository implements Pick<SitesRepository, 'findAll' | 'findBySlug'> {
  constructor(private readonly sites: Site[]) {}
  async findAll() {
    return this.sites;
  }
  async findBySlug(slug: string) {
    return this.sites.find((s) => s.slug === slug) ?? null;
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
    expect(await service.getPublic('hogsbo')).toEqual(expect.objectContaining({ name: 'Högsbo bibliotek', timeZone: 'Europe/Stockholm' }));
  });
});
