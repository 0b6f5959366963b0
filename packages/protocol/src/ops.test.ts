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
    ['an unknown type', { type: 'point' }],
    ['a rally payload on a timeout', { type: 'timeout' }],
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

describe('opSchema: the full scoring rules (F3, F41)', () => {
  it.each([
    ['timeout', { team: 'B' }],
    ['substitution', { team: 'A', playerOut: 4, playerIn: 14 }],
    ['sanction', { team: 'A', sanction: 'warning' }],
    ['sanction', { team: 'B', sanction: 'disqualification', player: 99 }],
    ['first-server', { team: 'B' }],
    ['first-server', { team: 'B', left: 'A' }],
    [
      'correction',
      {
        sets: [
          { a: 21, b: 19 },
          { a: 15, b: 21 },
          { a: 15, b: 13 },
        ],
      },
    ],
  ])('accepts a %s op %j', (type, payload) => {
    const op = { ...rally, type, payload };
    expect(opSchema.parse(op)).toEqual(op);
  });

  it.each([
    ['a timeout without a team', 'timeout', {}],
    ['a player numbered 0', 'substitution', { team: 'A', playerOut: 0, playerIn: 14 }],
    ['a player numbered 100', 'substitution', { team: 'A', playerOut: 4, playerIn: 100 }],
    ['an unknown sanction', 'sanction', { team: 'A', sanction: 'red-card' }],
    ['a first server C', 'first-server', { team: 'C' }],
    ['a correction of no sets', 'correction', { sets: [] }],
    ['a correction of 6 sets', 'correction', { sets: Array(6).fill({ a: 25, b: 0 }) }],
    ['negative points', 'correction', { sets: [{ a: -1, b: 0 }] }],
    ['extra payload keys', 'timeout', { team: 'A', winner: 'A' }],
  ])('rejects %s', (_label, type, payload) => {
    expect(opSchema.safeParse({ ...rally, type, payload }).success).toBe(false);
  });
});
