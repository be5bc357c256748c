export const USER = 'postgres';
// Loopback-only development/test server; the password only keeps other local users out by accident.
export const PASSWORD = 'postgres';

export function adminUrl(port: number): string {
  return `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres`;
}
