import { pathToFileURL } from 'node:url';

// Runs one entry point as a child of the CLI: `node --import tsx supervised.ts <entry> [args...]`.
// If the CLI dies without stopping us (kill -9), the IPC channel closes and we stop ourselves the
// normal way (SIGTERM: the server closes its database), so nothing is left running.
const [entry, ...args] = process.argv.slice(2);
if (entry === undefined) throw new Error('supervised.ts: no entry point given');
if (process.send !== undefined) {
  process.once('disconnect', () => {
    process.kill(process.pid, 'SIGTERM');
    setTimeout(() => process.exit(1), 20_000).unref();
  });
  // The channel alone must not keep a finished one-shot command (migrate) alive.
  process.channel?.unref();
}
process.argv = [process.argv[0] as string, entry, ...args];
await import(pathToFileURL(entry).href);
