import { describe, expect, it } from 'vitest';
import { signWebhookBody, verifyWebhookSignature } from '../src/idenfy/signature';
import { idenfySample as fixture } from './support/fixture';

describe('iDenfy webhook signature (the shared test vector)', () => {
  it('verifies the sample with TestingKey', () => {
    expect(verifyWebhookSignature(fixture.bytes(), fixture.signature, fixture.key)).toBe(true);
  });

  it('computes the published signature', () => {
    expect(signWebhookBody(fixture.bytes(), fixture.key)).toBe(fixture.signature);
  });

  it('verifies the same body given as UTF-8 text', () => {
    const text = new TextDecoder().decode(fixture.bytes());
    expect(verifyWebhookSignature(text, fixture.signature, fixture.key)).toBe(true);
  });

  it('verifies bytes that are a view into a larger buffer', () => {
    const bytes = fixture.bytes();
    const padded = new Uint8Array(bytes.length + 8);
    padded.set(bytes, 4);
    expect(verifyWebhookSignature(padded.subarray(4, 4 + bytes.length), fixture.signature, fixture.key)).toBe(
      true,
    );
  });

  it('fails after any single byte changes', () => {
    const bytes = fixture.bytes();
    // Every position would take a while; a spread of positions including both ends is enough.
    const positions = [0, 1, bytes.length >> 2, bytes.length >> 1, bytes.length - 2, bytes.length - 1];
    for (const position of positions) {
      const changed = fixture.bytes();
      changed[position] = (changed[position] ?? 0) ^ 0x01;
      expect(verifyWebhookSignature(changed, fixture.signature, fixture.key)).toBe(false);
    }
  });

  it('fails after one byte is appended or removed', () => {
    const bytes = fixture.bytes();
    const longer = new Uint8Array([...bytes, 0x0a]);
    expect(verifyWebhookSignature(longer, fixture.signature, fixture.key)).toBe(false);
    expect(verifyWebhookSignature(bytes.subarray(0, -1), fixture.signature, fixture.key)).toBe(false);
  });

  it('fails after the JSON is re-serialized', () => {
    const reserialized = JSON.stringify(JSON.parse(new TextDecoder().decode(fixture.bytes())));
    expect(verifyWebhookSignature(reserialized, fixture.signature, fixture.key)).toBe(false);
  });

  it('fails with another key', () => {
    expect(verifyWebhookSignature(fixture.bytes(), fixture.signature, 'testingKey')).toBe(false);
    expect(verifyWebhookSignature(fixture.bytes(), fixture.signature, 'TestingKey ')).toBe(false);
  });

  it('never verifies with an empty key, which anyone could sign with', () => {
    const body = fixture.bytes();
    expect(verifyWebhookSignature(body, signWebhookBody(body, ''), '')).toBe(false);
  });

  it.each([
    ['missing', undefined],
    ['empty', ''],
    ['uppercase', fixture.signature.toUpperCase()],
    ['short', fixture.signature.slice(0, 63)],
    ['long', `${fixture.signature}0`],
    ['garbled', `${fixture.signature.slice(0, 62)}zz`],
    ['prefixed', `sha256=${fixture.signature}`],
    ['padded', ` ${fixture.signature}`],
    ['another valid-looking hex', 'f'.repeat(64)],
  ])('fails, without throwing, for a %s signature', (_what, signature) => {
    expect(verifyWebhookSignature(fixture.bytes(), signature, fixture.key)).toBe(false);
  });

  it('fails, without throwing, for a body that is neither bytes nor text', () => {
    expect(verifyWebhookSignature({} as unknown as string, fixture.signature, fixture.key)).toBe(false);
    expect(verifyWebhookSignature(null as unknown as string, fixture.signature, fixture.key)).toBe(false);
  });
});
