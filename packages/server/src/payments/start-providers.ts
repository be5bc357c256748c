import { ClickPesaPaymentProvider, StripePaymentProvider } from '@hero-onboarding/payments';
import { startClickPesaStandIn, startStripeStandIn } from '@hero-onboarding/payments/stand-ins';
import type { ServerConfig } from '../config';
import type { PaymentProviders } from '../context';
import type { Logger } from '../logger';

export interface StartedPaymentProviders {
  readonly paymentProviders: PaymentProviders;
  /** Stops the stand-ins started beside the server. */
  close(): Promise<void>;
}

/**
 * The payment adapters from config. A provider in stand-in mode (no keys, not production) talks to the
 * local stand-in: one started here on a loopback port, or the one STRIPE_API_URL / CLICKPESA_API_URL names.
 * Both are logged loudly: no real money moves.
 */
export async function startPaymentProviders(
  config: Pick<ServerConfig, 'payments' | 'http'>,
  logger: Logger,
): Promise<StartedPaymentProviders> {
  const { stripe, clickpesa, providerTimeoutMs } = config.payments;
  const { publicUrl } = config.http;
  const closers: (() => Promise<void>)[] = [];
  const providers: { -readonly [K in keyof PaymentProviders]: PaymentProviders[K] } = {};
  try {
    if (stripe.mode !== 'off') {
      let apiUrl = stripe.apiUrl;
      if (stripe.mode === 'stand-in' && apiUrl === undefined) {
        const standIn = await startStripeStandIn({
          secretKey: stripe.secretKey,
          webhookSecret: stripe.webhookSecret,
          webhookUrl: `${publicUrl}/webhooks/stripe`,
        });
        closers.push(() => standIn.close());
        apiUrl = standIn.url;
      }
      if (stripe.mode === 'stand-in')
        logger.warn(
          `STRIPE_SECRET_KEY is unset: Stripe is the local stand-in at ${apiUrl}; no real payments happen`,
        );
      providers.stripe = new StripePaymentProvider({
        secretKey: stripe.secretKey,
        webhookSecret: stripe.webhookSecret,
        ...(apiUrl === undefined ? {} : { apiUrl }),
        timeoutMs: providerTimeoutMs,
      });
    }
    if (clickpesa.mode !== 'off') {
      let apiUrl = clickpesa.apiUrl;
      if (apiUrl === undefined) {
        const standIn = await startClickPesaStandIn({
          clientId: clickpesa.clientId,
          apiKey: clickpesa.apiKey,
          checksumKey: clickpesa.checksumKey,
          webhookUrl: `${publicUrl}/webhooks/clickpesa`,
          returnUrl: `${publicUrl}/payment/return`,
        });
        closers.push(() => standIn.close());
        apiUrl = standIn.apiUrl;
      }
      if (clickpesa.mode === 'stand-in')
        logger.warn(
          `CLICKPESA_CLIENT_ID is unset: ClickPesa is the local stand-in at ${apiUrl}; no real payments happen`,
        );
      providers.clickpesa = new ClickPesaPaymentProvider({
        clientId: clickpesa.clientId,
        apiKey: clickpesa.apiKey,
        checksumKey: clickpesa.checksumKey,
        apiUrl,
        timeoutMs: providerTimeoutMs,
      });
    }
  } catch (error) {
    await Promise.all(closers.map((close) => close()));
    throw error;
  }
  if (providers.stripe === undefined && providers.clickpesa === undefined)
    logger.warn(
      'no payment provider is configured: top-ups are refused (set STRIPE_* or CLICKPESA_* variables)',
    );
  return {
    paymentProviders: providers,
    close: async () => void (await Promise.all(closers.map((c) => c()))),
  };
}
