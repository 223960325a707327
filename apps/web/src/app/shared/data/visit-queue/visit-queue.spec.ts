import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting, type TestRequest } from '@angular/common/http/testing';
import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import type { AuthUser } from '@digihjalpen/domain';
import { AuthService, type SignInProtection, type SignOutReason } from '../../auth/auth.service';
import { aHelper } from '../../../testing/staffing';
import { MemoryStorage, aQueueKey, aVisitInput, aVisitView, testCrypto } from '../../../testing/visits';
import { WEB_CRYPTO } from '../web-crypto';
import { importQueueKey, seal, unseal } from './queue-crypto';
import { QUEUE_PREFIX, QUEUE_STORAGE, RETRY_MS, VisitQueue } from './visit-queue';

describe('queue crypto', () => {
  it('opens what it sealed, and nothing else: not with another key, not in another slot', async () => {
    const key = await importQueueKey(testCrypto, aQueueKey(1));
    const sealed = await seal(testCrypto, key, '{"categories":["bankid"]}', 'dh-visit-queue:a');
    expect(sealed).not.toContain('bankid');
    expect(await unseal(testCrypto, key, sealed, 'dh-visit-queue:a')).toBe('{"categories":["bankid"]}');

    const other = await importQueueKey(testCrypto, aQueueKey(2));
    await expect(unseal(testCrypto, other, sealed, 'dh-visit-queue:a')).rejects.toThrow();
    await expect(unseal(testCrypto, key, sealed, 'dh-visit-queue:b')).rejects.toThrow();
  });

  it('uses a fresh IV every time and keeps the key unreadable', async () => {
    const key = await importQueueKey(testCrypto, aQueueKey(1));
    const a = await seal(testCrypto, key, 'same', 'slot');
    const b = await seal(testCrypto, key, 'same', 'slot');
    expect(a).not.toBe(b);
    expect(key.extractable).toBe(false);
    await expect(importQueueKey(testCrypto, 'c2hvcnQ=')).rejects.toThrow('256 bits');
  });
});

