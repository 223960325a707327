import type { Location } from '@angular/common';
import type { Router } from '@angular/router';
import type { BookingCreatedView, BookingView } from '@digihjalpen/domain';

/**
 * What the booking flow hands the manage page in the router state. The browser keeps that state with
 * the history entry (and may write it to disk for session restore), so it carries the manage view
 * only: contacts masked, needs counted. The full details the flow sent stay in the flow's memory.
 */
export interface HandedOver {
  token: string;
  booking: BookingView;
}

/** The router state for the manage page after a booking. */
export function handOver(created: BookingCreatedView): { handedOver: HandedOver } {
  const { manageToken, manageUrl: _url, email: _email, phone: _phone, topics: _topics, needs: _needs, ...booking } = created;
  return { handedOver: { token: manageToken, booking } };
}

/**
 * The booking the flow passed in the router state. Only on a navigation inside the app: a reload or
 * the back button brings back an old state, which may no longer be true, so the page loads then.
 */
export function handedOverBooking(router: Router, token: string | null): BookingView | null {
  const navigation = router.currentNavigation();
  if (!navigation || navigation.trigger !== 'imperative' || !navigation.previousNavigation) return null;
  const handed = (navigation.extras.state as { handedOver?: HandedOver } | undefined)?.handedOver;
  return handed && handed.token === token ? handed.booking : null;
}

/** Drops the handed-over booking from the current history entry, keeping the router's own keys. */
export function forgetHandover(location: Location): void {
  const state = location.getState();
  if (!state || typeof state !== 'object' || !('handedOver' in state)) return;
  const { handedOver: _gone, ...rest } = state as Record<string, unknown>;
  location.replaceState(location.path(true), '', rest);
}
