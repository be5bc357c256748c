import { describe, expect, it } from 'vitest';
import { redactUrl, withDatabaseName } from '../src/index';

describe('redactUrl', () => {
  it('hides the password and password-like query parameters, keeping the rest', () => {
    expect(redactUrl('postgres://app:s3cr%40t@db.internal:5432/app')).toBe(
      'postgres://app:***@db.internal:5432/app',
    );
    const redacted = redactUrl('postgresql://app@db/app?sslmode=require&password=hunter2&sslkey=/k.pem');
    expect(redacted).toBe('postgresql://app@db/app?sslmode=require&password=***&sslkey=***');
  });

  it('does not echo a URL it cannot parse', () => {
    expect(redactUrl('app:hunter2@nowhere')).not.toContain('hunter2');
  });
});

describe('withDatabaseName', () => {
  it('swaps only the database', () => {
    expect(withDatabaseName('postgres://u:p@h:1/old?sslmode=disable', 'new_db')).toBe(
      'postgres://u:p@h:1/new_db?sslmode=disable',
    );
  });
});
