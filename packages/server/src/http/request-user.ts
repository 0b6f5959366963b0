/**
 * THE SEAM for sign-in (issue #11): the signed-in user's id for a request, or null. Until
 * users exist every request is anonymous and background sync is keyed by device alone; #11
 * reads the access token here, and the background-sync rows then carry the user's id.
 */
export async function signedInUserId(_request: Request): Promise<string | null> {
  return null;
}
