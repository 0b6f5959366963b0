import { MAX_OPS_PER_PUSH, pushEnvelopeSchema, pushResponseSchema } from './push';

const ULID = '01JD0000000000000000000000';
const base = { opId: ULID, seq: 3 };

describe('pushResponseSchema', () => {
  it('accepts each verdict', () => {
    const response = {
      results: [
        { ...base, status: 'applied', version: 7 },
        { ...base, status: 'duplicate' },
        { ...base, status: 'rejected', code: 'MATCH_FINISHED', message: 'the match is over' },
      ],
      serverTime: '2026-11-22T10:00:00.000Z',
    };
    expect(pushResponseSchema.parse(response)).toEqual(response);
  });

  it.each([
    ['an unknown status', { ...base, status: 'maybe' }],
    ['an unknown reject code', { ...base, status: 'rejected', code: 'NOPE', message: 'x' }],
    ['applied without a version', { ...base, status: 'applied' }],
    ['a cut result', { opId: ULID }],
  ])('refuses %s (the client then retries: the server dedupes)', (_, result) => {
    const parsed = pushResponseSchema.safeParse({
      results: [result],
      serverTime: '2026-11-22T10:00:00.000Z',
    });
    expect(parsed.success).toBe(false);
  });
});

describe('pushEnvelopeSchema', () => {
  it('takes 1 to MAX_OPS_PER_PUSH objects and nothing else', () => {
    expect(pushEnvelopeSchema.safeParse({ ops: [{}] }).success).toBe(true);
    expect(pushEnvelopeSchema.safeParse({ ops: [] }).success).toBe(false);
    expect(pushEnvelopeSchema.safeParse({ ops: [1] }).success).toBe(false);
    const tooMany = Array.from({ length: MAX_OPS_PER_PUSH + 1 }, () => ({}));
    expect(pushEnvelopeSchema.safeParse({ ops: tooMany }).success).toBe(false);
  });
});
