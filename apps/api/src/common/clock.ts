let pinned: Date | undefined;

/**
 * The time now, for every rule that depends on it. The API tests pin it, so their fixed dates stay
 * inside the 26-week session horizon whatever the real date is; nothing else ever pins it.
 */
export function currentTime(): Date {
  return pinned ? new Date(pinned) : new Date();
}

export function pinClock(at: Date | undefined): void {
  pinned = at;
}
