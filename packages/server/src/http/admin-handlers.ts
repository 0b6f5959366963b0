import {
  createUserRequestSchema,
  reviewIdSchema,
  reviewQuerySchema,
  updateUserRequestSchema,
} from '@courtsync/protocol';
import { createUser, listUsers, updateUser } from '../services/auth/users';
import { listReview } from '../services/claims/review';
import { acceptReview, dismissReview } from '../services/claims/review-decisions';
import { toIssues } from '../services/push/validate-ops';
import type { HandlerDeps } from './handler-deps';
import { parseEntityId, parseQuery } from './handler-deps';
import { emptyBodySchema, parseBody, parseOptionalBody } from './parse-body';
import { HttpError, jsonResponse } from './responses';
import { withRoute, type RouteContext } from './with-route';

/** Admin handlers: users (/api/v1/users) and the review list (/api/v1/review). */
export interface AdminHandlers {
  /** GET /api/v1/users. */
  listUsers(request: Request): Promise<Response>;
  /** POST /api/v1/users {email, name, role, password}. */
  createUser(request: Request): Promise<Response>;
  /** PATCH /api/v1/users/:userId {name?, role?, disabled?, password?}. */
  updateUser(request: Request, userId: string): Promise<Response>;
  /** GET /api/v1/review?status=&match=: ops refused for want of a claim. */
  listReview(request: Request): Promise<Response>;
  /** POST /api/v1/review/:opId/accept: applies the op to its match (exactly once). */
  acceptReview(request: Request, opId: string): Promise<Response>;
  /** POST /api/v1/review/:opId/dismiss: keeps it out of the match. */
  dismissReview(request: Request, opId: string): Promise<Response>;
}

function adminId(ctx: RouteContext): string {
  if (ctx.principal.kind !== 'user') throw new HttpError(401, 'AUTH_REQUIRED', 'Sign in');
  return ctx.principal.user.id;
}

function parseOpId(opId: string): string {
  const parsed = reviewIdSchema.safeParse(opId);
  if (!parsed.success) {
    throw new HttpError(
      400,
      'VALIDATION_FAILED',
      'Invalid op id',
      toIssues(parsed.error, ['opId']),
    );
  }
  return parsed.data;
}

/** Builds the admin handlers. */
export function createAdminHandlers(deps: HandlerDeps): AdminHandlers {
  const { getDb } = deps;
  return {
    listUsers: (request) =>
      withRoute(request, 'listUsers', deps, async () =>
        jsonResponse(200, { users: await listUsers(await getDb()) }),
      ),

    createUser: (request) =>
      withRoute(request, 'createUser', deps, async () => {
        const input = await parseBody(request, createUserRequestSchema);
        return jsonResponse(201, await createUser(await getDb(), input));
      }),

    updateUser: (request, userId) =>
      withRoute(request, 'updateUser', deps, async () => {
        const id = parseEntityId(userId, 'user');
        const input = await parseBody(request, updateUserRequestSchema);
        return jsonResponse(200, await updateUser(await getDb(), id, input));
      }),

    listReview: (request) =>
      withRoute(request, 'listReview', deps, async () => {
        const query = parseQuery(request, reviewQuerySchema);
        return jsonResponse(200, { ops: await listReview(await getDb(), query) });
      }),

    acceptReview: (request, opId) =>
      withRoute(request, 'acceptReview', deps, async (ctx) => {
        const id = parseOpId(opId);
        await parseOptionalBody(request, emptyBodySchema);
        return jsonResponse(200, await acceptReview(await getDb(), id, adminId(ctx)));
      }),

    dismissReview: (request, opId) =>
      withRoute(request, 'dismissReview', deps, async (ctx) => {
        const id = parseOpId(opId);
        await parseOptionalBody(request, emptyBodySchema);
        return jsonResponse(200, { review: await dismissReview(await getDb(), id, adminId(ctx)) });
      }),
  };
}
