import { createLogger } from './logger';

describe('logger', () => {
  it('writes one JSON object per line, filtered by level, with bound fields', () => {
    const lines: [string, string][] = [];
    const log = createLogger({ level: 'info', write: (line, level) => lines.push([line, level]) });
    log.debug('hidden');
    log.child({ requestId: 'r1' }).warn('slow', { ms: 12 });
    log.error('boom', { error: Object.assign(new Error('bad'), { code: '23505' }) });
    expect(lines.map(([, level]) => level)).toEqual(['warn', 'error']);
    const [warn, error] = lines.map(([line]) => {
      expect(line).not.toContain('\n');
      return JSON.parse(line) as Record<string, unknown>;
    });
    expect(warn).toMatchObject({ level: 'warn', msg: 'slow', requestId: 'r1', ms: 12 });
    expect(typeof warn?.time).toBe('string');
    expect(error?.error).toMatchObject({ name: 'Error', message: 'bad', code: '23505' });
  });

  it('survives unserializable fields and can be silenced', () => {
    const lines: string[] = [];
    const circular: Record<string, unknown> = {};
    circular.self = circular;
    createLogger({ level: 'debug', write: (line) => lines.push(line) }).info('x', { circular });
    createLogger({ level: 'silent', write: (line) => lines.push(line) }).error('never');
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0] ?? '')).toMatchObject({ msg: 'x', note: 'unserializable fields' });
  });
});
