import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { seenSecrets } from './seen-secrets';

/**
 * A local SMTP server (real SMTP, so nodemailer runs end to end) that keeps every sign-in code it
 * receives per recipient: the owner of an address reads their code here; an attacker never sees it.
 */
export async function startMailbox() {
  const codes = new Map<string, string[]>();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, session, callback) {
      let body = '';
      stream.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      stream.on('end', () => {
        const code = /code is (\d{6})/.exec(body)?.[1];
        if (code !== undefined) {
          seenSecrets.add(code);
          for (const to of session.envelope.rcptTo)
            codes.set(to.address, [...(codes.get(to.address) ?? []), code]);
        }
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return {
    url: `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`,
    /** The codes mailed to `address`, oldest first. */
    codesFor: (address: string) => codes.get(address) ?? [],
    lastCodeFor(address: string): string {
      const code = codes.get(address)?.at(-1);
      if (code === undefined) throw new Error(`no code was mailed to ${address}`);
      return code;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
