import { DOCUMENT } from '@angular/common';
import { HttpClient } from '@angular/common/http';
import { DestroyRef, Injectable, InjectionToken, computed, effect, inject, signal, untracked } from '@angular/core';
import type { VisitInput, VisitView } from '@digihjalpen/domain';
import { Subject, firstValueFrom } from 'rxjs';
import { AuthService } from '../../auth/auth.service';
import { toApiError, type ApiError } from '../api-error';
import { WEB_CRYPTO } from '../web-crypto';
import { importQueueKey, seal, unseal } from './queue-crypto';

/** Where sealed entries are kept between page loads (the browser's localStorage). */
export const QUEUE_STORAGE = new InjectionToken<Storage | null>('QUEUE_STORAGE', {
  providedIn: 'root',
  factory: () => {
    try {
      return inject(DOCUMENT).defaultView?.localStorage ?? null;
    } catch {
      return null; // storage switched off: the queue lives in memory only
    }
  },
});

/** One storage item per visit (`dh-visit-queue:<clientId>`), so two tabs never overwrite each other's. */
export const QUEUE_PREFIX = 'dh-visit-queue:';
/** Waiting visits are tried again this often, and at once when the browser says it is online. */
export const RETRY_MS = 15_000;
/** How long saving waits for the API before telling the helper the visit is queued. */
export const FIRST_TRY_MS = 4_000;

export interface QueuedVisit {
  input: VisitInput;
  /** When the helper saved it (ISO 8601). */
  savedAt: string;
  /** Why the API refused it (4xx): the helper corrects or removes it. Null while it waits to be sent. */
  problem: ApiError | null;
}

export type SaveResult = { status: 'sent'; visit: VisitView } | { status: 'queued' } | { status: 'refused'; error: ApiError };

/** No answer, a timeout, too many requests, a server error, or a sign-in that has to be renewed: try again later. */
function worthRetrying(status: number): boolean {
  return status === 0 || status === 401 || status === 408 || status === 429 || status >= 500;
}

/** `work`'s result, or `fallback` when it takes longer than `ms` (the work goes on). */
function withDeadline<T>(work: Promise<T>, ms: number, fallback: T): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<T>((resolve) => (timer = setTimeout(() => resolve(fallback), ms)));
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

/**
 * Visits on their way to the API. Saving always works: the visit is sealed (AES-GCM, the sign-in's
 * key) into the browser's storage and sent; when the network or the server fails it waits and is
 * sent again, with the same client id, so a retry never stores a visit twice. A refusal (4xx) is
 * kept for the helper to correct. Signing out clears the queue; when a sign-in times out the stored
 * entries are removed (their key is gone) and only this page's memory keeps them, in case the same
 * helper signs in again here.
 */
@Injectable({ providedIn: 'root' })
export class VisitQueue {
  private readonly http = inject(HttpClient);
  private readonly auth = inject(AuthService);
  private readonly crypto = inject(WEB_CRYPTO);
  private readonly storage = inject(QUEUE_STORAGE);

  private readonly entries = signal<readonly QueuedVisit[]>([]);
  private key: CryptoKey | null = null;
  private keyText: string | null = null;
  /** The helper the entries in memory belong to. */
  private owner: string | null = null;
  private readonly inFlight = new Map<string, Promise<SaveResult>>();
  private flushing: Promise<void> | null = null;
  private following: Promise<void> = Promise.resolve();
  private readonly sentVisits = new Subject<VisitView>();

  /** Visits in their first try, while the form still says "Sparar …": not waiting yet. */
  private readonly firstTry = signal<ReadonlySet<string>>(new Set());

