import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Statistics at national scale. A month at every library is ~10,000 sessions with ~40,000 slots, ~80,000
 * bookings and ~90,000 visits; counting them for each dashboard request took ~0.5 s. A session that has
 * ended hardly changes, so its figures are kept in `session_summary` (written by a job) and counted live
 * only for sessions without one. Written by hand: TypeORM does not model views, functions or triggers.
 *
 * - `session_figures` (view) is the one definition of a session's figures, used both by the job that
 *   fills `session_summary` and by the dashboard for sessions that have no summary yet.
 * - `dashboard_sessions(from, to, sites, now)` gives every session dated in a period at its site that has
 *   started by `now` (or already has visits: they may be logged a little before the start), from its summary
 *   or live: the dashboard and the open statistics read only this.
 * - Triggers forget a session's summary whenever something it counts changes (a visit logged late, an
 *   attendance mark, a cancelled session). They first take a KEY SHARE lock on the session row, which
 *   the job's FOR UPDATE conflicts with: either the job waits for the change to commit and counts it, or
 *   the change waits for the job's summary to commit and then deletes it. A summary is never stale.
 * - Invariant the summaries rely on: a visit's site and date are its session's site and local date.
 */
export class SessionSummaries1795460000000 implements MigrationInterface {
  name = 'SessionSummaries1795460000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE FUNCTION visit_matches_session() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NOT EXISTS (SELECT 1 FROM session s JOIN site ON site.id = s.site_id
                        WHERE s.id = NEW.session_id AND s.site_id = NEW.site_id AND (s.starts_at AT TIME ZONE site.time_zone)::date = NEW.date) THEN
          RAISE EXCEPTION 'a visit''s site and date must be its session''s site and local date' USING ERRCODE = 'check_violation', CONSTRAINT = 'visit_session_date';
        END IF;
        RETURN NEW;
      END $$`);
    await queryRunner.query(
      `CREATE TRIGGER visit_matches_session BEFORE INSERT OR UPDATE OF session_id, site_id, date ON visit FOR EACH ROW EXECUTE FUNCTION visit_matches_session()`,
    );

    await queryRunner.query(`CREATE VIEW session_figures AS
      SELECT s.id AS session_id,
             COALESCE(sl.seats, 0)::int AS seats, COALESCE(sl.booked, 0)::int AS booked,
             COALESCE(b.attended, 0)::int AS attended, COALESCE(b.no_shows, 0)::int AS no_shows, COALESCE(b.unmarked, 0)::int AS unmarked,
             COALESCE(v.drop_ins, 0)::int AS drop_ins, COALESCE(v.visits, 0)::int AS visits,
             COALESCE(k.counts, '{}'::jsonb) AS visit_counts
        FROM session s
        LEFT JOIN LATERAL (SELECT sum(sl.seats) AS seats, sum(sl.booked) AS booked FROM slot sl WHERE sl.session_id = s.id) sl ON true
        LEFT JOIN LATERAL (
          SELECT count(*) FILTER (WHERE b.attendance = 'checked-in') AS attended, count(*) FILTER (WHERE b.attendance = 'no-show') AS no_shows,
                 count(*) FILTER (WHERE b.attendance IS NULL) AS unmarked
            FROM booking b JOIN slot sl ON sl.id = b.slot_id WHERE sl.session_id = s.id AND b.status = 'confirmed') b ON true
        LEFT JOIN LATERAL (SELECT count(*) FILTER (WHERE v.booking_id IS NULL) AS drop_ins, count(*) AS visits FROM visit v WHERE v.session_id = s.id) v ON true
        -- Visits per "kind:key": category:bankid, outcome:solved, referredTo:amf, returning:yes, cameVia:drop-in or
        -- cameVia:partner:<id> when the visit's booking came through a partner.
        LEFT JOIN LATERAL (
          SELECT jsonb_object_agg(key, n) AS counts FROM (
            SELECT k.key, count(*)::int AS n
              FROM visit v LEFT JOIN booking pb ON pb.id = v.booking_id
             CROSS JOIN LATERAL (
               SELECT 'category:' || c FROM unnest(v.categories) AS c
               UNION ALL SELECT 'outcome:' || v.outcome
               UNION ALL SELECT 'referredTo:' || v.referred_to WHERE v.referred_to IS NOT NULL
               UNION ALL SELECT 'returning:' || v.returning_visitor
               UNION ALL SELECT 'cameVia:' || COALESCE('partner:' || pb.partner_id, v.came_via)) AS k(key)
             WHERE v.session_id = s.id GROUP BY k.key) x) k ON true`);

    await queryRunner.query(`CREATE TABLE session_summary (
      session_id uuid PRIMARY KEY REFERENCES session (id) ON DELETE CASCADE,
      seats int NOT NULL, booked int NOT NULL, attended int NOT NULL, no_shows int NOT NULL, unmarked int NOT NULL,
      drop_ins int NOT NULL, visits int NOT NULL, visit_counts jsonb NOT NULL,
      computed_at timestamptz NOT NULL DEFAULT now())`);

    await queryRunner.query(`CREATE FUNCTION dashboard_sessions(p_from date, p_to date, p_sites uuid[], p_now timestamptz)
      RETURNS TABLE (session_id uuid, site_id uuid, date date, weekday int, start_time text, planned boolean, started boolean, seats int,
                     booked int, attended int, no_shows int, unmarked int, drop_ins int, visits int, visit_counts jsonb)
      LANGUAGE sql STABLE AS $$
        WITH s AS MATERIALIZED (
          SELECT s.id, s.site_id, (s.starts_at AT TIME ZONE site.time_zone)::date AS date,
                 extract(isodow FROM s.starts_at AT TIME ZONE site.time_zone)::int AS weekday,
                 to_char(s.starts_at AT TIME ZONE site.time_zone, 'HH24:MI') AS start_time, s.status = 'planned' AS planned,
                 s.starts_at <= p_now AS started
            FROM session s JOIN site ON site.id = s.site_id
           WHERE s.starts_at >= p_from - 1 AND s.starts_at < p_to + 2
             AND (s.starts_at AT TIME ZONE site.time_zone)::date BETWEEN p_from AND p_to
             AND (p_sites IS NULL OR s.site_id = ANY (p_sites))
             -- Visits may be logged a little before the start: a session that has not started counts when it has some.
             AND (s.starts_at <= p_now OR EXISTS (SELECT 1 FROM visit v WHERE v.session_id = s.id)))
        SELECT s.id, s.site_id, s.date, s.weekday, s.start_time, s.planned, s.started, ss.seats, ss.booked, ss.attended, ss.no_shows,
               ss.unmarked, ss.drop_ins, ss.visits, ss.visit_counts
          FROM s JOIN session_summary ss ON ss.session_id = s.id
        UNION ALL
        SELECT s.id, s.site_id, s.date, s.weekday, s.start_time, s.planned, s.started, f.seats, f.booked, f.attended, f.no_shows,
               f.unmarked, f.drop_ins, f.visits, f.visit_counts
          FROM s JOIN session_figures f ON f.session_id = s.id
         WHERE NOT EXISTS (SELECT 1 FROM session_summary ss WHERE ss.session_id = s.id)
      $$`);

    await queryRunner.query(`CREATE FUNCTION forget_session_summary(p_session uuid) RETURNS void LANGUAGE plpgsql AS $$
      BEGIN
        IF p_session IS NULL THEN RETURN; END IF;
        PERFORM 1 FROM session WHERE id = p_session FOR KEY SHARE;
        DELETE FROM session_summary WHERE session_id = p_session;
      END $$`);
    // Which session a changed row belongs to, before and after the change (a booking through its slot).
    await queryRunner.query(`CREATE FUNCTION session_summary_stale() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        before_session uuid;
        after_session uuid;
      BEGIN
        IF TG_TABLE_NAME = 'booking' THEN
          IF TG_OP <> 'INSERT' THEN before_session := (SELECT session_id FROM slot WHERE id = OLD.slot_id); END IF;
          IF TG_OP <> 'DELETE' THEN after_session := (SELECT session_id FROM slot WHERE id = NEW.slot_id); END IF;
        ELSIF TG_TABLE_NAME = 'session' THEN
          after_session := NEW.id;
        ELSE
          IF TG_OP <> 'INSERT' THEN before_session := OLD.session_id; END IF;
          IF TG_OP <> 'DELETE' THEN after_session := NEW.session_id; END IF;
        END IF;
        PERFORM forget_session_summary(before_session);
        IF after_session IS DISTINCT FROM before_session THEN PERFORM forget_session_summary(after_session); END IF;
        RETURN NULL;
      END $$`);
    for (const [table, events] of [
      ['visit', 'INSERT OR DELETE OR UPDATE'],
      ['booking', 'INSERT OR DELETE OR UPDATE OF status, attendance, slot_id, partner_id'],
      ['slot', 'INSERT OR DELETE OR UPDATE OF seats, session_id'],
      ['session', 'UPDATE OF status, starts_at, ends_at, site_id'],
    ]) {
      await queryRunner.query(`CREATE TRIGGER ${table}_session_summary_stale AFTER ${events} ON ${table} FOR EACH ROW EXECUTE FUNCTION session_summary_stale()`);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['session', 'slot', 'booking', 'visit']) await queryRunner.query(`DROP TRIGGER ${table}_session_summary_stale ON ${table}`);
    await queryRunner.query(`DROP FUNCTION session_summary_stale()`);
    await queryRunner.query(`DROP FUNCTION forget_session_summary(uuid)`);
    await queryRunner.query(`DROP FUNCTION dashboard_sessions(date, date, uuid[], timestamptz)`);
    await queryRunner.query(`DROP TABLE session_summary`);
    await queryRunner.query(`DROP VIEW session_figures`);
    await queryRunner.query(`DROP TRIGGER visit_matches_session ON visit`);
    await queryRunner.query(`DROP FUNCTION visit_matches_session()`);
  }
}
