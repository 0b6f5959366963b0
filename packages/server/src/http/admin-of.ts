import type { RouteContext } from './with-route';
import { HttpError } from './responses';

/** Who an admin action is recorded under ("who" of audit rows): the signed-in admin's email. */
export interface AdminPrincipal {
  id: string;
}

/**
 * The admin behind an admin-only route's context. `withRoute` has already refused everyone
 * else (401 without a valid sign-in, 403 without the admin role); this only names them.
 */
export function adminOf(ctx: RouteContext): AdminPrincipal {
  const { principal } = ctx;
  if (principal.kind !== 'user' || principal.user.role !== 'admin') {
    throw new HttpError(403, 'FORBIDDEN', 'Admin role required');
  }
  return { id: principal.user.email };
}
