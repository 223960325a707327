import type { CoordinatorSession } from '../coordinator/coordinator-api';

/**
 * A session as coordinators see it: Tuesday 5 March 2030 10:00–12:00 in Stockholm, four 30-minute
 * slots of 2 seats, from a weekly schedule, nobody booked and no helpers yet.
 */
export function aCoordinatorSession(overrides: Partial<CoordinatorSession> = {}): CoordinatorSession {
  const start = overrides.start ?? '2030-03-05T10:00:00+01:00';
  const end = overrides.end ?? '2030-03-05T12:00:00+01:00';
  const id = overrides.id ?? '10000000-0000-4000-8000-000000000001';
  const helpersNeeded = overrides.helpersNeeded ?? 2;
  const helpers = overrides.helpers ?? 0;
  const status = overrides.status ?? 'planned';
  return {
    id,
    start,
    end,
    status,
    dropIn: true,
    slots: [0, 30, 60, 90].map((minutes) => ({ id: `${id}-${minutes}`, start, end, seats: 2, seatsLeft: 2 })),
    scheduleId: '40000000-0000-4000-8000-000000000001',
    cancelReason: null,
    helpersNeeded,
    helpers,
    understaffed: status === 'planned' && helpers < helpersNeeded,
    seatsBooked: 0,
    ...overrides,
  };
}
