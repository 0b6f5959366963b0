/**
 * The client's address for per-IP rate limits: the right-most X-Forwarded-For entry (what the
 * nearest proxy saw; Next.js sets the header from the socket when no proxy did). Behind no
 * proxy a client can write this header itself: deploy behind one that overwrites it.
 */
export function clientAddress(request: Request): string {
  const forwarded = request.headers.get('x-forwarded-for');
  const last = forwarded?.split(',').pop()?.trim();
  return last && last.length <= 64 ? last : 'unknown';
}
