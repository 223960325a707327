import { execFileSync } from 'node:child_process';
import type { OcnModule } from '@digihjalpen/domain';
import { aUser, createTestApp, everyPage, signIn, type Session, type TestApp } from './test-app';

// pdf.js needs real ES modules, which jest's module system lacks: the text is read in a plain Node process.
const READ_PDF = `const { PDFParse } = require('pdf-parse');
const chunks = []; process.stdin.on('data', (c) => chunks.push(c)).on('end', async () => {
  const parser = new PDFParse({ data: Buffer.concat(chunks) }); process.stdout.write((await parser.getText()).text); await parser.destroy(); });`;
const pdfText = async (data: Buffer) => execFileSync(process.execPath, ['-e', READ_PDF], { input: data, encoding: 'utf8' });
const binary = (res: { on: (e: string, cb: (c?: Buffer) => void) => void }, done: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c) => c && chunks.push(c));
  res.on('end', () => done(null, Buffer.concat(chunks)));
};

describe('hours, organisations and OCN portfolios', () => {
  let t: TestApp;
  let anna: Session; // coordinator, assessor
  let bo: Session; // coordinator, quality assurer
  let helper: { session: Session; id: string; name: string };
  let otherHelper: { session: Session; id: string };
  let module: OcnModule;

  beforeAll(async () => {
    t = await createTestApp();
    anna = await signIn(t, await aUser(t.db, 'coordinator', { name: 'Anna Andersson' }));
    bo = await signIn(t, await aUser(t.db, 'coordinator', { name: 'Bo Berg' }));
    const h = await aUser(t.db, 'helper', { name: 'Hana Haddad' });
    helper = { session: await signIn(t, h), id: h.id, name: 'Hana Haddad' };
    const o = await aUser(t.db, 'helper');
    otherHelper = { session: await signIn(t, o), id: o.id };
    module = (await helper.session.get('/api/ocn/modules').expect(200)).body.find((m: OcnModule) => m.title === 'Digital vägledning för andra');
  });
  afterAll(() => t.close());

  it('takes hours a helper adds by hand, and refuses future, negative and doubled hours', async () => {
    const added = await helper.session.post('/api/hours', { date: '2026-11-20', minutes: 120, activity: 'training', reflection: 'Utbildning om bedrägerier.' }).expect(201);
    expect(added.body).toMatchObject({ status: 'pending', minutes: 120, activity: 'training', helperName: 'Hana Haddad' });
    expect((await helper.session.post('/api/hours', { date: '2026-11-24', minutes: 60, activity: 'meeting' }).expect(400)).body.fields).toHaveProperty('date');
    expect((await helper.session.post('/api/hours', { date: '2026-11-20', minutes: -60, activity: 'meeting' }).expect(400)).body.fields).toHaveProperty('minutes');
    expect((await helper.session.post('/api/hours', { date: '2026-11-20', minutes: 120, activity: 'training' }).expect(409)).body.code).toBe('HOURS_OVERLAP');
    await anna.post('/api/hours', { date: '2026-11-20', minutes: 60, activity: 'meeting' }).expect(403);
  });

  it('lets coordinators approve in bulk, never their own hours, and locks what is approved', async () => {
    await helper.session.post('/api/hours', { date: '2026-11-21', minutes: 90, activity: 'preparation' }).expect(201);
    const pending = (await everyPending(anna)).filter((e) => e.helperId === helper.id);
    expect(pending).toHaveLength(2);
    await helper.session.get('/api/hours/pending').expect(403);
    const ids = pending.map((e) => e.id);
    await anna.post('/api/hours/decisions', { ids, decision: 'rejected', reason: ' ' }).expect(400);
    expect((await anna.post('/api/hours/decisions', { ids, decision: 'approved' }).expect(201)).body).toEqual({ decided: 2 });
    expect((await bo.post('/api/hours/decisions', { ids: [ids[0]], decision: 'rejected', reason: 'Fel' }).expect(409)).body.code).toBe('HOURS_LOCKED');

    const [own] = await t.db.query(`INSERT INTO hours_entry (helper_id, date, minutes, activity) SELECT id, '2026-11-20', 30, 'meeting' FROM app_user WHERE name = 'Anna Andersson' RETURNING id`);
    expect((await anna.post('/api/hours/decisions', { ids: [own.id], decision: 'approved' }).expect(403)).body.code).toBe('SELF_APPROVAL');

    const mine = (await helper.session.get('/api/hours/mine?month=2026-11').expect(200)).body;
    expect(mine).toMatchObject({ month: '2026-11', monthApprovedMinutes: 210, monthPendingMinutes: 0, totalApprovedMinutes: 210 });
    const csv = await helper.session.get('/api/hours/mine.csv').expect(200);
    expect(csv.text).toContain('2026-11-20;training;120;2;approved');
    const audit = await t.db.query(`SELECT action FROM audit_log WHERE entity = 'hours_entry' AND entity_id = $1 ORDER BY id`, [ids[0]]);
    expect(audit.map((a: { action: string }) => a.action)).toEqual(['create', 'approve']);
  });

  it('reports approved hours per organisation: per helper with fees, or a total only when the organisation is paid', async () => {
    const org = (await anna.post('/api/organisations', { name: `Fontänhuset ${Date.now()}`, feeRecipient: 'person', hourlyRate: 150 }).expect(201)).body;
    await anna.post('/api/organisations', { name: org.name, feeRecipient: 'person', hourlyRate: null }).expect(400);
    await anna.put(`/api/helpers/${helper.id}/organisation`, { organisationId: org.id }).expect(200);
    const report = (await anna.get(`/api/organisations/${org.id}/report?month=2026-11`).expect(200)).body;
    expect(report).toMatchObject({ month: '2026-11', totalApprovedMinutes: 210, totalFee: 525, helpers: [{ helperId: helper.id, approvedMinutes: 210, fee: 525 }] });
    const pdf = await anna.get(`/api/organisations/${org.id}/report.pdf?month=2026-11`).buffer(true).parse(binary).expect(200).expect('Content-Type', 'application/pdf');
    expect(await pdfText(pdf.body)).toContain('Hana Haddad: 3.5 h, 525 kr');

    await anna.put(`/api/organisations/${org.id}`, { name: org.name, feeRecipient: 'organisation', hourlyRate: 150 }).expect(200);
    const total = (await anna.get(`/api/organisations/${org.id}/report?month=2026-11`).expect(200)).body;
    expect(total).toMatchObject({ helpers: null, totalApprovedMinutes: 210 });
    await anna.get(`/api/organisations/${org.id}/report?month=2026-13`).expect(400);
    await helper.session.get(`/api/organisations/${org.id}/report`).expect(403);
  });

  it('keeps a portfolio to its helper: another helper can neither see it nor export it', async () => {
    await otherHelper.session.get(`/api/ocn/portfolios/${helper.id}`).expect(403);
    await otherHelper.session.get(`/api/ocn/portfolios/${helper.id}/modules/${module.id}`).expect(403);
    await otherHelper.session.get(`/api/ocn/portfolios/${helper.id}/modules/${module.id}/portfolio.pdf`).expect(403);
    await otherHelper.session.post(`/api/ocn/portfolios/${helper.id}/modules/${module.id}/evidence`, { kind: 'reflection', criterionIds: [module.outcomes[0]?.criteria[0]?.id], text: 'x' }).expect(403);
    await t.http().get(`/api/ocn/portfolios/${helper.id}`).expect(401);
  });

  it('assesses, refuses credit with a criterion not met, refuses the assessor as quality assurer, and awards credit after a second person confirms', async () => {
    const criteria = module.outcomes.flatMap((o) => o.criteria);
    const [first, second] = criteria as unknown as [{ id: string }, { id: string }];
    const hoursIds = (await helper.session.get('/api/hours/mine?month=2026-11').expect(200)).body.entries.map((e: { id: string }) => e.id);
    const base = `/api/ocn/portfolios/${helper.id}/modules/${module.id}`;

    await helper.session.post(`${base}/evidence`, { kind: 'hours', criterionIds: [first.id], text: '', hoursEntryIds: hoursIds }).expect(201);
    await helper.session.post(`${base}/evidence`, { kind: 'reflection', criterionIds: [first.id, second.id], text: 'Jag lät personen själv skriva sin kod.' }).expect(201);
    await helper.session.post(`${base}/evidence`, { kind: 'witness-statement', criterionIds: [first.id], text: 'Jag såg det.' }).expect(403);
    await helper.session.post(`${base}/evidence`, { kind: 'reflection', criterionIds: ['00000000-0000-4000-8000-000000000000'], text: 'x' }).expect(400);
    await anna.post(`${base}/evidence`, { kind: 'witness-statement', criterionIds: criteria.map((c) => c.id), text: 'Hana vägleder lugnt och tydligt.' }).expect(201);

    const notAll = Object.fromEntries(criteria.map((c, i) => [c.id, { met: i !== 2, comment: i === 2 ? 'Inte visat än' : null }]));
    await anna.put(`${base}/assessment`, { decisions: { [first.id]: { met: true } } }).expect(400);
    await anna.put(`${base}/assessment`, { decisions: notAll }).expect(200);
    expect((await bo.post(`${base}/quality-assurance`).expect(409)).body.code).toBe('NOT_ALL_CRITERIA_MET');

    const allMet = Object.fromEntries(criteria.map((c) => [c.id, { met: true, comment: 'Uppfyllt' }]));
    await anna.put(`${base}/assessment`, { decisions: allMet }).expect(200);
    expect((await anna.post(`${base}/quality-assurance`).expect(403)).body.code).toBe('SAME_ASSESSOR_AND_ASSURER');
    await helper.session.post(`${base}/quality-assurance`).expect(403);
    const signed = (await bo.post(`${base}/quality-assurance`).expect(201)).body;
    expect(signed.assessment).toMatchObject({ assessorName: 'Anna Andersson', qualityAssurerName: 'Bo Berg', creditsAwarded: 3 });
    expect(signed.progress).toMatchObject({ criteriaWithEvidence: criteria.length, criteriaTotal: criteria.length, approvedHours: 3.5, notionalHours: 30 });
    expect((await anna.put(`${base}/assessment`, { decisions: allMet }).expect(409)).body.code).toBe('ALREADY_SIGNED_OFF');

    const mine = (await helper.session.get(`/api/ocn/portfolios/${helper.id}`).expect(200)).body;
    expect(mine.find((m: { module: { id: string } }) => m.module.id === module.id)).toMatchObject({ creditsAwarded: 3, qualityAssured: true });

    const pdf = await helper.session.get(`${base}/portfolio.pdf`).buffer(true).parse(binary).expect(200).expect('Content-Type', 'application/pdf');
    const text = await pdfText(pdf.body);
    for (const expected of ['Portfölj: Digital vägledning för andra', 'Hana Haddad', '1.1 Ta reda på vad personen behöver hjälp med', '3.2 Berätta var personen kan få hjälp', 'Bedömare: Anna Andersson', 'Intern kvalitetssäkrare: Bo Berg', 'Poäng: 3 av 3']) {
      expect(text.replace(/\s+/g, ' ')).toContain(expected);
    }
  });

  it('lets coordinators edit the catalogue, but not remove a criterion that has evidence, nor change a signed-off module', async () => {
    const input = {
      title: module.title,
      level: module.level,
      credits: module.credits,
      outcomes: module.outcomes.map((o) => ({ text: o.text, criteria: o.criteria.map((c) => ({ id: c.id, text: c.text })) })),
    };
    const addOutcome = { ...input, outcomes: [...input.outcomes, { text: 'Kunna lära sig av andra', criteria: [{ text: 'Be om återkoppling.' }] }] };
    // The module has a quality-assured assessment (previous test): its credit must not change afterwards.
    expect((await anna.put(`/api/ocn/modules/${module.id}`, addOutcome).expect(409)).body.code).toBe('MODULE_SIGNED_OFF');
    expect((await anna.put(`/api/ocn/modules/${module.id}`, { ...input, outcomes: input.outcomes.slice(1) }).expect(409)).body.code).toBe('CRITERION_IN_USE');
    const reworded = { ...input, outcomes: input.outcomes.map((o, i) => (i === 0 ? { ...o, text: `${o.text} (omformulerat)` } : o)) };
    expect((await anna.put(`/api/ocn/modules/${module.id}`, reworded).expect(200)).body.outcomes[0].text).toMatch(/omformulerat/);

    const created = (await anna.post('/api/ocn/modules', { ...addOutcome, title: 'Egen modul', outcomes: addOutcome.outcomes.slice(-1) }).expect(201)).body;
    expect(created.outcomes).toEqual([expect.objectContaining({ number: 1, criteria: [expect.objectContaining({ number: '1.1', text: 'Be om återkoppling.' })] })]);
    expect((await anna.post('/api/ocn/modules', { ...input, title: 'Stöld av kriterier' }).expect(400)).body.code).toBe('INVALID_MODULE');
    await anna.put(`/api/ocn/modules/${created.id}`, { ...addOutcome, title: 'Egen modul', outcomes: [{ text: 'x', criteria: [{ id: 'x', text: 'y' }] }] }).expect(400);
    await anna.put(`/api/ocn/modules/${module.id}`, { ...input, level: 4, credits: 0 }).expect(400);
    await helper.session.put(`/api/ocn/modules/${module.id}`, input).expect(403);
  });

  it('keeps unapproved or other people\'s hours out of a portfolio', async () => {
    const base = `/api/ocn/portfolios/${helper.id}/modules/${module.id}`;
    const criterion = module.outcomes[0]?.criteria[0]?.id;
    const pending = (await helper.session.post('/api/hours', { date: '2026-11-22', minutes: 45, activity: 'other' }).expect(201)).body;
    await helper.session.post(`${base}/evidence`, { kind: 'reflection', criterionIds: [criterion], text: 'x', hoursEntryIds: [pending.id] }).expect(400);
    await helper.session.post(`${base}/evidence`, { kind: 'hours', criterionIds: [criterion], text: '', hoursEntryIds: [pending.id] }).expect(400);
  });

});

