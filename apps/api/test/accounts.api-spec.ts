import { createHash, randomUUID } from 'node:crypto';
import type { AccountListed, AccountPage, DeactivationResult, OcnModule } from '@digihjalpen/domain';
import { aVisitInput } from '@digihjalpen/domain/testing';
import { pinClock } from '../src/common/clock';
import { connect, runMigrations } from '../src/database/prepare-database';
import { AccountsService } from '../src/modules/accounts/accounts.service';
import { mailsTo } from './bookings';
import { createDatabase } from './databases';
import { aUser, createTestApp, signIn, TEST_NOW, testDatabaseUrl, type Session, type TestApp } from './test-app';

const at = (iso: string) => new Date(iso);
const minutesAfterNow = (minutes: number) => new Date(TEST_NOW.getTime() + minutes * 60_000);
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/**
 * People and accounts, on a database of its own: "the last active coordinator" needs to know every
 * coordinator there is, which other specs sharing the test database would change.
 */
describe('people and accounts: list, invitations, deactivation, password reset', () => {
  jest.setTimeout(60_000);
  let t: TestApp;
  let drop: () => Promise<void>;
  let coordinator: Session;
  let coordinatorId: string;
  let siteId: string;
  const word = `Kontotest${randomUUID().slice(0, 6)}`;

  const invite = async (name: string, role = 'helper') => {
    const email = `${name.toLowerCase().replace(/\W+/g, '-')}-${randomUUID().slice(0, 8)}@example.org`;
    const res = await coordinator.post('/api/auth/invitations', { email, name, role }).expect(201);
    return { id: res.body.user.id as string, email, token: new URL(res.body.inviteUrl as string).pathname.split('/').pop() as string };
  };
  const accept = (token: string, password = 'en lång fras som lösenord') => t.http().post('/api/auth/invitations/accept').send({ token, password });
  const listed = async (query: string): Promise<AccountPage> => (await coordinator.get(`/api/accounts?${query}`).expect(200)).body;
  const one = async (id: string, q: string): Promise<AccountListed | undefined> => (await listed(`q=${encodeURIComponent(q)}`)).items.find((a) => a.id === id);
  const auditOf = async (entityId: string): Promise<{ action: string; actor_id: string; details: Record<string, unknown> }[]> =>
    t.db.query(`SELECT action, actor_id, details FROM audit_log WHERE entity_id = $1 ORDER BY id`, [entityId]);
  const resetToken = async (email: string, count: number): Promise<string> => {
    const mails = await mailsTo(t, email, count);
    expect(mails).toHaveLength(count);
    const text = mails.map((m) => m.text ?? '').find((m, i, all) => i === all.length - 1 && m.includes('/aterstall/')) ?? '';
    const token = /\/aterstall\/([A-Za-z0-9_-]+)/.exec(text)?.[1];
    if (!token) throw new Error(`no reset link in the mail to ${email}`);
    return token;
  };
  const reset = (token: string, password = 'ett alldeles nytt lösenord') => t.http().post('/api/auth/password-reset').send({ token, password });

  beforeAll(async () => {
    const db = await createDatabase(testDatabaseUrl(), 'digihjalpen_accounts');
    drop = db.drop;
    const migrate = await connect(db.url);
    await runMigrations(migrate);
    await migrate.destroy();
    // The clock moves hours here; sign-ins must not end for being idle.
    t = await createTestApp({ IDLE_SIGN_OUT_MINUTES: '720' }, { databaseUrl: db.url });
    const me = await aUser(t.db, 'coordinator', { name: `Samordnare ${word}` });
    coordinatorId = me.id;
    coordinator = await signIn(t, me);
    siteId = (
      await coordinator
        .post('/api/sites', { name: `Kontobiblioteket ${word}`, address: 'Kontogatan 1', directions: '', accessibilityNotes: '', contactPhone: null, timeZone: 'Europe/Stockholm', languages: ['sv'], active: true })
        .expect(201)
    ).body.id;
  });
  afterEach(() => pinClock(TEST_NOW));
  afterAll(async () => {
    pinClock(TEST_NOW);
    await t?.close();
    await drop?.();
  });

  describe('the list', () => {
    it('shows each person with role, status and what they belong to, and narrows by role, status, belonging and words', async () => {
      const organisation = (await coordinator.post('/api/organisations', { name: `Bryggan ${word}`, feeRecipient: 'person', hourlyRate: 150 }).expect(201)).body;
      const helper = await aUser(t.db, 'helper', { name: `Hana ${word}` });
      await coordinator.put(`/api/helpers/${helper.id}/organisation`, { organisationId: organisation.id }).expect(200);
      const partner = await aUser(t.db, 'partner', { name: `Petra ${word}` });
      const staff = await aUser(t.db, 'library-staff', { name: `Linnea ${word}`, siteId });
      const invited = await invite(`Ingrid ${word}`);

      const all = await listed(`q=${word}`);
      expect(all).toMatchObject({ page: 1, pageSize: 50, total: 5 });
      // Swedish order by name.
      expect(all.items.map((a) => a.name)).toEqual([`Hana ${word}`, `Ingrid ${word}`, `Linnea ${word}`, `Petra ${word}`, `Samordnare ${word}`]);
      const byId = new Map(all.items.map((a) => [a.id, a]));
      expect(byId.get(helper.id)).toEqual({
        id: helper.id,
        name: `Hana ${word}`,
        email: helper.email,
        role: 'helper',
        status: 'active',
        belongsTo: { kind: 'organisation', id: organisation.id, name: organisation.name },
        invitationExpiresAt: null,
        deactivatedAt: null,
      });
      expect(byId.get(partner.id)).toMatchObject({ role: 'partner', belongsTo: { kind: 'partner', id: partner.partnerId } });
      expect(byId.get(staff.id)).toMatchObject({ role: 'library-staff', belongsTo: { kind: 'site', id: siteId, name: `Kontobiblioteket ${word}` } });
      expect(byId.get(invited.id)).toMatchObject({ status: 'invited', invitationExpiresAt: '2026-11-30T12:00:00.000Z', belongsTo: null });

      expect((await listed(`q=${word}&role=partner`)).items.map((a) => a.id)).toEqual([partner.id]);
      expect((await listed(`q=${word}&status=invited`)).items.map((a) => a.id)).toEqual([invited.id]);
      expect((await listed(`belongsTo=${siteId}`)).items.map((a) => a.id)).toEqual([staff.id]);
      expect((await listed(`belongsTo=${organisation.id}&role=helper`)).items.map((a) => a.id)).toEqual([helper.id]);
      // By e-mail, case and accents aside.
      expect((await listed(`q=${encodeURIComponent(helper.email.toUpperCase())}`)).items.map((a) => a.id)).toEqual([helper.id]);
      expect((await listed(`q=${word}&page=2`)).items).toEqual([]);
    });

    it('refuses a filter it cannot use with a Swedish message on the field', async () => {
      const res = await coordinator.get('/api/accounts?role=chef&status=sleeping&belongsTo=stadsbiblioteket&page=0').expect(400);
      expect(Object.keys(res.body.fields).sort()).toEqual(['belongsTo', 'page', 'role', 'status']);
      expect(res.body.fields.status).toBe('Välj status: aktiva, inbjudna eller avstängda.');
    });

    it('is for coordinators only', async () => {
      await t.http().get('/api/accounts').expect(401);
      const helper = await signIn(t, await aUser(t.db, 'helper'));
      const partner = await signIn(t, await aUser(t.db, 'partner'));
      const staff = await signIn(t, await aUser(t.db, 'library-staff', { siteId }));
      for (const someone of [helper, partner, staff]) {
        await someone.get('/api/accounts').expect(403);
        const victim = await aUser(t.db, 'helper');
        for (const action of ['deactivate', 'reactivate', 'password-reset', 'invitation/resend', 'invitation/revoke']) {
          await someone.post(`/api/accounts/${victim.id}/${action}`).expect(403);
        }
      }
    });
  });

  describe('invitations', () => {
    it('resends: a new link by e-mail, the old one stops working and the new one works', async () => {
      const person = await invite(`Rasmus ${word}`);
      const res = await coordinator.post(`/api/accounts/${person.id}/invitation/resend`).expect(200);
      expect(res.body).toMatchObject({ account: { id: person.id, status: 'invited' }, expiresAt: '2026-11-30T12:00:00.000Z' });
      const newToken = new URL(res.body.inviteUrl).pathname.split('/').pop() as string;
      expect(newToken).not.toBe(person.token);
      expect(newToken.length).toBeGreaterThanOrEqual(43);
      const mails = await mailsTo(t, person.email, 2);
      expect(mails).toHaveLength(2);
      expect(mails.some((m) => m.text?.includes(res.body.inviteUrl))).toBe(true);

      expect((await accept(person.token).expect(410)).body.code).toBe('INVITATION_INVALID');
      await accept(newToken).expect(200);
      expect((await one(person.id, person.email))?.status).toBe('active');

      // Someone with a password gets a reset link instead.
      expect((await coordinator.post(`/api/accounts/${person.id}/invitation/resend`).expect(409)).body.code).toBe('NOT_INVITED');
      expect((await auditOf(person.id)).map((a) => a.action)).toContain('account.invitation-resent');
    });

    it('revokes: the pending account can no longer be taken up, and a resend opens it again', async () => {
      const person = await invite(`Vera ${word}`);
      const res = await coordinator.post(`/api/accounts/${person.id}/invitation/revoke`).expect(200);
      expect(res.body).toMatchObject({ id: person.id, status: 'invitation-revoked', invitationExpiresAt: null });
      expect((await accept(person.token).expect(410)).body.code).toBe('INVITATION_INVALID');
      expect((await coordinator.post(`/api/accounts/${person.id}/invitation/revoke`).expect(409)).body.code).toBe('NO_OPEN_INVITATION');
      // Inviting the address again is still refused: the resend is the way.
      expect((await coordinator.post('/api/auth/invitations', { email: person.email, name: 'Vera', role: 'helper' }).expect(409)).body.code).toBe('EMAIL_TAKEN');
      const again = await coordinator.post(`/api/accounts/${person.id}/invitation/resend`).expect(200);
      expect(again.body.account.status).toBe('invited');
      const [audit] = (await auditOf(person.id)).filter((a) => a.action === 'account.invitation-revoked');
      expect(audit).toMatchObject({ actor_id: coordinatorId });
      await t.http().post(`/api/accounts/${randomUUID()}/invitation/revoke`).expect(401);
      expect((await coordinator.post(`/api/accounts/${randomUUID()}/invitation/revoke`).expect(404)).body.code).toBe('ACCOUNT_NOT_FOUND');
      await coordinator.post('/api/accounts/not-an-id/invitation/revoke').expect(400);
    });
  });

  describe('deactivation', () => {
    it('ends every sign-in, revokes the feed, takes the person off coming shifts only, and says which sessions now lack helpers', async () => {
      const helperUser = await aUser(t.db, 'helper', { name: `Dana ${word}` });
      const otherHelper = await aUser(t.db, 'helper');
      const laptop = await signIn(t, helperUser);
      const phone = await signIn(t, helperUser);
      const session = (date: string, helpersNeeded: number) =>
        coordinator.post(`/api/sites/${siteId}/sessions`, { date, startTime: '13:15', endTime: '15:15', slotMinutes: 30, seatsPerSlot: 2, dropIn: true, helpersNeeded }).expect(201);
      // TEST_NOW is 13:00 in Stockholm: today's session starts at 13:15.
      const today = (await session('2026-11-23', 2)).body.id as string;
      const short = (await session('2026-11-30', 2)).body.id as string;
      const enough = (await session('2026-12-07', 1)).body.id as string;
      for (const id of [today, short, enough]) await coordinator.post(`/api/sessions/${id}/shifts`, { helperId: helperUser.id }).expect(204);
      for (const id of [short, enough]) await coordinator.post(`/api/sessions/${id}/shifts`, { helperId: otherHelper.id }).expect(204);
      const feedUrl = (await laptop.post('/api/me/calendar-feed').expect(200)).body.url as string;
      await t.http().get(new URL(feedUrl).pathname).expect(200);

      // During today's session: a visit, hours and OCN evidence.
      pinClock(at('2026-11-23T12:30:00Z'));
      await laptop.post('/api/visits', aVisitInput({ clientId: randomUUID(), sessionId: today })).expect(201);
      const hours = (await laptop.post('/api/hours', { date: '2026-11-20', minutes: 60, activity: 'training' }).expect(201)).body.id as string;
      const module = ((await laptop.get('/api/ocn/modules').expect(200)).body as OcnModule[])[0] as OcnModule;
      await laptop
        .post(`/api/ocn/portfolios/${helperUser.id}/modules/${module.id}/evidence`, { kind: 'reflection', criterionIds: [module.outcomes[0]?.criteria[0]?.id], text: 'Jag visade BankID.' })
        .expect(201);

      const res = await coordinator.post(`/api/accounts/${helperUser.id}/deactivate`).expect(200);
      const result = res.body as DeactivationResult;
      expect(result).toEqual({
        account: expect.objectContaining({ id: helperUser.id, status: 'deactivated', deactivatedAt: '2026-11-23T12:30:00.000Z' }),
        signInsEnded: 2,
        shiftsRemoved: 2,
        shiftsNeedingPeople: [
          { sessionId: short, siteId, siteName: `Kontobiblioteket ${word}`, timeZone: 'Europe/Stockholm', start: '2026-11-30T13:15:00+01:00', end: '2026-11-30T15:15:00+01:00', helpers: 1, helpersNeeded: 2 },
        ],
      });

      // Both open browsers are signed out on their next request, and the feed is gone.
      await laptop.get('/api/auth/me').expect(401);
      await phone.get('/api/shifts/mine').expect(401);
      await t.http().get(new URL(feedUrl).pathname).expect(404);
      // Signing in answers as a wrong password does.
      const refused = await t.http().post('/api/auth/login').send({ email: helperUser.email, password: helperUser.password }).expect(401);
      const unknown = await t.http().post('/api/auth/login').send({ email: `ingen-${randomUUID()}@example.org`, password: helperUser.password }).expect(401);
      expect(refused.body).toEqual(unknown.body);
      expect(refused.body.code).toBe('INVALID_CREDENTIALS');

      // The started session keeps the shift; visits, hours and evidence stay.
      const shifts = await t.db.query(`SELECT session_id FROM shift WHERE helper_id = $1`, [helperUser.id]);
      expect(shifts).toEqual([{ session_id: today }]);
      expect((await t.db.query(`SELECT count(*)::int AS n FROM visit WHERE helper_id = $1`, [helperUser.id]))[0].n).toBe(1);
      expect((await t.db.query(`SELECT count(*)::int AS n FROM hours_entry WHERE id = $1`, [hours]))[0].n).toBe(1);
      expect((await t.db.query(`SELECT count(*)::int AS n FROM evidence WHERE helper_id = $1`, [helperUser.id]))[0].n).toBe(1);
      // The other helper is still on both coming sessions.
      expect((await t.db.query(`SELECT count(*)::int AS n FROM shift WHERE helper_id = $1`, [otherHelper.id]))[0].n).toBe(2);

      const [audit] = (await auditOf(helperUser.id)).filter((a) => a.action === 'account.deactivated');
      expect(audit).toEqual({ action: 'account.deactivated', actor_id: coordinatorId, details: { role: 'helper', signInsEnded: 2, shiftsRemoved: 2, sessionsNeedingHelpers: [short] } });
      expect((await one(helperUser.id, helperUser.email))?.status).toBe('deactivated');
      expect((await listed(`q=${word}&status=deactivated`)).items.map((a) => a.id)).toEqual([helperUser.id]);
      expect((await coordinator.post(`/api/accounts/${helperUser.id}/deactivate`).expect(409)).body.code).toBe('ACCOUNT_NOT_ACTIVE');
      // A turned-off person is no longer offered for shifts.
      expect((await coordinator.post(`/api/sessions/${short}/shifts`, { helperId: helperUser.id }).expect(400)).body.code).toBe('NOT_A_HELPER');

      // Reactivated: the old password works again.
      const back = await coordinator.post(`/api/accounts/${helperUser.id}/reactivate`).expect(200);
      expect(back.body).toMatchObject({ id: helperUser.id, status: 'active', deactivatedAt: null });
      await signIn(t, helperUser);
      expect((await coordinator.post(`/api/accounts/${helperUser.id}/reactivate`).expect(409)).body.code).toBe('ACCOUNT_ALREADY_ACTIVE');
      expect((await auditOf(helperUser.id)).map((a) => a.action)).toContain('account.reactivated');
    });

    it('turns off a pending invitation too: the link stops working', async () => {
      const person = await invite(`Pending ${word}`);
      await coordinator.post(`/api/accounts/${person.id}/deactivate`).expect(200);
      await accept(person.token).expect(410);
      expect((await coordinator.post(`/api/accounts/${person.id}/invitation/resend`).expect(409)).body.code).toBe('ACCOUNT_NOT_ACTIVE');
      await coordinator.post(`/api/accounts/${person.id}/reactivate`).expect(200);
      // Reactivating does not bring the old link back.
      await accept(person.token).expect(410);
      expect((await one(person.id, person.email))?.status).toBe('invitation-revoked');
    });

    it('refuses a coordinator turning off their own account', async () => {
      const res = await coordinator.post(`/api/accounts/${coordinatorId}/deactivate`).expect(409);
      expect(res.body).toMatchObject({ code: 'CANNOT_DEACTIVATE_SELF', message: expect.stringContaining('ditt eget konto') });
    });
  });

  describe('password reset links', () => {
    it('works once: sets the password, ends every other sign-in and signs the person in', async () => {
      const person = await aUser(t.db, 'partner', { name: `Reset ${word}` });
      const elsewhere = await signIn(t, person);
      const res = await coordinator.post(`/api/accounts/${person.id}/password-reset`).expect(200);
      expect(res.body).toMatchObject({ account: { id: person.id, status: 'active' }, sentTo: person.email, expiresAt: '2026-11-23T13:00:00.000Z' });
      expect(JSON.stringify(res.body)).not.toContain('/aterstall/');
      const token = await resetToken(person.email, 1);
      expect(token.length).toBeGreaterThanOrEqual(43);
      // Only the hash is kept.
      expect(await t.db.query(`SELECT token_hash FROM password_reset WHERE user_id = $1`, [person.id])).toEqual([{ token_hash: sha256(token) }]);

      // A weak password is refused and the link still works.
      expect((await reset(token, 'kort').expect(400)).body.code).toBe('WEAK_PASSWORD');
      await elsewhere.get('/api/auth/me').expect(200);

      const used = await reset(token).expect(200);
      expect(used.body).toMatchObject({ id: person.id, role: 'partner' });
      const cookies = ([] as string[]).concat(used.headers['set-cookie'] ?? []).map((c) => c.split(';')[0]).join('; ');
      expect((await t.http().get('/api/auth/me').set('Cookie', cookies).expect(200)).body.id).toBe(person.id);
      await elsewhere.get('/api/auth/me').expect(401);
      await t.http().post('/api/auth/login').send({ email: person.email, password: person.password }).expect(401);
      await signIn(t, { email: person.email, password: 'ett alldeles nytt lösenord' });

      const again = await reset(token, 'ännu ett nytt långt lösenord').expect(410);
      expect(again.body).toMatchObject({ code: 'RESET_LINK_INVALID', message: expect.stringContaining('redan använd') });
      expect((await reset('x'.repeat(43)).expect(410)).body.code).toBe('RESET_LINK_INVALID');
      expect((await reset('kort').expect(400)).body.fields).toHaveProperty('token');

      const actions = (await auditOf(person.id)).map((a) => [a.action, a.actor_id]);
      expect(actions).toEqual(expect.arrayContaining([['account.password-reset-sent', coordinatorId], ['auth.password-reset', person.id]]));
    });

    it('runs out after an hour', async () => {
      const person = await aUser(t.db, 'helper');
      await coordinator.post(`/api/accounts/${person.id}/password-reset`).expect(200);
      const token = await resetToken(person.email, 1);
      pinClock(minutesAfterNow(60));
      expect((await reset(token).expect(410)).body.message).toContain('gått ut');
      pinClock(minutesAfterNow(59));
      await reset(token).expect(200);
    });

    it('is revoked by a newer link', async () => {
      const person = await aUser(t.db, 'helper');
      await coordinator.post(`/api/accounts/${person.id}/password-reset`).expect(200);
      const older = await resetToken(person.email, 1);
      await coordinator.post(`/api/accounts/${person.id}/password-reset`).expect(200);
      const newer = await resetToken(person.email, 2);
      expect(newer).not.toBe(older);
      expect((await reset(older).expect(410)).body.message).toContain('nyare länk');
      await reset(newer).expect(200);
    });

    it('goes only to an open account with a password, and dies with a deactivation', async () => {
      const pending = await invite(`Utan lösenord ${word}`);
      expect((await coordinator.post(`/api/accounts/${pending.id}/password-reset`).expect(409)).body.code).toBe('NO_PASSWORD_YET');
      const person = await aUser(t.db, 'helper');
      await coordinator.post(`/api/accounts/${person.id}/password-reset`).expect(200);
      const token = await resetToken(person.email, 1);
      await coordinator.post(`/api/accounts/${person.id}/deactivate`).expect(200);
      expect((await coordinator.post(`/api/accounts/${person.id}/password-reset`).expect(409)).body.code).toBe('ACCOUNT_NOT_ACTIVE');
      await coordinator.post(`/api/accounts/${person.id}/reactivate`).expect(200);
      await reset(token).expect(410);
    });
  });

  describe('the last coordinator', () => {
    it('is never turned off: checked under a lock, so two coordinators turning each other off leave one', async () => {
      const other = await aUser(t.db, 'coordinator');
      const otherSession = await signIn(t, other);
      // Three coordinators with a password: the one from beforeAll, the other, and an invited one without a password (not counted).
      await invite(`Inbjuden samordnare ${word}`, 'coordinator');
      const third = await aUser(t.db, 'coordinator');
      await coordinator.post(`/api/accounts/${third.id}/deactivate`).expect(200);

      const service = t.app.get(AccountsService);
      const me = { id: coordinatorId, email: '', name: 'Samordnare', role: 'coordinator' as const };
      const them = { id: other.id, email: other.email, name: 'Annan', role: 'coordinator' as const };
      const answers = await Promise.allSettled([service.deactivate(me, other.id), service.deactivate(them, coordinatorId)]);
      const refused = answers.filter((a): a is PromiseRejectedResult => a.status === 'rejected');
      expect(answers.filter((a) => a.status === 'fulfilled')).toHaveLength(1);
      expect(refused.map((r) => (r.reason as { code: string }).code)).toEqual(['LAST_COORDINATOR']);
      expect(refused[0]?.reason.message).toMatch(/enda aktiva samordnaren/);
      const [active] = await t.db.query(`SELECT count(*)::int AS n FROM app_user WHERE role = 'coordinator' AND active AND password_hash IS NOT NULL`);
      expect(active.n).toBe(1);

      // Over HTTP: the one left cannot be turned off by the one already gone (401) nor by themselves (409).
      const survivor = answers[0]?.status === 'fulfilled' ? coordinator : otherSession;
      const survivorId = answers[0]?.status === 'fulfilled' ? coordinatorId : other.id;
      const gone = survivor === coordinator ? otherSession : coordinator;
      await gone.post(`/api/accounts/${survivorId}/deactivate`).expect(401);
      expect((await survivor.post(`/api/accounts/${survivorId}/deactivate`).expect(409)).body.code).toBe('CANNOT_DEACTIVATE_SELF');
    });
  });
});
