import { inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { TranslocoService } from '@jsverse/transloco';

export type Translate = (key: string, params?: Record<string, unknown>) => string;

/**
 * Translation in TypeScript (page titles, messages built in code) that signals can depend on:
 * anything computed with it runs again once the language has changed and its texts have loaded.
 * Call in an injection context.
 */
export function injectTranslate(): Translate {
  const transloco = inject(TranslocoService);
  const loaded = toSignal(transloco.selectTranslation());
  return (key, params) => {
    loaded();
    return transloco.translate(key, params);
  };
}
