/**
 * A small interpreter for the ICU MessageFormat our translation files use: `{name}`, `plural` (with
 * `offset:`, `=N`, `#` and the language's CLDR categories from Intl.PluralRules), `select`,
 * apostrophe quoting, and Transloco's own `{{ param }}`. It walks a parsed tree and never generates
 * code, so the page runs under a Content-Security-Policy without 'unsafe-eval'
 * (@messageformat/core compiles every message with `new Function`).
 */

export type IcuNode =
  | { readonly type: 'text'; readonly value: string }
  | { readonly type: 'argument'; readonly name: string }
  /** Transloco's `{{ path }}`: a parameter (dotted paths allowed) or, failing that, another key. */
  | { readonly type: 'param'; readonly path: string }
  | { readonly type: 'pound' }
  | { readonly type: 'plural'; readonly name: string; readonly offset: number; readonly cases: ReadonlyMap<string, IcuMessage> }
  | { readonly type: 'select'; readonly name: string; readonly cases: ReadonlyMap<string, IcuMessage> };

export type IcuMessage = readonly IcuNode[];

export class IcuSyntaxError extends Error {
  constructor(message: string, source: string, position: number) {
    super(`${message} at position ${position} in "${source}"`);
    this.name = 'IcuSyntaxError';
  }
}

const SPACE = /\s/;
const NAME_END = /[\s,{}]/;

/** Parses once; the tree is then formatted for any parameters and language. */
export function parseIcu(source: string): IcuMessage {
  const parser = new Parser(source);
  const message = parser.message(false, false);
  if (parser.pos < source.length) parser.fail('Unmatched "}"');
  return message;
}

class Parser {
  pos = 0;

  constructor(private readonly src: string) {}

  fail(message: string, at = this.pos): never {
    throw new IcuSyntaxError(message, this.src, at);
  }

  /** Text and arguments up to an unmatched `}` (inside a case) or the end. `#` counts only in a plural case. */
  message(inCase: boolean, inPlural: boolean): IcuMessage {
    const nodes: IcuNode[] = [];
    let text = '';
    const flush = () => {
      if (text) nodes.push({ type: 'text', value: text });
      text = '';
    };
    while (this.pos < this.src.length) {
      const ch = this.src[this.pos];
      if (ch === "'") {
        text += this.apostrophe(inPlural);
      } else if (ch === '{' && this.src[this.pos + 1] === '{') {
        flush();
        nodes.push(this.translocoParam());
      } else if (ch === '{') {
        flush();
        nodes.push(this.argument(inPlural));
      } else if (ch === '}') {
        if (!inCase) this.fail('Unmatched "}"');
        break;
      } else if (ch === '#' && inPlural) {
        flush();
        nodes.push({ type: 'pound' });
        this.pos++;
      } else {
        text += ch;
        this.pos++;
      }
    }
    flush();
    return nodes;
  }

  /**
   * ICU's rule (ApostropheMode.DOUBLE_OPTIONAL): `''` is one apostrophe; an apostrophe before `{`, `}`
   * (or `#` in a plural) quotes up to the next lone apostrophe; any other apostrophe is just text,
   * so "the library's phone" needs no escaping.
   */
  private apostrophe(inPlural: boolean): string {
    const next = this.src[this.pos + 1];
    if (next === "'") {
      this.pos += 2;
      return "'";
    }
    if (next !== '{' && next !== '}' && !(next === '#' && inPlural)) {
      this.pos++;
      return "'";
    }
    let quoted = '';
    this.pos++;
    while (this.pos < this.src.length) {
      const ch = this.src[this.pos];
      if (ch === "'" && this.src[this.pos + 1] === "'") {
        quoted += "'";
        this.pos += 2;
      } else if (ch === "'") {
        this.pos++;
        return quoted;
      } else {
        quoted += ch;
        this.pos++;
      }
    }
    return quoted; // ICU: an unclosed quote runs to the end of the message
  }

  private translocoParam(): IcuNode {
    const start = this.pos;
    const end = this.src.indexOf('}}', start + 2);
    if (end < 0) this.fail('Unclosed "{{"', start);
    const path = this.src.slice(start + 2, end).trim();
    if (!path) this.fail('Empty "{{ }}"', start);
    this.pos = end + 2;
    return { type: 'param', path };
  }

