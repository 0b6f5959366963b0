import { FORMAT_RULES } from './index';

describe('FORMAT_RULES', () => {
  it('indoor is best of 5, sets to 25, 5th set to 15, win by 2', () => {
    expect(FORMAT_RULES.indoor).toEqual({
      bestOf: 5,
      setPoints: 25,
      decidingSetPoints: 15,
      winBy: 2,
    });
  });

  it('beach is best of 3, sets to 21, 3rd set to 15, win by 2', () => {
    expect(FORMAT_RULES.beach).toEqual({
      bestOf: 3,
      setPoints: 21,
      decidingSetPoints: 15,
      winBy: 2,
    });
  });

  it('cannot be changed at run time by a careless caller', () => {
    expect(Object.isFrozen(FORMAT_RULES)).toBe(true);
    expect(Object.isFrozen(FORMAT_RULES.indoor)).toBe(true);
    expect(Object.isFrozen(FORMAT_RULES.beach)).toBe(true);
  });
});
