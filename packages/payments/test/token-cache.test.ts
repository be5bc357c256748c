import { describe, expect, it } from 'vitest';
import { TokenCache } from '../src/clickpesa/token-cache';

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('TokenCache', () => {
  it('makes one call for 20 concurrent callers and hands every one the same token', async () => {
    const pending = deferred<string>();
    let calls = 0;
    const cache = new TokenCache(
      () => {
        calls += 1;
        return pending.promise;
      },
      1000,
      () => 0,
    );
    const waiting = Array.from({ length: 20 }, () => cache.get());
    pending.resolve('Bearer one');
    expect(await Promise.all(waiting)).toEqual(Array(20).fill('Bearer one'));
    expect(calls).toBe(1);
    expect(cache.minted).toBe(1);
  });

  it('refreshes after its lifetime, measured from before the call', async () => {
    let now = 0;
    let n = 0;
    const cache = new TokenCache(
      async () => {
        now += 10;
        n += 1;
        return `Bearer ${n}`;
      },
      100,
      () => now,
    );
    expect(await cache.get()).toBe('Bearer 1');
    now = 99;
    expect(await cache.get()).toBe('Bearer 1');
    now = 100;
    expect(await cache.get()).toBe('Bearer 2');
  });

  it('drops a refused token, but not a newer one that replaced it', async () => {
    let n = 0;
    const cache = new TokenCache(
      async () => `Bearer ${++n}`,
      1000,
      () => 0,
    );
    const first = await cache.get();
    cache.invalidate(first);
    const second = await cache.get();
    expect(second).toBe('Bearer 2');
    cache.invalidate(first);
    expect(await cache.get()).toBe('Bearer 2');
  });

  it('rejects every waiter when the call fails, and tries again on the next get', async () => {
    let n = 0;
    const cache = new TokenCache(
      async () => {
        n += 1;
        if (n === 1) throw new Error('down');
        return 'Bearer ok';
      },
      1000,
      () => 0,
    );
    const results = await Promise.allSettled([cache.get(), cache.get()]);
    expect(results.map((result) => result.status)).toEqual(['rejected', 'rejected']);
    expect(await cache.get()).toBe('Bearer ok');
    expect(n).toBe(2);
  });
});
