import { ConfigError, loadConfig } from './app-config';

describe(loadConfig.name, () => {
  it('uses defaults that start a demo when nothing is set', () => {
    const config = loadConfig({}, '/srv/app');
    expect(config).toMatchObject({
      env: 'development',
      port: 3000,
      publicUrl: 'http://localhost:3000',
      databaseUrl: undefined,
      dataDir: '/srv/app/.data',
      seedDemoData: true,
      webDist: '/srv/app/dist/apps/web/browser',
    });
  });

  const production = { NODE_ENV: 'production', SECRET_KEY: 'k'.repeat(32), DATABASE_URL: 'postgres://app:pw@db:5432/digihjalpen', SMTP_URL: 'smtp://mail:587', PUBLIC_URL: 'https://digihjalpen.example.org' };

  it('refuses production with an http or missing PUBLIC_URL unless ALLOW_INSECURE_PUBLIC_URL says it is a test', () => {
    expect(loadConfig(production).publicUrl).toBe('https://digihjalpen.example.org');
    expect(() => loadConfig({ ...production, PUBLIC_URL: undefined })).toThrow(/PUBLIC_URL must be the https address .* it is not set\. .*ALLOW_INSECURE_PUBLIC_URL=true/);
    expect(() => loadConfig({ ...production, PUBLIC_URL: 'http://digihjalpen.example.org' })).toThrow(/PUBLIC_URL .* it is http:\/\/digihjalpen\.example\.org\. .*ALLOW_INSECURE_PUBLIC_URL=true/);
    expect(() => loadConfig({ ...production, PUBLIC_URL: 'http://localhost:8080', ALLOW_INSECURE_PUBLIC_URL: 'false' })).toThrow(ConfigError);
    expect(loadConfig({ ...production, PUBLIC_URL: 'http://localhost:8080', ALLOW_INSECURE_PUBLIC_URL: 'true' }).publicUrl).toBe('http://localhost:8080');
    expect(loadConfig({ ...production, PUBLIC_URL: undefined, ALLOW_INSECURE_PUBLIC_URL: 'true' }).publicUrl).toBe('http://localhost:3000');
    expect(() => loadConfig({ ...production, ALLOW_INSECURE_PUBLIC_URL: 'sometimes' })).toThrow(/ALLOW_INSECURE_PUBLIC_URL must be true or false/);
    // Outside production http is the normal trial on a laptop.
    expect(loadConfig({ PUBLIC_URL: 'http://localhost:3000' }).publicUrl).toBe('http://localhost:3000');
  });

  it('does not seed demo data when running in production', () => {
    expect(loadConfig(production).seedDemoData).toBe(false);
  });

  it('refuses production without a database server or a mail server, so instances never each keep their own', () => {
    expect(() => loadConfig({ ...production, DATABASE_URL: '' })).toThrow(/DATABASE_URL must be set when NODE_ENV is production/);
    expect(() => loadConfig({ ...production, SMTP_URL: undefined })).toThrow(/SMTP_URL must be set when NODE_ENV is production/);
    expect(() => loadConfig({ ...production, DATABASE_URL: undefined, SMTP_URL: undefined })).toThrow(/DATABASE_URL and SMTP_URL must be set/);
    expect(loadConfig({ DATABASE_URL: undefined, SMTP_URL: undefined }).databaseUrl).toBeUndefined(); // development: embedded
  });

  it('trusts proxies on loopback and private networks unless TRUST_PROXY names hops or addresses', () => {
    expect(loadConfig({}).trustProxy).toBe('loopback, linklocal, uniquelocal');
    expect(loadConfig({ TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(loadConfig({ TRUST_PROXY: ' 203.0.113.7, 198.51.100.0/24,loopback , 2001:db8::/32' }).trustProxy).toBe('203.0.113.7, 198.51.100.0/24, loopback, 2001:db8::/32');
    expect(() => loadConfig({ TRUST_PROXY: 'true' })).toThrow(/TRUST_PROXY must be a number of proxy hops .* not understood: true/);
    expect(() => loadConfig({ TRUST_PROXY: '10.0.0.0/33' })).toThrow(/not understood: 10.0.0.0\/33/);
    expect(() => loadConfig({ TRUST_PROXY: 'lb.example.org' })).toThrow(/not understood: lb.example.org/);
  });

  it('treats an empty variable as unset when the shell exports VAR=', () => {
    expect(loadConfig({ DATABASE_URL: '', PORT: '' }).port).toBe(3000);
  });

  it.each([
    ['DATABASE_URL', 'mysql://localhost/db', /DATABASE_URL must be a URL like postgres:\/\//],
    ['DATABASE_URL', 'not a url', /DATABASE_URL/],
    ['SMTP_URL', 'http://mail', /SMTP_URL must be a URL like smtp:\/\//],
    ['PORT', 'eighty', /PORT must be a port number/],
    ['PORT', '70000', /PORT must be a port number/],
    ['LOG_LEVEL', 'loud', /LOG_LEVEL must be one of/],
    ['SEED_DEMO_DATA', 'maybe', /SEED_DEMO_DATA must be true or false/],
  ])('names %s when it is %p', (name, value, message) => {
    expect(() => loadConfig({ [name]: value })).toThrow(message);
  });

  it('refuses demo data in production when someone asks for both', () => {
    expect(() => loadConfig({ ...production, SEED_DEMO_DATA: 'true' })).toThrow(ConfigError);
  });

  it('requires a secret key in production, where every instance must derive the same manage links', () => {
    expect(() => loadConfig({ ...production, SECRET_KEY: undefined })).toThrow(/SECRET_KEY must be set/);
    expect(() => loadConfig({ SECRET_KEY: 'short' })).toThrow(/SECRET_KEY must be at least 32 characters/);
  });

  it('reads the abuse limits, with defaults a library can live with', () => {
    expect(loadConfig({}).limits).toEqual({
      bookingsPerHour: 10,
      bookingsPerDay: 30,
      manageRequestsPerHour: 300,
      statsRequestsPerHour: 120,
      futureBookingsPerContact: 3,
      contactlessPerSiteDay: 4,
      partnerBookingsPerWeek: 40,
      staffBookingsPerHour: 30,
      suspiciousRunBookings: 5,
      suspiciousRunMinutes: 10,
    });
    expect(loadConfig({}).network).toEqual({ ipv4Prefix: 32, ipv6Prefix: 64 });
    expect(() => loadConfig({ IPV6_PREFIX: '20' })).toThrow(/IPV6_PREFIX must be between 32 and 128/);
    expect(loadConfig({ BOOKING_RATE_LIMIT: '1000', MAX_FUTURE_BOOKINGS: '10' }).limits).toMatchObject({ bookingsPerHour: 1000, futureBookingsPerContact: 10 });
    expect(() => loadConfig({ BOOKING_RATE_LIMIT: 'many' })).toThrow(/BOOKING_RATE_LIMIT must be a whole number/);
  });

  it('keeps help-seekers’ contact details 30 days after their session unless RETENTION_DAYS says otherwise', () => {
    expect(loadConfig({}).retentionDays).toBe(30);
    expect(loadConfig({ RETENTION_DAYS: '7' }).retentionDays).toBe(7);
    expect(() => loadConfig({ RETENTION_DAYS: '0' })).toThrow(/RETENTION_DAYS must be at least 1/);
    expect(() => loadConfig({ RETENTION_DAYS: '2.5' })).toThrow(/RETENTION_DAYS must be a whole number of days/);
  });
});
