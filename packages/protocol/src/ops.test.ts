import { opIdentitySchema, opSchema } from './ops';

const ULID = '01JD0000000000000000000000';
const UUID = '0b9e3c9e-6a5f-4b8e-9f43-2a1d8c7e5f10';

const rally = {
  opId: ULID,
  clientId: UUID,
  seq: 1,
  matchId: 'demo-beach-1',
  type: 'rally',
  payload: { winner: 'A' },
  clientTime: '2026-11-22T10:00:00.000Z',
};

describe('opSchema', () => {
  it('accepts a rally and an undo', () => {
    expect(opSchema.parse(rally)).toEqual(rally);
    const undo = { ...rally, seq: 2, type: 'undo', payload: {} };
    expect(opSchema.parse(undo)).toEqual(undo);
  });

  it.each([
    ['an unknown type', { type: 'timeout' }],
    ['a winner other than A or B', { payload: { winner: 'C' } }],
    ['extra payload keys', { payload: { winner: 'A', points: 2 } }],
    ['an undo with a payload', { type: 'undo', payload: { winner: 'A' } }],
    ['seq 0', { seq: 0 }],
    ['a fractional seq', { seq: 1.5 }],
    ['a seq as a string', { seq: '1' }],
    ['an opId that is neither ULID nor UUID', { opId: 'op-1' }],
    ['a lower-case ULID', { opId: ULID.toLowerCase() }],
    ['an empty matchId', { matchId: '' }],
    ['a matchId with a slash', { matchId: 'a/b' }],
    ['a local time without zone', { clientTime: '2026-11-22T10:00:00' }],
  ])('rejects %s', (_, change) => {
    expect(opSchema.safeParse({ ...rally, ...change }).success).toBe(false);
  });

  it('reads the identity of an op whose body is bad', () => {
    const broken = { ...rally, payload: 'nonsense', matchId: 42 };
    expect(opSchema.safeParse(broken).success).toBe(false);
    expect(opIdentitySchema.parse(broken)).toEqual({ opId: ULID, clientId: UUID, seq: 1 });
  });
});
