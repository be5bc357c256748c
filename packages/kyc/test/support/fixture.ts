import { readFileSync } from 'node:fs';

const SAMPLE = new URL('../fixtures/idenfy/webhook-sample.json', import.meta.url);

/** iDenfy's sample webhook, byte for byte, and the signature it carries under `TestingKey`. */
export const idenfySample = {
  bytes: (): Uint8Array => new Uint8Array(readFileSync(SAMPLE)),
  key: 'TestingKey',
  signature: '249d9a838e9b981935324b02367ca72552aa430fc766f45f77fab7a81f9f3b9d',
} as const;
