import { HttpClient, httpResource } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { CriterionDecision, EvidenceInput, ModuleSummaryView, OcnModule, OcnModuleInput, PortfolioView } from '@digihjalpen/domain';
import { firstValueFrom } from 'rxjs';

const portfolioUrl = (helperId: string, moduleId: string) => `/api/ocn/portfolios/${helperId}/modules/${moduleId}`;

/** The portfolio PDF (a plain link: the browser downloads it with the session cookie; the API audits it). */
export function portfolioPdfUrl(helperId: string, moduleId: string): string {
  return `${portfolioUrl(helperId, moduleId)}/portfolio.pdf`;
}

/**
 * OCN validation, for helpers (their own portfolio) and coordinators (everyone's, the catalogue,
 * assessment and quality assurance). Reads are resources (signals), writes are promises.
 * A resource whose id is `undefined` sends no request.
 */
@Injectable({ providedIn: 'root' })
export class OcnApi {
  private readonly http = inject(HttpClient);

  modules() {
    return httpResource<OcnModule[]>(() => '/api/ocn/modules', { defaultValue: [] });
  }

  /** A helper's modules with progress. */
  summaries(helperId: () => string | undefined) {
    return httpResource<ModuleSummaryView[]>(
      () => {
        const id = helperId();
        return id ? `/api/ocn/portfolios/${id}` : undefined;
      },
      { defaultValue: [] },
    );
  }

  portfolio(ids: () => { helperId: string; moduleId: string } | undefined) {
    return httpResource<PortfolioView>(() => {
      const current = ids();
      return current ? portfolioUrl(current.helperId, current.moduleId) : undefined;
    });
  }

  addEvidence(helperId: string, moduleId: string, evidence: EvidenceInput): Promise<PortfolioView> {
    return firstValueFrom(this.http.post<PortfolioView>(`${portfolioUrl(helperId, moduleId)}/evidence`, evidence));
  }

  /** Every criterion must be decided; refused once quality-assured. */
  assess(helperId: string, moduleId: string, decisions: Record<string, CriterionDecision>): Promise<PortfolioView> {
    return firstValueFrom(this.http.put<PortfolioView>(`${portfolioUrl(helperId, moduleId)}/assessment`, { decisions }));
  }

  /** Refused for the assessor, and while a criterion is not met. */
  qualityAssure(helperId: string, moduleId: string): Promise<PortfolioView> {
    return firstValueFrom(this.http.post<PortfolioView>(`${portfolioUrl(helperId, moduleId)}/quality-assurance`, null));
  }

  /** Creates a module, or changes one (`id`); criteria sent with their id keep it. */
  saveModule(module: OcnModuleInput, id?: string): Promise<OcnModule> {
    return firstValueFrom(id ? this.http.put<OcnModule>(`/api/ocn/modules/${id}`, module) : this.http.post<OcnModule>('/api/ocn/modules', module));
  }
}
