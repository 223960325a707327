import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { currentTime } from '../../common/clock';
import { hashPassword } from '../../modules/auth/passwords';
import { demoUsers } from './demo-city';

/** What the demo accounts' passwords are after this start, for the banner. */
export interface DemoPasswords {
  /** `documented`: the README's; `random`: new ones, `logins` lists them; `none`: no demo account exists. */
  kind: 'documented' | 'random' | 'none';
  /** The documented passwords came back at this start (the last start before this one had opened the network). */
  restored: boolean;
  logins: { role: string; email: string; password: string }[];
}

const RANDOMISED = 'demo.passwords-random';
const DOCUMENTED = 'demo.passwords-documented';

/** 18 random bytes: 24 characters of base64url (≥ 16, as strong as a password needs to be). */
export const randomDemoPassword = (): string => randomBytes(18).toString('base64url');

/**
 * The README publishes the demo passwords, so they may only hold while nobody but this computer can reach
 * the server. A start others can reach (HOST beyond loopback, or production) gives every demo account that exists a new random
 * password (each such start; the old sign-ins are ended too). The next loopback start sets the documented
 * ones back — only then, so a password someone chose for a demo account during a loopback trial stays.
 * The audit log says which was done last (and tells coordinators why their password changed).
 */
export async function applyDemoPasswords(dataSource: DataSource, othersCanReach: boolean, now = currentTime()): Promise<DemoPasswords> {
  const rows: { id: string; email: string; role: string }[] = await dataSource.query(`SELECT id, email, role FROM app_user WHERE email = ANY($1::text[]) ORDER BY email`, [
    demoUsers.map((u) => u.email),
  ]);
  const existing = demoUsers.filter((u) => rows.some((r) => r.email === u.email));
  if (!existing.length) return { kind: 'none', restored: false, logins: [] };

  if (othersCanReach) {
    const logins = existing.map((u) => ({ role: u.role, email: u.email, password: randomDemoPassword() }));
    const hashed = await Promise.all(logins.map(async (l) => ({ email: l.email, hash: await hashPassword(l.password) })));
    await dataSource.transaction(async (tx) => {
      for (const h of hashed) await tx.query(`UPDATE app_user SET password_hash = $2 WHERE email = $1`, [h.email, h.hash]);
      await tx.query(`DELETE FROM auth_session WHERE user_id = ANY($1::uuid[])`, [rows.map((r) => r.id)]);
      await auditDemo(tx, RANDOMISED, now, existing.length);
    });
    return { kind: 'random', restored: false, logins };
  }

  const documented = existing.map((u) => ({ role: u.role, email: u.email, password: u.password }));
  const [last] = (await dataSource.query(`SELECT action FROM audit_log WHERE action = ANY($1::text[]) ORDER BY at DESC, id DESC LIMIT 1`, [[RANDOMISED, DOCUMENTED]])) as { action: string }[];
  if (last?.action !== RANDOMISED) return { kind: 'documented', restored: false, logins: documented };
  const hashed = await Promise.all(documented.map(async (l) => ({ email: l.email, hash: await hashPassword(l.password) })));
  await dataSource.transaction(async (tx) => {
    for (const h of hashed) await tx.query(`UPDATE app_user SET password_hash = $2 WHERE email = $1`, [h.email, h.hash]);
    await auditDemo(tx, DOCUMENTED, now, existing.length);
  });
  return { kind: 'documented', restored: true, logins: documented };
}

async function auditDemo(tx: { query: DataSource['query'] }, action: string, now: Date, accounts: number): Promise<void> {
  // The start-up itself is the actor (no person): the same columns AuditService.record writes.
  await tx.query(`INSERT INTO audit_log (at, actor_id, action, entity, entity_id, details) VALUES ($1, NULL, $2, 'app_user', NULL, $3)`, [now, action, JSON.stringify({ accounts })]);
}
