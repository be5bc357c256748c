import { smtpCodeSender } from '../../src/auth/code-sender';
import { startMailbox } from './mailbox';
import { startTestStack } from './stack';

/**
 * A test stack configured as a real deployment would be: codes go out by SMTP (to a local mailbox) and
 * are never in responses; iDenfy's client talks to the simulator as a stand-in.
 */
export async function startMailStack(env: Record<string, string> = {}) {
  const mailbox = await startMailbox();
  const stack = await startTestStack({
    env: { ONBOARDING_DEV_MODE: 'false', IDENFY_DEV_MODE: 'false', SMTP_URL: mailbox.url, ...env },
    codeSender: smtpCodeSender({ smtpUrl: mailbox.url, from: 'hero <no-reply@example.com>' }),
    mailedCode: (email) => mailbox.lastCodeFor(email),
  });
  return {
    ...stack,
    mailbox,
    async close() {
      try {
        await stack.close();
      } finally {
        await mailbox.close();
      }
    },
  };
}
