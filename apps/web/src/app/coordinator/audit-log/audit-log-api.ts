import { httpResource } from '@angular/common/http';
import { Injectable } from '@angular/core';
import type { AuditPage } from '@digihjalpen/domain';
import { auditParams, type AuditFilters } from './audit-log-filters';

/** Rows per page of the audit log (the API's page size). */
export const AUDIT_PAGE_SIZE = 50;

/** The audit log (GET /api/audit, coordinators only): newest first, a page at a time. */
@Injectable({ providedIn: 'root' })
export class AuditLogApi {
  page(filters: () => AuditFilters) {
    return httpResource<AuditPage>(() => ({ url: '/api/audit', params: auditParams(filters()) }));
  }
}
