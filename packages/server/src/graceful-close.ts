import type { Server } from 'node:http';

/**
 * Stops accepting connections, lets requests in flight finish (closing each connection after its
 * response), and resolves when all are done, or after `timeoutMs` by cutting the rest off.
 */
export function closeGracefully(server: Server, timeoutMs: number): Promise<'drained' | 'cut off'> {
  return new Promise((resolve) => {
    const deadline = setTimeout(() => {
      server.closeAllConnections();
      resolve('cut off');
    }, timeoutMs);
    server.close(() => {
      clearTimeout(deadline);
      resolve('drained');
    });
    server.closeIdleConnections();
  });
}