  private argument(inPlural: boolean): IcuNode {
    const start = this.pos;
    this.pos++; // {
    this.skipSpace();
    const name = this.word();
    if (!name) this.fail('Expected an argument name', start);
    this.skipSpace();
    if (this.eat('}')) return { type: 'argument', name };
    if (!this.eat(',')) this.fail(`Expected "," or "}" after "${name}"`);
    this.skipSpace();
    const kind = this.word();
    this.skipSpace();
    if (kind !== 'plural' && kind !== 'select') this.fail(`Unsupported argument type "${kind}" (only plural and select)`);
    if (!this.eat(',')) this.fail(`Expected "," after "${kind}"`);
    let offset = 0;
    this.skipSpace();
    if (kind === 'plural' && this.src.startsWith('offset:', this.pos)) {
      this.pos += 'offset:'.length;
      this.skipSpace();
      const digits = this.word();
      if (!/^\d+$/.test(digits)) this.fail('Expected a whole number after "offset:"');
      offset = Number(digits);
    }
    const cases = this.cases(kind === 'plural', inPlural);
    if (!cases.has('other')) this.fail(`"${name}" has no "other" case`, start);
    return kind === 'plural' ? { type: 'plural', name, offset, cases } : { type: 'select', name, cases };
  }

  private cases(plural: boolean, inPlural: boolean): Map<string, IcuMessage> {
    const cases = new Map<string, IcuMessage>();
    for (;;) {
      this.skipSpace();
      if (this.eat('}')) return cases;
      const keyAt = this.pos;
      const key = this.word();
      if (!key) this.fail('Expected a case key or "}"');
      if (plural && key.startsWith('=') && !/^=-?\d+(\.\d+)?$/.test(key)) this.fail(`Bad exact match "${key}"`, keyAt);
      if (cases.has(key)) this.fail(`Duplicate case "${key}"`, keyAt);
      this.skipSpace();
      if (!this.eat('{')) this.fail(`Expected "{" after "${key}"`);
      // `#` belongs to the nearest plural; a select inside a plural keeps it.
      cases.set(key, this.message(true, plural || inPlural));
      if (!this.eat('}')) this.fail(`Unclosed case "${key}"`, keyAt);
    }
  }

  private word(): string {
    const start = this.pos;
    while (this.pos < this.src.length && !NAME_END.test(this.src[this.pos] ?? '')) this.pos++;
    return this.src.slice(start, this.pos);
  }

  private skipSpace(): void {
    while (this.pos < this.src.length && SPACE.test(this.src[this.pos] ?? '')) this.pos++;
  }

  private eat(ch: string): boolean {
    if (this.src[this.pos] !== ch) {
      if (this.pos >= this.src.length) this.fail(`Unexpected end, expected "${ch}"`);
      return false;
    }
    this.pos++;
    return true;
  }
}

export interface IcuContext {
  readonly lang: string;
  readonly params: Readonly<Record<string, unknown>>;
  /** Resolves a `{{ path }}` (Transloco's own interpolation). */
  readonly param: (path: string) => string;
}

const pluralRules = new Map<string, Intl.PluralRules>();
const numberFormats = new Map<string, Intl.NumberFormat>();

function cached<T>(cache: Map<string, T>, lang: string, make: () => T): T {
  let value = cache.get(lang);
  if (!value) cache.set(lang, (value = make()));
  return value;
}

export function formatIcu(message: IcuMessage, context: IcuContext, pound?: number): string {
  let out = '';
  for (const node of message) {
    switch (node.type) {
      case 'text':
        out += node.value;
        break;
      case 'argument': {
        const value = context.params[node.name];
        out += value === undefined || value === null ? '' : String(value);
        break;
      }
      case 'param':
        out += context.param(node.path);
        break;
      case 'pound':
        out += pound === undefined ? '#' : cached(numberFormats, context.lang, () => new Intl.NumberFormat(context.lang)).format(pound);
        break;
      case 'plural': {
        const value = Number(context.params[node.name]);
        const exact = node.cases.get(`=${value}`);
        const category = cached(pluralRules, context.lang, () => new Intl.PluralRules(context.lang)).select(value - node.offset);
        const chosen = exact ?? node.cases.get(category) ?? node.cases.get('other') ?? [];
        out += formatIcu(chosen, context, value - node.offset);
        break;
      }
      case 'select': {
        const chosen = node.cases.get(String(context.params[node.name])) ?? node.cases.get('other') ?? [];
        out += formatIcu(chosen, context, pound);
        break;
      }
    }
  }
  return out;
}

/** The plural categories a message uses that the language does not have (CLDR), e.g. "few" in Swedish. */
export function foreignPluralKeys(message: IcuMessage, lang: string): string[] {
  const known = new Set<string>(new Intl.PluralRules(lang).resolvedOptions().pluralCategories);
  const foreign: string[] = [];
  const visit = (nodes: IcuMessage) => {
    for (const node of nodes) {
      if (node.type !== 'plural' && node.type !== 'select') continue;
      for (const [key, branch] of node.cases) {
        if (node.type === 'plural' && !key.startsWith('=') && !known.has(key as Intl.LDMLPluralRule)) foreign.push(key);
        visit(branch);
      }
    }
  };
  visit(message);
  return foreign;
}
