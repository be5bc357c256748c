import { describe, expect, it } from 'vitest';
import { leakedLines } from './support/log-leaks';

// The check every test stack and spawned server runs on its log at the end; here, that it can fail.
describe('the log leak check', () => {
  it('finds secrets, codes and personal data, allowing a code only on the dev-mode code line', () => {
    const watched = ['123456', 'tok-abcdef', 'person@example.com'];
    expect(
      leakedLines(
        [
          '{"msg":"DEV MODE sign-in code: 123456"}',
          '{"msg":"verify","code":"123456"}',
          '{"msg":"ok","n":1234567}',
          '{"msg":"x","auth":"tok-abcdef"}',
          '{"msg":"mail to person@example.com failed"}',
          '{"msg":"fine"}',
        ],
        watched,
      ),
    ).toEqual([
      '{"msg":"verify","code":"123456"}',
      '{"msg":"x","auth":"tok-abcdef"}',
      '{"msg":"mail to person@example.com failed"}',
    ]);
  });
});
