import { HttpClient, httpResource } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { AccountListed, AccountPage, AccountQuery, DeactivationResult, InvitationResent, PasswordResetSent } from '@digihjalpen/domain';
import { firstValueFrom } from 'rxjs';

/** The query as parameters: only what is set. */
export function accountParams(query: AccountQuery): Record<string, string> {
  const params: Record<string, string> = {};
  const q = query.q?.trim();
  if (q) params['q'] = q;
  if (query.role) params['role'] = query.role;
  if (query.status) params['status'] = query.status;
  if (query.belongsTo) params['belongsTo'] = query.belongsTo;
  params['page'] = String(query.page ?? 1);
  return params;
}

/** People and accounts (coordinators only). Reads are resources (signals), writes are promises. */
@Injectable({ providedIn: 'root' })
export class PeopleApi {
  private readonly http = inject(HttpClient);

  accounts(query: () => AccountQuery) {
    return httpResource<AccountPage>(() => ({ url: '/api/accounts', params: accountParams(query()) }));
  }

  deactivate(id: string): Promise<DeactivationResult> {
    return firstValueFrom(this.http.post<DeactivationResult>(`/api/accounts/${id}/deactivate`, null));
  }

  reactivate(id: string): Promise<AccountListed> {
    return firstValueFrom(this.http.post<AccountListed>(`/api/accounts/${id}/reactivate`, null));
  }

  resendInvitation(id: string): Promise<InvitationResent> {
    return firstValueFrom(this.http.post<InvitationResent>(`/api/accounts/${id}/invitation/resend`, null));
  }

  revokeInvitation(id: string): Promise<AccountListed> {
    return firstValueFrom(this.http.post<AccountListed>(`/api/accounts/${id}/invitation/revoke`, null));
  }

  sendPasswordReset(id: string): Promise<PasswordResetSent> {
    return firstValueFrom(this.http.post<PasswordResetSent>(`/api/accounts/${id}/password-reset`, null));
  }
}
