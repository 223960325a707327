import { aSite } from '../testing';
import { SiteError, SiteErrorCode } from './sites.errors';
import { isValidSlug, isValidTimeZone, prepareNewSite, publicSites, slugify, toPublicSite } from './sites.rules';

describe('slugify', () => {
  it('folds Swedish letters when the name has å, ä and ö', () => {
    expect(slugify('Högsbo bibliotek')).toBe('hogsbo-bibliotek');
    expect(slugify('Ängelholms Stadsbibliotek – Älvsjö')).toBe('angelholms-stadsbibliotek-alvsjo');
  });

  it('drops punctuation and repeated separators when the name has them', () => {
    expect(slugify('  Kompetenscenter (AMF) / Hus 2  ')).toBe('kompetenscenter-amf-hus-2');
  });

  it('gives a slug that passes isValidSlug when the name is very long', () => {
    const slug = slugify('Bibliotek '.repeat(20));
    expect(slug.length).toBeLessThanOrEqual(60);
    expect(isValidSlug(slug)).toBe(true);
  });
});

describe('isValidTimeZone', () => {
  it('accepts Europe/Stockholm', () => expect(isValidTimeZone('Europe/Stockholm')).toBe(true));
  it('refuses a made-up zone', () => expect(isValidTimeZone('Europe/Bibblan')).toBe(false));
});

describe('prepareNewSite', () => {
  const input = {
    name: ' Stadsbiblioteket ',
    address: 'Götaplatsen 3, 412 56 Staden',
    directions: 'Entrén mot torget.',
    accessibilityNotes: 'Hiss och hörslinga.',
    contactPhone: null,
    timeZone: '',
    languages: ['sv', 'ar', 'sv'] as const,
    active: true,
  };

  it('derives the slug and the default time zone when they are not given', () => {
    const site = prepareNewSite({ ...input, languages: [...input.languages] });
    expect(site).toMatchObject({ name: 'Stadsbiblioteket', slug: 'stadsbiblioteket', timeZone: 'Europe/Stockholm' });
    expect(site.languages).toEqual(['sv', 'ar']);
  });

  it('names every field to fix when several are wrong', () => {
    let caught: unknown;
    try {
      prepareNewSite({ ...input, name: ' ', address: '', timeZone: 'Mars/Olympus', languages: ['xx' as never] });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(SiteError);
    const e = caught as SiteError;
    expect(e.code).toBe(SiteErrorCode.InvalidSite);
    expect(Object.keys(e.fields ?? {}).sort()).toEqual(['address', 'languages', 'name', 'slug', 'timeZone']);
  });
});

describe('publicSites', () => {
  it('hides paused sites and sorts with Swedish collation when given a mixed list', () => {
    const sites = [aSite({ name: 'Östra biblioteket' }), aSite({ name: 'Angered', active: false }), aSite({ name: 'Ängen' }), aSite({ name: 'Biskopsgården' })];
    expect(publicSites(sites).map((s) => s.name)).toEqual(['Biskopsgården', 'Ängen', 'Östra biblioteket']);
  });
});

describe('toPublicSite', () => {
  it('leaves out the active flag when mapping for the public', () => {
    expect(toPublicSite(aSite())).not.toHaveProperty('active');
  });
});
