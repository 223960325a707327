import { Injectable, isDevMode, makeEnvironmentProviders, type EnvironmentProviders } from '@angular/core';
import { DefaultTranspiler, getValue, TRANSLOCO_TRANSPILER, type Translation, type TranspileParams } from '@jsverse/transloco';
import { formatIcu, parseIcu, type IcuMessage } from './icu-message';
import { DEFAULT_UI_LANGUAGE } from './languages';

const MAX_CACHED = 2000;

/**
 * Transloco's transpiler for ICU plurals and selects ("1 tid ledig" / "3 tider lediga"; Arabic has six
 * forms), interpreted from a parsed tree: unlike @jsverse/transloco-messageformat it needs no
 * 'unsafe-eval' in the Content-Security-Policy. Parameter values are inserted after parsing, so a
 * name with "{" or "'" in it is shown as typed.
 */
@Injectable()
export class IcuTranspiler extends DefaultTranspiler {
  private lang: string = DEFAULT_UI_LANGUAGE;
  private readonly parsed = new Map<string, IcuMessage | null>();

  override transpile({ value, params = {}, translation, key }: TranspileParams): unknown {
    if (typeof value !== 'string') return super.transpile({ value, params, translation, key });
    if (!value.includes('{') && !value.includes("'")) return value;
    const message = this.parse(value);
    if (!message) return value;
    return formatIcu(message, {
      lang: this.lang,
      params,
      param: (path) => this.param(path, params, translation, key),
    });
  }

  onLangChanged(lang: string): void {
    this.lang = lang;
  }

  /** As Transloco's default: a parameter, else another key of the same translation, else nothing. */
  private param(path: string, params: Record<string, unknown>, translation: Translation, key: string): string {
    const value: unknown = getValue(params, path);
    if (value !== undefined && value !== null) return String(value);
    const other: unknown = translation[path];
    if (other === undefined || other === null) return '';
    return String(this.transpile({ value: other, params, translation, key }));
  }

  private parse(text: string): IcuMessage | null {
    const hit = this.parsed.get(text);
    if (hit !== undefined) return hit;
    let message: IcuMessage | null = null;
    try {
      message = parseIcu(text);
    } catch (error) {
      // translations.spec.ts parses every text, so this is a text added without running the tests: show it raw.
      if (isDevMode()) console.error(error);
    }
    if (this.parsed.size >= MAX_CACHED) this.parsed.clear();
    this.parsed.set(text, message);
    return message;
  }
}

export function provideIcuTranspiler(): EnvironmentProviders {
  return makeEnvironmentProviders([{ provide: TRANSLOCO_TRANSPILER, useClass: IcuTranspiler }]);
}
