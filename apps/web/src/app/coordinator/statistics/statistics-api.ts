import { HttpClient, httpResource } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { CapacitySignalsView, DashboardView, Site, WeeklySummarySetting } from '@digihjalpen/domain';
import { firstValueFrom } from 'rxjs';
import { dashboardParams, type StatisticsFilters } from './statistics-filters';

/** The coordinator's statistics: the dashboard, capacity signals and the Monday summary. */
@Injectable({ providedIn: 'root' })
export class StatisticsApi {
  private readonly http = inject(HttpClient);

  /** Every site (also closed ones: their past visits still count), for the site filter. */
  sites() {
    return httpResource<Site[]>(() => '/api/sites', { defaultValue: [] });
  }

  dashboard(filters: () => StatisticsFilters) {
    return httpResource<DashboardView>(() => ({ url: '/api/insights/dashboard', params: dashboardParams(filters()) }));
  }

  capacity() {
    return httpResource<CapacitySignalsView>(() => '/api/insights/capacity');
  }

  weeklySummary() {
    return httpResource<WeeklySummarySetting>(() => '/api/insights/weekly-summary');
  }

  async saveWeeklySummary(enabled: boolean): Promise<WeeklySummarySetting> {
    return firstValueFrom(this.http.put<WeeklySummarySetting>('/api/insights/weekly-summary', { enabled } satisfies WeeklySummarySetting));
  }
}
