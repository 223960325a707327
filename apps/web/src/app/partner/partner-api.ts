import { HttpClient, httpResource } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { FunnelView, PartnerView, Period, ReferralCodeInput, ReferralCodeView } from '@digihjalpen/domain';
import { firstValueFrom } from 'rxjs';

const partnerPath = (partnerId: string) => `/api/partners/${encodeURIComponent(partnerId)}`;
const codePath = (partnerId: string, code: string) => `${partnerPath(partnerId)}/referral-codes/${encodeURIComponent(code)}`;

/** The printable slip of a code (PDF: the code, a QR code of its link, the library's address and next times). */
export function slipUrl(partnerId: string, code: string): string {
  return `${codePath(partnerId, code)}/slip.pdf`;
}

/**
 * Partners and their referrals: the partner's own page and the coordinator's partner page use the same
 * endpoints with a partner id. Reads are resources (signals), writes are promises.
 */
@Injectable({ providedIn: 'root' })
export class PartnerApi {
  private readonly http = inject(HttpClient);

  /** Every partner organisation (coordinators only). */
  partners() {
    return httpResource<PartnerView[]>(() => '/api/partners', { defaultValue: [] });
  }

  createPartner(name: string): Promise<PartnerView> {
    return firstValueFrom(this.http.post<PartnerView>('/api/partners', { name }));
  }

  /** A partner's funnel; no period: the API's default (the last 90 days). No partner: no request. */
  funnel(query: () => { partnerId: string | null; period: Period | null }) {
    return httpResource<FunnelView>(() => {
      const { partnerId, period } = query();
      if (!partnerId) return undefined;
      const url = `${partnerPath(partnerId)}/funnel`;
      return period ? { url, params: { from: period.from, to: period.to } } : { url };
    });
  }

  /** A partner's codes, newest first. No partner: no request. */
  codes(partnerId: () => string | null) {
    return httpResource<ReferralCodeView[]>(() => {
      const id = partnerId();
      return id ? `${partnerPath(id)}/referral-codes` : undefined;
    });
  }

  createCode(partnerId: string, input: ReferralCodeInput): Promise<ReferralCodeView> {
    return firstValueFrom(this.http.post<ReferralCodeView>(`${partnerPath(partnerId)}/referral-codes`, input));
  }

  /** The code stops counting as active; slips already handed out still let people book. */
  revokeCode(partnerId: string, code: string): Promise<void> {
    return firstValueFrom(this.http.delete<void>(codePath(partnerId, code)));
  }
}
