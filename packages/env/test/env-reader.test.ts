import { describe, expect, it } from 'vitest';
import { ConfigError, envReader } from '../src/index';

function thrown(run: () => unknown): ConfigError {
  try {
    run();
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('envReader', () => {
  it('treats blank as unset and trims values', () => {
    const env = envReader({ A: '  x  ', B: '   ' });
    expect(env.string('A')).toBe('x');
    expect(env.string('B')).toBeUndefined();
    expect(env.int('B', 7)).toBe(7);
  });

  it('reads booleans in the usual spellings and refuses others by name', () => {
    const env = envReader({ ON: 'Yes', OFF: '0', BAD: 'maybe' });
    expect(env.bool('ON', false)).toBe(true);
    expect(env.bool('OFF', true)).toBe(false);
    expect(env.bool('UNSET', true)).toBe(true);
    expect(thrown(() => env.bool('BAD', false))).toMatchObject({
      variable: 'BAD',
      message: 'BAD: must be true or false',
    });
  });

  it('bounds integers and never echoes the value', () => {
    const env = envReader({ PORT: '80', HUGE: '70000', WORD: 's3cr3t' });
    expect(env.int('PORT', 1, { min: 1, max: 65535 })).toBe(80);
    expect(thrown(() => env.int('HUGE', 1, { max: 65535 })).message).toBe(
      'HUGE: must be a whole number between 0 and 65535',
    );
    expect(thrown(() => env.int('WORD', 1)).message).not.toContain('s3cr3t');
  });

  it('accepts only http(s) URLs, without trailing slashes', () => {
    const env = envReader({ OK: 'https://example.com/api//', FTP: 'ftp://user:pw@host', JUNK: 'not a url' });
    expect(env.url('OK')).toBe('https://example.com/api');
    expect(env.url('UNSET', 'http://fallback/')).toBe('http://fallback');
    expect(env.url('UNSET')).toBeUndefined();
    expect(thrown(() => env.url('FTP')).message).toBe('FTP: must be an http(s) URL');
    expect(thrown(() => env.url('JUNK')).variable).toBe('JUNK');
  });

  it('reads one of a set, case-insensitively, and comma lists', () => {
    const env = envReader({ LEVEL: 'WARN', BAD: 'loud', LIST: ' a@x.io, ,B@y.io ' });
    expect(env.oneOf('LEVEL', ['debug', 'info', 'warn'], 'info')).toBe('warn');
    expect(env.oneOf('UNSET', ['debug', 'info'], 'info')).toBe('info');
    expect(thrown(() => env.oneOf('BAD', ['debug', 'info'], 'info')).message).toBe(
      'BAD: must be one of debug, info',
    );
    expect(env.list('LIST')).toEqual(['a@x.io', 'B@y.io']);
    expect(env.list('UNSET')).toEqual([]);
  });
});
