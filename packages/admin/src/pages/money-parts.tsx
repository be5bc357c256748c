import { formatMoney } from '@hero-onboarding/payments';

/** A user's balances, one per currency; none yet reads as 0. */
export function Balances(props: { balances: readonly { currency: string; amount_cents: string }[] }) {
  if (props.balances.length === 0) return <span class="muted">0</span>;
  return (
    <span class="balances">
      {props.balances.map((b) => (
        <span>{formatMoney(b.amount_cents, b.currency)}</span>
      ))}
    </span>
  );
}
