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

  it('does not seed demo data when running in production', () => {
    expect(loadConfig({ NODE_ENV: 'production', SECRET_KEY: 'k'.repeat(32) }).seedDemoData).toBe(false);
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
    expect(() => loadConfig({ NODE_ENV: 'production', SECRET_KEY: 'k'.repeat(32), SEED_DEMO_DATA: 'true' })).toThrow(ConfigError);
  });

  it('requires a secret key in production, where every instance must derive the same manage links', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/SECRET_KEY must be set/);
    expect(() => loadConfig({ SECRET_KEY: 'short' })).toThrow(/SECRET_KEY must be at least 32 characters/);
  });

  it('reads the abuse limits, with defaults a library can live with', () => {
    expect(loadConfig({}).limits).toEqual({ bookingsPerHour: 30, manageRequestsPerHour: 300, futureBookingsPerContact: 3 });
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
