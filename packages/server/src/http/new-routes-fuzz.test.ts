import fc from 'fast-check';
import {
  apiErrorSchema,
  API,
  claimRequestSchema,
  coveragePlanRequestSchema,
  createUserRequestSchema,
  entityIdSchema,
  handoverRequestSchema,
  loginRequestSchema,
  updateUserRequestSchema,
} from '@courtsync/protocol';
import { z } from 'zod/mini';
import {
  DEMO,
  describeEachDatabase,
  signIn,
  testApi,
  type TestSession,
} from '@courtsync/server/test-support';
import { DEMO_TOURNAMENT_ID as E } from '../db/seed';
import type { ApiHandlers } from './api-handlers';

const M = 'demo-beach-1';
const OP = '01J00000000000000000000000';
const anyBody = z.strictObject({ refreshToken: z.optional(z.string()) });
const none = z.strictObject({});

/** Each new route that reads a body: who may call it, how, and the schema its body must meet. */
const BODY_ROUTES: {
  name: string;
  as: 'admin' | 'scorer' | 'coach';
  method: string;
  path: string;
  schema: z.ZodMiniType;
  call: (api: ApiHandlers, r: Request) => Promise<Response>;
}[] = [
  {
    name: 'login',
    as: 'admin',
    method: 'POST',
    path: API.login,
    schema: loginRequestSchema,
    call: (a, r) => a.login(r),
  },
  {
    name: 'refresh',
    as: 'admin',
    method: 'POST',
    path: API.refresh,
    schema: anyBody,
    call: (a, r) => a.refresh(r),
  },
  {
    name: 'logout',
    as: 'admin',
    method: 'POST',
    path: API.logout,
    schema: anyBody,
    call: (a, r) => a.logout(r),
  },
  {
    name: 'createUser',
    as: 'admin',
    method: 'POST',
    path: API.users,
    schema: createUserRequestSchema,
    call: (a, r) => a.createUser(r),
  },
  {
    name: 'updateUser',
    as: 'admin',
    method: 'PATCH',
    path: API.user('u-media'),
    schema: updateUserRequestSchema,
    call: (a, r) => a.updateUser(r, 'u-media'),
  },
  {
    name: 'claimMatch',
    as: 'scorer',
    method: 'POST',
    path: API.claim(E, M),
    schema: claimRequestSchema,
    call: (a, r) => a.claimMatch(r, E, M),
  },
  {
    name: 'releaseClaim',
    as: 'scorer',
    method: 'DELETE',
    path: API.claim(E, M),
    schema: none,
    call: (a, r) => a.releaseClaim(r, E, M),
  },
  {
    name: 'handoverClaim',
    as: 'admin',
    method: 'POST',
    path: API.handover(E, M),
    schema: handoverRequestSchema,
    call: (a, r) => a.handoverClaim(r, E, M),
  },
  {
    name: 'putCoveragePlan',
    as: 'coach',
    method: 'PUT',
    path: API.coveragePlans(E),
    schema: coveragePlanRequestSchema,
    call: (a, r) => a.putCoveragePlan(r, E),
  },
  {
    name: 'deleteCoveragePlan',
    as: 'coach',
    method: 'DELETE',
    path: API.coveragePlans(E),
    schema: none,
    call: (a, r) => a.deleteCoveragePlan(r, E),
  },
  {
    name: 'acceptReview',
    as: 'admin',
    method: 'POST',
    path: API.reviewAccept(OP),
    schema: none,
    call: (a, r) => a.acceptReview(r, OP),
  },
  {
    name: 'dismissReview',
    as: 'admin',
    method: 'POST',
    path: API.reviewDismiss(OP),
    schema: none,
    call: (a, r) => a.dismissReview(r, OP),
  },
];

/** Text that is not JSON at all (including the empty body under a JSON Content-Type). */
const notJson = fc.string({ maxLength: 80 }).filter((s) => {
  try {
    JSON.parse(s);
    return false;
  } catch {
    return true;
  }
});

async function expect400(response: Response, what: string): Promise<void> {
  const text = await response.text();
  if (response.status !== 400) throw new Error(`${what}: ${response.status} ${text.slice(0, 200)}`);
  const { error } = apiErrorSchema.parse(JSON.parse(text));
  expect(['MALFORMED_JSON', 'VALIDATION_FAILED']).toContain(error.code);
}

describeEachDatabase(
  'malformed input to the new routes: 400 in the error shape, never 5xx',
  (get) => {
    let api: ApiHandlers;
    const who = new Map<string, TestSession>();
    beforeAll(async () => {
      api = testApi(get().db, { auth: { mode: 'required' }, rateLimits: { store: 'off' } }).api;
      who.set('admin', await signIn(api, DEMO.admin));
      who.set('scorer', await signIn(api, DEMO.scorer1));
      who.set('coach', await signIn(api, DEMO.coach));
    });

    it.each(BODY_ROUTES.map((r) => [r.name, r] as const))(
      '%s: bodies that are not valid',
      async (_n, route) => {
        const cookie = who.get(route.as)!.cookie;
        const send = (body: string) =>
          route.call(
            api,
            new Request(`http://localhost${route.path}`, {
              method: route.method,
              headers: { cookie, 'content-type': 'application/json' },
              body,
            }),
          );
        const invalidJson = fc.jsonValue().filter((v) => !route.schema.safeParse(v).success);
        await fc.assert(
          fc.asyncProperty(
            fc.oneof(
              notJson,
              invalidJson.map((v) => JSON.stringify(v)),
            ),
            async (body) => {
              await expect400(
                await send(body),
                `${route.name} ${JSON.stringify(body).slice(0, 80)}`,
              );
            },
          ),
          { numRuns: 40 },
        );
      },
    );

    it('ids in paths that are not ids, and bad queries', async () => {
      const admin = who.get('admin')!.cookie;
      const badId = fc
        .string({ maxLength: 80 })
        .filter((s) => !entityIdSchema.safeParse(s).success);
      const get = (path: string) =>
        new Request(`http://localhost${path}`, { headers: { cookie: admin } });
      await fc.assert(
        fc.asyncProperty(badId, async (id) => {
          await expect400(await api.getClaim(get('/x'), id, M), `getClaim event ${id}`);
          await expect400(await api.getClaim(get('/x'), E, id), `getClaim match ${id}`);
          await expect400(await api.listClaims(get('/x'), id), `listClaims ${id}`);
          await expect400(await api.updateUser(get('/x'), id), `updateUser ${id}`);
          await expect400(await api.acceptReview(get('/x'), id), `acceptReview ${id}`);
          await expect400(
            await api.listReview(get(`${API.review}?status=${encodeURIComponent(id)}x`)),
            `listReview ${id}`,
          );
        }),
        { numRuns: 40 },
      );
    });
  },
);
