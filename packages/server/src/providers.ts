import { IdenfyProvider, type KycProvider } from '@hero-onboarding/kyc';
import { startIdenfySimulator } from '@hero-onboarding/kyc/simulator';
import { type CodeSender, devLogCodeSender, smtpCodeSender } from './auth/code-sender';
import type { ServerConfig } from './config';
import type { PaymentProviders } from './context';
import type { Logger } from './logger';
import { startPaymentProviders } from './payments/start-providers';

export interface StartedProviders {
  readonly kycProvider: KycProvider;
  readonly codeSender: CodeSender;
  readonly paymentProviders: PaymentProviders;
  /** Stops what was started beside the server (the iDenfy simulator and payment stand-ins in dev mode). */
  close(): Promise<void>;
}

/**
 * Builds the real adapters from config. In IDENFY_DEV_MODE without IDENFY_API_URL, the iDenfy simulator
 * is started in this process on a free loopback port, and the same HTTP client talks to it; payment
 * providers without keys get their stand-ins the same way (see payments/start-providers.ts).
 */
export async function startProviders(config: ServerConfig, logger: Logger): Promise<StartedProviders> {
  const { idenfy } = config;
  let baseUrl: string;
  let closeSimulator = async () => {};
  if (idenfy.apiUrl === undefined) {
    const simulator = await startIdenfySimulator({
      apiKey: idenfy.apiKey,
      apiSecret: idenfy.apiSecret,
      webhookSecret: idenfy.webhookSecret,
      port: 0,
    });
    baseUrl = simulator.url;
    closeSimulator = () => simulator.close();
    logger.warn(
      `IDENFY_DEV_MODE: using the built-in iDenfy simulator at ${simulator.url}; no real identity checks happen`,
    );
  } else {
    baseUrl = idenfy.apiUrl;
    if (idenfy.devMode) logger.warn(`IDENFY_DEV_MODE: using the iDenfy stand-in at ${baseUrl}`);
  }
  const kycProvider = new IdenfyProvider({
    apiKey: idenfy.apiKey,
    apiSecret: idenfy.apiSecret,
    webhookSecret: idenfy.webhookSecret,
    baseUrl,
    timeoutMs: idenfy.timeoutMs,
  });
  if (config.kyc.demoMode)
    logger.warn(
      'KYC_DEMO_MODE is ON: /kyc/start completes KYC without any provider. Never use this in production.',
    );
  const codeSender =
    config.mail.smtpUrl !== undefined
      ? smtpCodeSender({ smtpUrl: config.mail.smtpUrl, from: config.mail.from })
      : devLogCodeSender(logger);
  if (codeSender.channel === 'dev-log')
    logger.warn('ONBOARDING_DEV_MODE: sign-in codes go to this log and the challenge response, not email');
  const payments = await startPaymentProviders(config, logger);
  const close = async () => {
    await Promise.all([closeSimulator(), payments.close()]);
  };
  return { kycProvider, codeSender, paymentProviders: payments.paymentProviders, close };
}
