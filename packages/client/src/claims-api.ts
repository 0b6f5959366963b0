import { DEVICE_API, apiErrorSchema, claimStatusSchema, type ClaimView } from '@courtsync/protocol';

/** What the device learnt about a match's claim. */
export type ClaimLookup =
  | { kind: 'known'; claim: ClaimView | null }
  /** Signed out, or a role that may not see claims. */
  | { kind: 'hidden' }
  | { kind: 'offline' };

/** Who holds a match's claim (F4), as far as the server says. */
export async function fetchClaim(
  eventId: string,
  matchId: string,
  fetchFn: typeof fetch = fetch,
): Promise<ClaimLookup> {
  try {
    const response = await fetchFn(DEVICE_API.claim(eventId, matchId), {
      credentials: 'same-origin',
    });
    if (response.status === 401 || response.status === 403) return { kind: 'hidden' };
    if (!response.ok) return { kind: 'offline' };
    return { kind: 'known', claim: claimStatusSchema.parse(await response.json()).claim };
  } catch {
    return { kind: 'offline' };
  }
}

/** Claims a match for the signed-in scorekeeper; the claim, or the server's reason. */
export async function claimMatch(
  eventId: string,
  matchId: string,
  fetchFn: typeof fetch = fetch,
): Promise<{ ok: true; claim: ClaimView } | { ok: false; message: string }> {
  try {
    const response = await fetchFn(DEVICE_API.claim(eventId, matchId), {
      method: 'POST',
      credentials: 'same-origin',
    });
    const body: unknown = await response.json().catch(() => null);
    if (response.ok) {
      const claim = claimStatusSchema.parse(body).claim;
      if (claim) return { ok: true, claim };
    }
    const error = apiErrorSchema.safeParse(body);
    return {
      ok: false,
      message: error.success ? error.data.error.message : `HTTP ${response.status}`,
    };
  } catch {
    return { ok: false, message: 'No connection: claim the match when you are back online' };
  }
}
