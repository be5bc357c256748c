import nodemailer from 'nodemailer';
import type { Logger } from '../logger';

/**
 * Delivers a sign-in code. Email over SMTP today; other channels (the Rust design's mycelium address,
 * SMS) implement the same port.
 */
export interface CodeSender {
  readonly channel: string;
  send(message: { to: string; code: string; expiresInSeconds: number }): Promise<void>;
}

export function smtpCodeSender(options: { smtpUrl: string; from: string }): CodeSender {
  const transport = nodemailer.createTransport(options.smtpUrl);
  return {
    channel: 'email',
    async send({ to, code, expiresInSeconds }) {
      const minutes = Math.max(1, Math.round(expiresInSeconds / 60));
      await transport.sendMail({
        from: options.from,
        to,
        subject: `Your sign-in code: ${code}`,
        text: `Your hero-onboarding sign-in code is ${code}.\nIt expires in ${minutes} minutes. If you did not ask for it, ignore this email.\n`,
      });
    },
  };
}

/**
 * Dev mode only: the code goes to the log (and back in the challenge response) instead of a mailbox,
 * so local scripts can sign in. Config refuses dev mode in production.
 */
export function devLogCodeSender(logger: Logger): CodeSender {
  return {
    channel: 'dev-log',
    async send({ code }) {
      // The address is personal data and stays out of the log; the code is the point of dev mode.
      logger.warn(`DEV MODE sign-in code: ${code}`);
    },
  };
}
