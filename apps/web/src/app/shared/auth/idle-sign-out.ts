import { DOCUMENT } from '@angular/common';
import { Injectable, inject, signal } from '@angular/core';

/** The warning shows this long before the sign-out. */
export const WARNING_SECONDS = 60;
/** At most one sign of life to the API a minute while the person is busy on the page. */
export const PING_MS = 60_000;
/** Keyboard, mouse and touch: what counts as someone still working at the laptop. */
const ACTIVITY = ['keydown', 'pointerdown', 'pointermove', 'wheel', 'touchstart', 'scroll'] as const;

export interface IdleHandlers {
  /** The idle time has passed: sign out and clear the screen. */
  timeout: () => void;
  /** The person is active: tell the API, whose own idle clock only sees requests. */
  ping: () => void;
}

/**
 * Signs a shared laptop out after `idleMinutes` without keyboard, mouse or touch, with a warning a
 * minute before. Time is measured from the last activity with the clock, not by counting timer
 * ticks, so a laptop that slept past the limit signs out as soon as it wakes.
 */
@Injectable({ providedIn: 'root' })
export class IdleSignOut {
  private readonly document = inject(DOCUMENT);
  private handlers: IdleHandlers | null = null;
  private limitMs = 0;
  private lastActivity = 0;
  private lastPing = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly onActivity = () => this.activity();

  /** Seconds left while the warning shows; null when it does not. */
  readonly secondsLeft = signal<number | null>(null);

  start(idleMinutes: number, handlers: IdleHandlers): void {
    this.stop();
    this.handlers = handlers;
    this.limitMs = idleMinutes * 60_000;
    this.lastActivity = this.lastPing = Date.now();
    for (const type of ACTIVITY) this.document.addEventListener(type, this.onActivity, { capture: true, passive: true });
    this.schedule();
  }

  stop(): void {
    clearTimeout(this.timer);
    for (const type of ACTIVITY) this.document.removeEventListener(type, this.onActivity, { capture: true });
    this.handlers = null;
    this.secondsLeft.set(null);
  }

  /** "Fortsätt arbeta": the warning goes and the time starts again. */
  keepWorking(): void {
    if (!this.handlers) return;
    this.secondsLeft.set(null);
    this.lastActivity = Date.now();
    this.ping();
    this.schedule();
  }

  private activity(): void {
    // While the warning shows only its button counts: a nudged mouse must not hide it unseen.
    if (!this.handlers || this.secondsLeft() !== null) return;
    this.lastActivity = Date.now();
    if (this.lastActivity - this.lastPing >= PING_MS) this.ping();
  }

  private ping(): void {
    this.lastPing = Date.now();
    this.handlers?.ping();
  }

  private left(): number {
    return this.limitMs - (Date.now() - this.lastActivity);
  }

  private tick(): void {
    const left = this.left();
    if (left <= 0) {
      const handlers = this.handlers;
      this.stop();
      handlers?.timeout();
      return;
    }
    if (left <= WARNING_SECONDS * 1000) this.secondsLeft.set(Math.ceil(left / 1000));
    this.schedule();
  }

  private schedule(): void {
    clearTimeout(this.timer);
    const left = this.left();
    // Every second while the countdown shows; otherwise wake when the warning is due (activity in
    // between only moves lastActivity, and the tick then schedules again).
    const wait = this.secondsLeft() !== null ? left % 1000 || 1000 : Math.max(0, left - WARNING_SECONDS * 1000);
    this.timer = setTimeout(() => this.tick(), wait);
  }
}
