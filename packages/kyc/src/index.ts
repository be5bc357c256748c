export {
  ClientIdError,
  type ClientIdErrorReason,
  MAX_CLIENT_ID_LENGTH,
  makeClientId,
  userIdFromClientId,
} from './client-id';
export { KycProviderError, type KycProviderErrorDetails, type KycProviderErrorKind } from './errors';
export { IDENFY_BASE_URL, IdenfyProvider, type IdenfyProviderOptions } from './idenfy/client';
export { IDENFY_SIGNATURE_HEADER, signWebhookBody, verifyWebhookSignature } from './idenfy/signature';
export { parseIdenfyWebhook } from './idenfy/webhook';
export { type KycOutcome, type KycOutcomeOptions, kycOutcome } from './outcome';
export {
  KYC_OVERALL_STATUSES,
  type KycOverall,
  type KycProvider,
  type KycSessionRequest,
  type KycSessionToken,
  type KycStatusReport,
  type KycWebhook,
  type ParseError,
  type ParseResult,
  type RawBody,
} from './provider';