/** Every page of the approval queue. */
const everyPending = (coordinator: Session) =>
  everyPage<{ id: string; helperId: string; date: string; flagged: boolean }>((page) => coordinator.get(`/api/hours/pending?page=${page}`).expect(200), 100);

describe('the approval queue, a page at a time', () => {
  it('pages through every pending entry once, flagged first, then the oldest', async () => {
    const t = await createTestApp();
    try {
      const coordinator = await signIn(t, await aUser(t.db, 'coordinator'));
      const helper = await aUser(t.db, 'helper');
      await t.db.query(
        `INSERT INTO hours_entry (helper_id, date, minutes, activity, flagged)
         SELECT $1, date '2026-01-01' + g, 30, 'meeting', g % 40 = 0 FROM generate_series(0, 129) g`,
        [helper.id],
      );
      const first = (await coordinator.get('/api/hours/pending').expect(200)).body;
      expect(first.items).toHaveLength(100);
      expect(first.total).toBeGreaterThanOrEqual(130);
      const mine = (await everyPending(coordinator)).filter((e) => e.helperId === helper.id);
      expect(mine).toHaveLength(130);
      expect(new Set(mine.map((e) => e.id)).size).toBe(130);
      const flagged = mine.filter((e) => e.flagged);
      expect(flagged.map((e) => e.date)).toEqual(['2026-01-01', '2026-02-10', '2026-03-22', '2026-05-01']);
      const rest = mine.filter((e) => !e.flagged).map((e) => e.date);
      expect(rest).toEqual([...rest].sort());
      const past = (await coordinator.get('/api/hours/pending?page=1000').expect(200)).body;
      expect(past).toMatchObject({ items: [], page: 1000, total: first.total });
      expect((await coordinator.get('/api/hours/pending?page=0').expect(400)).body.fields).toHaveProperty('page');
      await t.db.query(`DELETE FROM hours_entry WHERE helper_id = $1`, [helper.id]);
    } finally {
      await t.close();
    }
  });
});
