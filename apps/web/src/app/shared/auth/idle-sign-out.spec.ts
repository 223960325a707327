import { TestBed } from '@angular/core/testing';
import { IdleSignOut, PING_MS, WARNING_SECONDS } from './idle-sign-out';

describe(IdleSignOut.name, () => {
  let idle: IdleSignOut;
  const timeout = jest.fn();
  const ping = jest.fn();
  const minutes = (n: number) => n * 60_000;
  const press = () => document.dispatchEvent(new KeyboardEvent('keydown', { key: 'a' }));

  beforeEach(() => {
    jest.useFakeTimers();
    timeout.mockReset();
    ping.mockReset();
    idle = TestBed.inject(IdleSignOut);
    idle.start(15, { timeout, ping });
  });

  afterEach(() => {
    idle.stop();
    jest.useRealTimers();
  });

  it('warns a minute before, counts down, and signs out after 15 minutes without activity', () => {
    jest.advanceTimersByTime(minutes(14) - 1);
    expect(idle.secondsLeft()).toBeNull();
    jest.advanceTimersByTime(1);
    expect(idle.secondsLeft()).toBe(WARNING_SECONDS);
    jest.advanceTimersByTime(30_000);
    expect(idle.secondsLeft()).toBe(30);
    expect(timeout).not.toHaveBeenCalled();
    jest.advanceTimersByTime(30_000);
    expect(timeout).toHaveBeenCalledTimes(1);
    expect(idle.secondsLeft()).toBeNull();
    jest.advanceTimersByTime(minutes(30));
    expect(timeout).toHaveBeenCalledTimes(1);
  });

  it('starts the time again on keyboard, mouse and touch activity', () => {
    jest.advanceTimersByTime(minutes(10));
    press();
    jest.advanceTimersByTime(minutes(10));
    document.dispatchEvent(new Event('pointerdown'));
    jest.advanceTimersByTime(minutes(10));
    document.dispatchEvent(new Event('touchstart'));
    jest.advanceTimersByTime(minutes(14) - 1);
    expect(idle.secondsLeft()).toBeNull();
    expect(timeout).not.toHaveBeenCalled();
    jest.advanceTimersByTime(minutes(1) + 1);
    expect(timeout).toHaveBeenCalledTimes(1);
  });

  it('while the warning shows, only “Fortsätt arbeta” keeps the helper signed in', () => {
    jest.advanceTimersByTime(minutes(14) + 10_000);
    press();
    expect(idle.secondsLeft()).toBe(50);
    idle.keepWorking();
    expect(idle.secondsLeft()).toBeNull();
    expect(ping).toHaveBeenCalledTimes(1);
    jest.advanceTimersByTime(minutes(14) - 1);
    expect(idle.secondsLeft()).toBeNull();
    jest.advanceTimersByTime(minutes(1) + 1);
    expect(timeout).toHaveBeenCalledTimes(1);
  });

  it('signs out at once when the laptop wakes after sleeping past the limit', () => {
    // Asleep: no timers ran, but the clock moved on.
    jest.setSystemTime(Date.now() + minutes(40));
    jest.advanceTimersByTime(minutes(14));
    expect(timeout).toHaveBeenCalledTimes(1);
  });

  it('tells the API at most once a minute that someone is working', () => {
    press();
    press();
    expect(ping).not.toHaveBeenCalled();
    jest.advanceTimersByTime(PING_MS);
    press();
    press();
    expect(ping).toHaveBeenCalledTimes(1);
  });

  it('stops listening when stopped', () => {
    idle.stop();
    jest.advanceTimersByTime(minutes(60));
    expect(timeout).not.toHaveBeenCalled();
  });
});
