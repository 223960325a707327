import { httpResource } from '@angular/common/http';
import { Injectable } from '@angular/core';
import type { VisitCategoryView } from '@digihjalpen/domain';

/** Visit categories, for the helper's form and the coordinator's log. */
@Injectable({ providedIn: 'root' })
export class VisitsApi {
  /** Built-in categories first, then those coordinators added; Swedish labels. */
  categories() {
    return httpResource<VisitCategoryView[]>(() => '/api/visit-categories', { defaultValue: [] });
  }
}
