import { type TopUp, topUpRepository, type User } from '@hero-onboarding/generated/onboarding';
import type { PaymentDeps } from '../context';
import { AppError, badRequest } from '../http/errors';
import { isUuid } from '../http/ids';
import { lookUpTopUp } from './lookup.service';

/** Which top-up the person came back for: ours (`top_up`), or ClickPesa's order reference on its redirect. */
export interface ReturnQuery {
  readonly topUpId: string | undefined;
  readonly orderReference: string | undefined;
}

/**
 * /payment/return: the person's own top-up. While it is still pending the webhook may have been missed, so
 * one bounded provider lookup (at most once per interval across processes) may settle it here.
 */
export async function returnToTopUp(deps: PaymentDeps, user: User, query: ReturnQuery): Promise<TopUp> {
  const topUp = await findTopUp(deps, query);
  // Someone else's top-up is answered exactly like a missing one.
  if (topUp === undefined || topUp.user_id !== user.id)
    throw new AppError(404, 'not_found', 'No such top-up.');
  if (topUp.status !== 'pending') return topUp;
  const looked = await lookUpTopUp(deps, topUp, 'return_lookup');
  return looked.kind === 'checked' ? topUpRepository.getOrThrow(deps.db, topUp.id) : topUp;
}

function findTopUp(deps: PaymentDeps, { topUpId, orderReference }: ReturnQuery): Promise<TopUp | undefined> {
  if (topUpId !== undefined && isUuid(topUpId)) return topUpRepository.get(deps.db, topUpId);
  if (topUpId === undefined && orderReference !== undefined && /^[A-Za-z0-9]{1,100}$/.test(orderReference))
    return topUpRepository.findByProviderRef(deps.db, orderReference);
  throw badRequest('invalid_request', '"top_up" must be the id of one of your top-ups.', { field: 'top_up' });
}
