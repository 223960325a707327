// National-scale data for benchmarks: ~1,100 sites, 52 weeks of two weekly sessions each (40 weeks back,
// 12 ahead), 4 slots of 3 seats per session, ~0.9 million bookings, ~0.8 million visits, 5,000 helpers
// with shifts and hours, 50 partners with referral codes. Reproducible: the same BENCH_SEED gives the
// same rows. Generated inside Postgres (INSERT … SELECT over generate_series: no rows cross the wire,
// which is faster than COPY from Node); the seat trigger is paused during the load and the seat
// counters are set once afterwards.
//
// As a script: `node bench/national-data.mjs` loads into DATABASE_URL (migrated schema required, e.g.
// after the API has started once against it). Env: BENCH_SITES (default 1100), BENCH_SEED (default 0.42).
// A database that already has the national sites (slugs nat-…) is left as it is and reused.
import pg from 'pg';

const ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';

/**
 * Loads the dataset into a migrated, otherwise empty-ish database. Returns row counts and seconds taken.
 * `today` anchors the weeks (sessions are dated relative to it).
 */
export async function generateNationalData(databaseUrl, { sites = 1100, seed = 0.42, today = new Date() } = {}) {
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  const started = Date.now();
  if (Number((await db.query(`SELECT count(*) FROM site WHERE slug LIKE 'nat-%'`)).rows[0].count) > 0) {
    await db.end();
    return { seconds: 0, reused: true, rows: await countRows(databaseUrl) };
  }
  const step = async (label, sql, params = []) => {
    const t0 = Date.now();
    const res = await db.query(sql, params);
    if (process.env.BENCH_VERBOSE) console.log(`${label}: ${res.rowCount ?? ''} rows in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    return res;
  };
  try {
    await db.query('SELECT setseed($1)', [seed]);
    // A base-32 reference from a row number: unique, in the booking reference's shape.
    await db.query(`CREATE OR REPLACE FUNCTION pg_temp.ref(n bigint) RETURNS text LANGUAGE sql IMMUTABLE AS $$
      SELECT string_agg(substr('${ALPHABET}', ((n >> (5 * (5 - i))) & 31)::int + 1, 1), '' ORDER BY i)
        FROM generate_series(0, 5) i $$`);
    await db.query('BEGIN');
    // The seat counter and the statistics triggers are paused while loading: the counters are set once
    // below, the rows are consistent by construction (a visit is dated on its session's day), and there are
    // no session summaries yet to forget.
    for (const table of ['slot', 'booking', 'visit']) await db.query(`ALTER TABLE ${table} DISABLE TRIGGER USER`);
    const monday = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() - ((today.getUTCDay() + 6) % 7)));
    const first = new Date(monday.getTime() - 40 * 7 * 86_400_000).toISOString().slice(0, 10);

    await step('sites', `INSERT INTO site (slug, name, address, languages) SELECT 'nat-' || i, 'Bibliotek ' || i, 'Biblioteksgatan ' || i, '{sv}' FROM generate_series(1, $1) i`, [sites]);
    await step(
      'helpers',
      `INSERT INTO app_user (email, name, role) SELECT 'nat-helper-' || i || '@example.org', 'Digivärd ' || i, 'helper' FROM generate_series(1, 5000) i`,
    );
    await step(
      'coordinator user (for partners)',
      `INSERT INTO app_user (email, name, role) VALUES ('nat-coordinator@example.org', 'Nationell samordnare', 'coordinator') ON CONFLICT DO NOTHING`,
    );
    await step('partners', `INSERT INTO partner (name) SELECT 'Partner ' || i FROM generate_series(1, 50) i`);
    await step(
      'sessions',
      `INSERT INTO session (site_id, starts_at, ends_at, helpers_needed)
       SELECT s.id, (d + t)::timestamp AT TIME ZONE 'Europe/Stockholm', (d + t + interval '2 hours')::timestamp AT TIME ZONE 'Europe/Stockholm', 2
         FROM site s
        CROSS JOIN generate_series(0, 51) w
        CROSS JOIN (VALUES (1, time '10:00'), (3, time '13:00')) AS day(offset_days, t)
        CROSS JOIN LATERAL (SELECT $1::date + w * 7 + day.offset_days AS d) dd
        WHERE s.slug LIKE 'nat-%'`,
      [first],
    );
    await step(
      'slots',
      `INSERT INTO slot (session_id, starts_at, ends_at, seats)
       SELECT s.id, s.starts_at + k * interval '30 minutes', s.starts_at + (k + 1) * interval '30 minutes', 3
         FROM session s JOIN site ON site.id = s.site_id CROSS JOIN generate_series(0, 3) k WHERE site.slug LIKE 'nat-%'`,
    );
    await step(
      'referral codes',
      `INSERT INTO referral_code (code, partner_id, site_id, label, created_by)
       SELECT 'NA' || substr(pg_temp.ref(1000000 + row_number() OVER ()), 1, 2) || '-' || substr(pg_temp.ref(1000000 + row_number() OVER ()), 3, 4), p.id, (SELECT id FROM site WHERE slug = 'nat-' || (1 + (abs(hashtext(p.id::text)) % $1))), 'Kod', u.id
         FROM partner p CROSS JOIN generate_series(1, 4) g CROSS JOIN (SELECT id FROM app_user WHERE email = 'nat-coordinator@example.org') u
        WHERE p.name LIKE 'Partner %'`,
      [sites],
    );
    // 0–3 bookings per slot (two on average); past ones came (85 %) or not; one in ten through a partner's code.
    await step(
      'bookings',
      `WITH codes AS (SELECT code, partner_id, row_number() OVER (ORDER BY code) AS n FROM referral_code c JOIN partner p ON p.id = c.partner_id WHERE p.name LIKE 'Partner %'),
            nc AS (SELECT count(*) AS total FROM codes),
            picked AS (
              SELECT sl.id, sl.starts_at, (ARRAY[0, 2, 2, 3, 1, 2, 3, 3])[1 + floor(random() * 8)::int] AS k
                FROM slot sl JOIN session s ON s.id = sl.session_id JOIN site ON site.id = s.site_id WHERE site.slug LIKE 'nat-%'),
            b AS (SELECT p.id AS slot_id, p.starts_at, g, random() AS r1, random() AS r2 FROM picked p CROSS JOIN LATERAL generate_series(1, p.k) g),
            numbered AS (SELECT b.*, row_number() OVER () AS n FROM b)
       INSERT INTO booking (id, slot_id, reference, manage_token_hash, name, language, topics, referral_code, partner_id, attendance, created_at, updated_at)
       SELECT gen_random_uuid(), x.slot_id, substr(pg_temp.ref(x.n), 1, 3) || '-' || substr(pg_temp.ref(x.n), 4, 3),
              md5(x.n::text) || md5('t' || x.n), 'Besökare', 'sv', '{bankid}',
              c.code, c.partner_id,
              CASE WHEN x.starts_at < now() THEN CASE WHEN x.r2 < 0.85 THEN 'checked-in' ELSE 'no-show' END END,
              x.starts_at - interval '5 days', x.starts_at - interval '5 days'
         FROM numbered x CROSS JOIN nc
         LEFT JOIN codes c ON x.r1 < 0.1 AND c.n = 1 + (x.n % nc.total)`,
    );
    await step('seat counters', `UPDATE slot sl SET booked = b.n FROM (SELECT slot_id, count(*) AS n FROM booking WHERE status = 'confirmed' GROUP BY slot_id) b WHERE b.slot_id = sl.id`);
    // Two helpers on every session.
    await step(
      'shifts',
      `INSERT INTO shift (session_id, helper_id, checked_in_at, checked_out_at)
       SELECT s.id, h.id, CASE WHEN s.ends_at < now() THEN s.starts_at END, CASE WHEN s.ends_at < now() THEN s.ends_at END
         FROM session s JOIN site ON site.id = s.site_id
        CROSS JOIN generate_series(0, 1) k
         JOIN LATERAL (SELECT id FROM app_user WHERE email = 'nat-helper-' || (1 + (abs(hashtext(s.id::text || k)) % 5000)) || '@example.org') h ON true
        WHERE site.slug LIKE 'nat-%'
       ON CONFLICT DO NOTHING`,
    );
    await step(
      'hours',
      `INSERT INTO hours_entry (helper_id, shift_id, date, minutes, activity, status, decided_by, decided_at)
       SELECT x.helper_id, x.id, x.date, 150, 'session', CASE WHEN x.approved THEN 'approved' ELSE 'pending' END, CASE WHEN x.approved THEN c.id END, CASE WHEN x.approved THEN now() END
         FROM (SELECT sh.helper_id, sh.id, (s.starts_at AT TIME ZONE 'Europe/Stockholm')::date AS date, random() < 0.8 AS approved
                 FROM shift sh JOIN session s ON s.id = sh.session_id WHERE sh.checked_out_at IS NOT NULL) x
        CROSS JOIN (SELECT id FROM app_user WHERE email = 'nat-coordinator@example.org') c`,
    );
    // A visit for every booked person who came, and 0–4 drop-ins per past session.
    const visitColumns = `(client_id, session_id, site_id, date, helper_id, booking_id, categories, civic_information, device, language, duration_minutes, outcome, referred_to, came_via, returning_visitor)`;
    const visitValues = (booking) => `gen_random_uuid(), s.id, s.site_id, (s.starts_at AT TIME ZONE 'Europe/Stockholm')::date,
              (SELECT helper_id FROM shift WHERE session_id = s.id LIMIT 1), ${booking},
              (ARRAY['{bankid}', '{email,passwords}', '{healthcare}', '{income-support}', '{scams}', '{job-search}', '{phone-basics}', '{bankid,digital-mail}'])[1 + floor(random() * 8)::int]::text[],
              random() < 0.2, (ARRAY['own-phone','own-laptop','library-computer','none'])[1 + floor(random() * 4)::int], CASE WHEN random() < 0.2 THEN 'ar' ELSE 'sv' END,
              10 + floor(random() * 40)::int, o.outcome, CASE WHEN o.outcome = 'referred' THEN 'amf' END,
              ${booking === 'NULL' ? "'drop-in'" : "'booked'"}, (ARRAY['yes','no','unknown'])[1 + floor(random() * 3)::int]`;
    // Correlated (WHERE on the outer row), so the volatile random() is drawn for every visit.
    const outcome = (row) => `CROSS JOIN LATERAL (SELECT (ARRAY['solved','solved','solved','partly','follow-up','referred'])[1 + floor(random() * 6)::int] AS outcome WHERE ${row} IS NOT NULL) o`;
    await step(
      'visits (booked)',
      `INSERT INTO visit ${visitColumns}
       SELECT ${visitValues('b.id')} FROM booking b JOIN slot sl ON sl.id = b.slot_id JOIN session s ON s.id = sl.session_id ${outcome('b.id')}
        WHERE b.attendance = 'checked-in'`,
    );
    await step(
      'visits (drop-in)',
      `INSERT INTO visit ${visitColumns}
       SELECT ${visitValues('NULL')}
         FROM (SELECT s.*, floor(random() * 5)::int AS k FROM session s JOIN site ON site.id = s.site_id WHERE site.slug LIKE 'nat-%' AND s.ends_at < now()) s
        CROSS JOIN LATERAL generate_series(1, s.k) g ${outcome('g')}`,
    );
    for (const table of ['slot', 'booking', 'visit']) await db.query(`ALTER TABLE ${table} ENABLE TRIGGER USER`);
    await db.query('COMMIT');
    // As in a running system, where the API's job (SessionSummaries) summarises sessions two hours after they end.
    await step(
      'session summaries',
      `INSERT INTO session_summary (session_id, seats, booked, attended, no_shows, unmarked, drop_ins, visits, visit_counts)
       SELECT f.session_id, f.seats, f.booked, f.attended, f.no_shows, f.unmarked, f.drop_ins, f.visits, f.visit_counts
         FROM session_figures f JOIN session s ON s.id = f.session_id WHERE s.ends_at < now() - interval '2 hours'
       ON CONFLICT DO NOTHING`,
    );
    // As after autovacuum in a running system: visibility map set, dead row versions of the seat update gone.
    await step('vacuum', 'VACUUM ANALYZE');
    return { seconds: (Date.now() - started) / 1000, reused: false, rows: await countRows(databaseUrl) };
  } catch (error) {
    await db.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await db.end();
  }
}

async function countRows(databaseUrl) {
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  const count = async (sql) => Number((await db.query(sql)).rows[0].count);
  const rows = {
    sites: await count('SELECT count(*) FROM site'),
    sessions: await count('SELECT count(*) FROM session'),
    slots: await count('SELECT count(*) FROM slot'),
    bookings: await count('SELECT count(*) FROM booking'),
    visits: await count('SELECT count(*) FROM visit'),
    helpers: await count(`SELECT count(*) FROM app_user WHERE role = 'helper'`),
    shifts: await count('SELECT count(*) FROM shift'),
    hours: await count('SELECT count(*) FROM hours_entry'),
  };
  await db.end();
  return rows;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  if (!process.env.DATABASE_URL) throw new Error('Set DATABASE_URL to a migrated database');
  const result = await generateNationalData(process.env.DATABASE_URL, { sites: Number(process.env.BENCH_SITES ?? 1100), seed: Number(process.env.BENCH_SEED ?? 0.42) });
  console.log(JSON.stringify(result, null, 2));
}
