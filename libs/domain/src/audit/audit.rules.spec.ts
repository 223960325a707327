import { auditActionLabel, isAuditGroup } from './audit.rules';

describe('auditActionLabel', () => {
  it('names actions in Swedish, from a name or a verb and the kind of object', () => {
    expect(auditActionLabel('auth.locked', 'app_user')).toBe('Kontot låstes efter för många försök');
    expect(auditActionLabel('export', 'hours_entry')).toBe('Exporterade timrapport');
    expect(auditActionLabel('approve', 'hours_entry')).toBe('Godkände timrapport');
    expect(auditActionLabel('something', 'thing')).toBe('something thing');
  });
  it('knows its groups', () => {
    expect(isAuditGroup('sign-in')).toBe(true);
    expect(isAuditGroup("'; DROP TABLE audit_log; --")).toBe(false);
  });
});