  readonly all = this.entries.asReadonly();
  /** Visits waiting to be sent: the first try failed or took too long. */
  readonly waitingVisits = computed(() => this.entries().filter((e) => !e.problem && !this.firstTry().has(e.input.clientId)));
  readonly waiting = computed(() => this.waitingVisits().length);
  /** Visits the API refused, to correct or remove. */
  readonly problems = computed(() => this.entries().filter((e) => e.problem !== null));
  /** Every visit the API has stored, as it answered. */
  readonly sent$ = this.sentVisits.asObservable();

  constructor() {
    effect(() => {
      const userId = this.auth.user()?.id ?? null;
      const keyText = this.auth.protection()?.queueKey ?? null;
      untracked(() => {
        // One sign-in change at a time, in order; a failure must not stop the ones after it.
        this.following = this.following.then(() => this.follow(userId, keyText)).catch(() => undefined);
      });
    });
    const win = inject(DOCUMENT).defaultView;
    const onOnline = () => void this.flush();
    win?.addEventListener('online', onOnline);
    const timer = setInterval(() => {
      if (this.waiting() > 0) void this.flush();
    }, RETRY_MS);
    inject(DestroyRef).onDestroy(() => {
      win?.removeEventListener('online', onOnline);
      clearInterval(timer);
    });
  }

  /** Resolves once the queue has caught up with the latest sign-in (key imported, stored entries read). */
  settled(): Promise<void> {
    return this.following;
  }

  /**
   * Queues the visit and tries to send it. Resolves "sent" when the API stored it, "queued" when it
   * will be sent later (no network, server trouble, or no answer within FIRST_TRY_MS), and "refused"
   * with the API's problem (the visit is then taken out of the queue: the form still has it).
   */
  async save(input: VisitInput): Promise<SaveResult> {
    const userId = this.auth.user()?.id ?? null;
    if (this.owner !== userId) {
      this.entries.set([]);
      this.owner = userId;
    }
    const entry: QueuedVisit = { input, savedAt: new Date().toISOString(), problem: null };
    const id = input.clientId;
    this.firstTry.update((set) => new Set(set).add(id));
    try {
      this.put(entry);
      await this.store(entry);
      const result = await withDeadline<SaveResult>(this.send(id), FIRST_TRY_MS, { status: 'queued' });
      if (result.status === 'refused') this.discard(id);
      return result;
    } finally {
      this.firstTry.update((set) => {
        const next = new Set(set);
        next.delete(id);
        return next;
      });
    }
  }

  /** Sends every waiting visit, one at a time; stops at the first that cannot get through. */
  flush(): Promise<void> {
    if (this.flushing) return this.flushing;
    const run = async () => {
      // Start on the next turn: "flushing" must be set before the run can end and clear it.
      await Promise.resolve();
      try {
        for (const entry of this.entries().filter((e) => !e.problem)) {
          if (!this.mayPost()) break;
          if ((await this.send(entry.input.clientId)).status === 'queued') break;
        }
      } finally {
        this.flushing = null;
      }
    };
    this.flushing = run();
    return this.flushing;
  }

  /** Removes one visit, unsent, from the queue. */
  discard(clientId: string): void {
    this.entries.update((list) => list.filter((e) => e.input.clientId !== clientId));
    this.unstore(clientId);
  }

  /** Forgets every queued visit and the key (signing out, switching helper, idle sign-out). */
  clear(): void {
    this.entries.set([]);
    this.owner = null;
    this.key = null;
    this.keyText = null;
    this.removeAllStored();
  }

  private async follow(userId: string | null, keyText: string | null): Promise<void> {
    if (!userId) {
      if (this.keyText !== null) {
        // The sign-in ended: what is stored was sealed with a key nobody will get again.
        this.key = null;
        this.keyText = null;
        this.removeAllStored();
      }
      if (this.auth.endReason() === 'signed-out') this.clear();
      return;
    }
    if (this.owner !== userId) {
      // Another helper's visits are never sent in this helper's name.
      this.entries.set([]);
      this.owner = userId;
    }
    if (!keyText || keyText === this.keyText) return;
    try {
      this.key = await importQueueKey(this.crypto, keyText);
      this.keyText = keyText;
    } catch {
      this.key = null; // a bad key: keep the queue in memory only
      this.keyText = keyText;
    }
    for (const entry of await this.readStored()) {
      if (!this.entries().some((e) => e.input.clientId === entry.input.clientId)) this.put(entry);
    }
    // Entries kept in memory over an ended sign-in are sealed again with the new key.
    for (const entry of this.entries()) await this.store(entry);
    void this.flush();
  }

