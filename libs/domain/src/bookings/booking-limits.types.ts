/**
 * What the per-contact limit needs to know about a future booking that shares a contact key with a new
 * one: all keyed hashes, never a readable address, number or network.
 */
export interface ContactLimitCandidate {
  /** The booking's contact keys (hashed). */
  contactKeys: readonly string[];
  /** The keys whose control was proved (the e-mail's link; staff spoke with the person). */
  confirmedKeys: readonly string[];
  /** Keyed hash of the network the booking was made from; null for staff bookings. */
  originHash: string | null;
}

/** POST /api/public/bookings/:token/confirm-contact: the proof from the confirmation e-mail's link (`?c=`). */
export interface ConfirmContactRequest {
  proof: string;
}

/** A run of bookings from one network in a short time, as staff see it on a flagged booking. */
export interface SuspiciousRunSummary {
  id: string;
  /** Every booking of the run (also cancelled ones). */
  bookings: number;
  /** The ones the caller may cancel now: confirmed, not started, in their scope. */
  cancellable: number;
  /** Of those, how many get an e-mail about it. */
  toldByEmail: number;
  /** Of those, how many have a phone number but no e-mail (staff call them). */
  phoneOnly: number;
}

/** POST /api/staff/bookings/:id/cancel-run: how many were cancelled and how many were told by e-mail. */
export interface SuspiciousRunCancelled {
  cancelled: number;
  toldByEmail: number;
}
