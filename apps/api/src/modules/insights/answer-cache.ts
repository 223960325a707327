/**
 * A small in-process cache of whole answers, bounded in time and in memory: entries live `ttlMs`, the
 * least recently used go first once `maxBytes` is reached, and an answer larger than `maxEntryBytes` is
 * never kept (it is worked out each time, as before). Identical requests that arrive while the first is
 * still being worked out wait for it instead of asking the database again. Times come from the caller
 * (the one clock).
 */
export class AnswerCache {
  private readonly entries = new Map<string, { value: unknown; bytes: number; until: number }>();
  private readonly running = new Map<string, Promise<unknown>>();
  private bytes = 0;

  constructor(
    private readonly ttlMs: number,
    private readonly maxBytes: number,
    readonly maxEntryBytes: number,
  ) {}

  get<T>(key: string, now: Date): T | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    this.entries.delete(key);
    if (entry.until <= now.getTime()) {
      this.bytes -= entry.bytes;
      return undefined;
    }
    this.entries.set(key, entry); // most recently used last
    return entry.value as T;
  }

  set(key: string, value: unknown, bytes: number, now: Date): void {
    if (bytes > this.maxEntryBytes) return;
    const old = this.entries.get(key);
    if (old) {
      this.entries.delete(key);
      this.bytes -= old.bytes;
    }
    this.entries.set(key, { value, bytes, until: now.getTime() + this.ttlMs });
    this.bytes += bytes;
    for (const [oldest, entry] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.entries.delete(oldest);
      this.bytes -= entry.bytes;
    }
  }

  /** The kept answer, or `load`'s (shared with identical requests meanwhile), kept when small enough. */
  async remember<T>(key: string, now: Date, load: () => Promise<{ value: T; bytes: number }>): Promise<T> {
    const hit = this.get<T>(key, now);
    if (hit !== undefined) return hit;
    const running = this.running.get(key);
    if (running) return running as Promise<T>;
    const loading = load()
      .then(({ value, bytes }) => {
        this.set(key, value, bytes, now);
        return value;
      })
      .finally(() => this.running.delete(key));
    this.running.set(key, loading);
    return loading;
  }

  /** Kept bytes (estimated by the callers), for tests. */
  get size(): { entries: number; bytes: number } {
    return { entries: this.entries.size, bytes: this.bytes };
  }
}