describe(VisitQueue.name, () => {
  const helper = aHelper();
  let storage: MemoryStorage;
  let user: ReturnType<typeof signal<AuthUser | null>>;
  let protection: ReturnType<typeof signal<SignInProtection | null>>;
  let endReason: ReturnType<typeof signal<SignOutReason | null>>;
  let http: HttpTestingController;
  let queue: VisitQueue;

  /** A page load: a fresh queue over `storage`, with the signed-in helper and key as they are now. */
  const load = async () => {
    TestBed.resetTestingModule();
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        { provide: AuthService, useValue: { user, protection, endReason } },
        { provide: WEB_CRYPTO, useValue: testCrypto },
        { provide: QUEUE_STORAGE, useValue: storage },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    queue = TestBed.inject(VisitQueue);
    await caughtUp();
  };
  /** Lets the queue follow the sign-in (effects, key import, reading storage). */
  const caughtUp = async () => {
    TestBed.tick();
    await queue.settled();
    await turn();
  };
  const turn = () => new Promise((resolve) => setTimeout(resolve, 0));
  /** The next POST /api/visits, once the queue has sealed the entry and sent it. */
  const nextPost = async (): Promise<TestRequest> => {
    for (let i = 0; i < 50; i += 1) {
      const [found] = http.match({ method: 'POST', url: '/api/visits' });
      if (found) return found;
      await turn();
    }
    throw new Error('No POST /api/visits');
  };
  const offline = (req: TestRequest) => req.error(new ProgressEvent('error'), { status: 0, statusText: '' });
  const stored = () => storage.values();

  beforeEach(async () => {
    storage = new MemoryStorage();
    user = signal<AuthUser | null>(helper);
    protection = signal<SignInProtection | null>({ idleMinutes: 15, queueKey: aQueueKey(1) });
    endReason = signal<SignOutReason | null>(null);
    await load();
  });

  afterEach(() => http.verify());

  it('sends a visit at once and keeps nothing when the API stores it', async () => {
    const input = aVisitInput();
    const saving = queue.save(input);
    const req = await nextPost();
    expect(req.request.body).toEqual(input);
    req.flush(aVisitView(input), { status: 201, statusText: 'Created' });
    expect(await saving).toEqual({ status: 'sent', visit: aVisitView(input) });
    expect(queue.waiting()).toBe(0);
    expect(stored()).toEqual([]);
  });

  it('keeps a visit sealed in storage when the network is down, and sends it again with the same client id', async () => {
    const input = aVisitInput({ categories: ['healthcare'], note: 'Behöver hjälp med 1177 igen' });
    const saving = queue.save(input);
    offline(await nextPost());
    expect(await saving).toEqual({ status: 'queued' });
    expect(queue.waiting()).toBe(1);
    // In storage, but not readable: no category, no note.
    expect(stored()).toHaveLength(1);
    expect(stored()[0]).not.toMatch(/healthcare|1177|drop-in/);

    const flushing = queue.flush();
    const retry = await nextPost();
    expect(retry.request.body.clientId).toBe(input.clientId);
    // The API already had it (an earlier attempt got through after all): 200, the same visit.
    retry.flush(aVisitView(input), { status: 200, statusText: 'OK' });
    await flushing;
    expect(queue.waiting()).toBe(0);
    expect(stored()).toEqual([]);
  });

  it('tries again after a server error (503) and when the browser comes back online', async () => {
    const input = aVisitInput();
    const saving = queue.save(input);
    (await nextPost()).flush({ code: 'UNAVAILABLE', message: 'Tjänsten är inte tillgänglig.' }, { status: 503, statusText: 'Service Unavailable' });
    expect(await saving).toEqual({ status: 'queued' });

    window.dispatchEvent(new Event('online'));
    const retry = await nextPost();
    expect(retry.request.body.clientId).toBe(input.clientId);
    retry.flush(aVisitView(input), { status: 201, statusText: 'Created' });
    await turn();
    expect(queue.waiting()).toBe(0);
  });

  it('tries the waiting visits again every 15 seconds', async () => {
    const every = jest.spyOn(globalThis, 'setInterval');
    await load();
    const retry = every.mock.calls.find(([, ms]) => ms === RETRY_MS)?.[0] as () => void;
    every.mockRestore();
    expect(retry).toBeDefined();

    const input = aVisitInput();
    const saving = queue.save(input);
    offline(await nextPost());
    await saving;
    retry();
    const again = await nextPost();
    expect(again.request.body.clientId).toBe(input.clientId);
    again.flush(aVisitView(input));
    await turn();
    expect(queue.waiting()).toBe(0);
    retry();
    await turn();
    http.expectNone({ method: 'POST', url: '/api/visits' });
  });

  it('hands a refusal (4xx) straight back to the form and keeps nothing', async () => {
    const saving = queue.save(aVisitInput({ durationMinutes: 999 }));
    (await nextPost()).flush(
      { code: 'INVALID_VISIT', message: 'Besöket behöver rättas.', fields: { durationMinutes: 'Högst 240 minuter.' } },
      { status: 400, statusText: 'Bad Request' },
    );
    const result = await saving;
    expect(result).toMatchObject({ status: 'refused', error: { status: 400, fields: { durationMinutes: 'Högst 240 minuter.' } } });
    expect(queue.all()).toEqual([]);
    expect(stored()).toEqual([]);
  });

  it('keeps a queued visit the API later refuses for the helper to correct, and does not send it again', async () => {
    const input = aVisitInput();
    const saving = queue.save(input);
    offline(await nextPost());
    await saving;

    const flushing = queue.flush();
    (await nextPost()).flush({ code: 'NOT_ON_SESSION', message: 'Du har inget pass på den träffen.' }, { status: 403, statusText: 'Forbidden' });
    await flushing;
    expect(queue.waiting()).toBe(0);
    expect(queue.problems().map((p) => [p.input.clientId, p.problem?.message])).toEqual([[input.clientId, 'Du har inget pass på den träffen.']]);

    await queue.flush();
    http.expectNone({ method: 'POST', url: '/api/visits' });

    queue.discard(input.clientId);
    expect(queue.all()).toEqual([]);
    expect(stored()).toEqual([]);
  });

  it('sends what waited after the page is reloaded with the same sign-in', async () => {
    const input = aVisitInput();
    const saving = queue.save(input);
    offline(await nextPost());
    await saving;

    await load();
    expect(queue.waiting()).toBe(1);
    const req = await nextPost();
    expect(req.request.body).toEqual(input);
    req.flush(aVisitView(input));
    await turn();
    expect(queue.waiting()).toBe(0);
    expect(stored()).toEqual([]);
  });

  it('clears everything when the helper signs out', async () => {
    const saving = queue.save(aVisitInput());
    offline(await nextPost());
    await saving;
    expect(stored()).toHaveLength(1);

    user.set(null);
    protection.set(null);
    endReason.set('signed-out');
    await caughtUp();
    expect(queue.all()).toEqual([]);
    expect(stored()).toEqual([]);
  });

  it('never sends one helper’s waiting visits in the next helper’s name', async () => {
    const saving = queue.save(aVisitInput());
    offline(await nextPost());
    await saving;

    user.set(null);
    protection.set(null);
    endReason.set('expired');
    await caughtUp();
    // The stored copy is gone with its key; this page still remembers the visit.
    expect(stored()).toEqual([]);
    expect(queue.waiting()).toBe(1);

    user.set(aHelper({ id: '30000000-0000-4000-8000-000000000002', name: 'Maria Johansson' }));
    protection.set({ idleMinutes: 15, queueKey: aQueueKey(2) });
    endReason.set(null);
    await caughtUp();
    expect(queue.all()).toEqual([]);
    http.expectNone({ method: 'POST', url: '/api/visits' });
  });

  it('sends the waiting visits when the same helper signs in again after the sign-in timed out', async () => {
    const input = aVisitInput();
    const saving = queue.save(input);
    offline(await nextPost());
    await saving;

    user.set(null);
    protection.set(null);
    endReason.set('expired');
    await caughtUp();

    user.set(helper);
    protection.set({ idleMinutes: 15, queueKey: aQueueKey(3) });
    endReason.set(null);
    await caughtUp();
    const req = await nextPost();
    expect(req.request.body.clientId).toBe(input.clientId);
    req.flush(aVisitView(input));
    await turn();
    expect(queue.all()).toEqual([]);
  });

  it('removes stored entries it cannot open (an earlier sign-in’s key) and does not send them', async () => {
    storage.setItem(`${QUEUE_PREFIX}old`, await seal(testCrypto, await importQueueKey(testCrypto, aQueueKey(9)), '{}', `${QUEUE_PREFIX}old`));
    storage.setItem('something-else', 'kept');
    await load();
    expect(storage.getItem(`${QUEUE_PREFIX}old`)).toBeNull();
    expect(storage.getItem('something-else')).toBe('kept');
    expect(queue.all()).toEqual([]);
  });
});