  private mayPost(): boolean {
    const userId = this.auth.user()?.id;
    return !!userId && userId === this.owner;
  }

  private send(clientId: string): Promise<SaveResult> {
    const running = this.inFlight.get(clientId);
    if (running) return running;
    const attempt = this.post(clientId).finally(() => this.inFlight.delete(clientId));
    this.inFlight.set(clientId, attempt);
    return attempt;
  }

  private async post(clientId: string): Promise<SaveResult> {
    const entry = this.find(clientId);
    if (!entry) return { status: 'queued' };
    try {
      const visit = await firstValueFrom(this.http.post<VisitView>('/api/visits', entry.input));
      this.discard(clientId);
      this.sentVisits.next(visit);
      return { status: 'sent', visit };
    } catch (error) {
      const problem = toApiError(error);
      if (worthRetrying(problem.status)) return { status: 'queued' };
      const current = this.find(clientId);
      if (current) {
        const refused = { ...current, problem };
        this.put(refused);
        await this.store(refused);
      }
      return { status: 'refused', error: problem };
    }
  }

  private find(clientId: string): QueuedVisit | undefined {
    return this.entries().find((e) => e.input.clientId === clientId);
  }

  private put(entry: QueuedVisit): void {
    this.entries.update((list) => {
      const at = list.findIndex((e) => e.input.clientId === entry.input.clientId);
      return at < 0 ? [...list, entry] : list.map((e, i) => (i === at ? entry : e));
    });
  }

  private async store(entry: QueuedVisit): Promise<void> {
    const key = this.key;
    if (!key || !this.storage) return;
    const slot = QUEUE_PREFIX + entry.input.clientId;
    try {
      const sealed = await seal(this.crypto, key, JSON.stringify(entry), slot);
      // Sent or removed while it was being sealed: do not bring it back.
      if (this.key === key && this.find(entry.input.clientId)) this.storage.setItem(slot, sealed);
    } catch {
      // Storage full or switched off: the visit stays in this page's memory.
    }
  }

  private unstore(clientId: string): void {
    this.unstoreSlot(QUEUE_PREFIX + clientId);
  }

  private storedSlots(): string[] {
    const storage = this.storage;
    const slots: string[] = [];
    try {
      for (let i = 0; storage && i < storage.length; i += 1) {
        const name = storage.key(i);
        if (name?.startsWith(QUEUE_PREFIX)) slots.push(name);
      }
    } catch {
      // storage switched off
    }
    return slots;
  }

  /** The stored entries this key opens; the others (from an ended sign-in) are removed. */
  private async readStored(): Promise<QueuedVisit[]> {
    const key = this.key;
    const found: QueuedVisit[] = [];
    for (const slot of this.storedSlots()) {
      try {
        const sealed = this.storage?.getItem(slot);
        if (!key || !sealed) throw new Error('Cannot open');
        found.push(JSON.parse(await unseal(this.crypto, key, sealed, slot)) as QueuedVisit);
      } catch {
        if (key) this.unstoreSlot(slot);
      }
    }
    return found.sort((a, b) => a.savedAt.localeCompare(b.savedAt));
  }

  private removeAllStored(): void {
    for (const slot of this.storedSlots()) this.unstoreSlot(slot);
  }

  private unstoreSlot(slot: string): void {
    try {
      this.storage?.removeItem(slot);
    } catch {
      // nothing stored
    }
  }
}
