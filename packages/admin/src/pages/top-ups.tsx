import { PaymentProviderValues, TopUpStatusValues } from '@hero-onboarding/generated/onboarding';
import { formatMoney } from '@hero-onboarding/payments';
import type { AdminTopUp } from '../server-api';
import { FilterForm, SelectFilter } from './filters';
import { Badge, Time } from './parts';

/** Top-ups as a table (cards on a phone): whose, how much, through whom, where it stands, what needs a look. */
export function TopUpTable(props: { topUps: readonly AdminTopUp[]; caption: string; showUser?: boolean }) {
  if (props.topUps.length === 0) return <p class="empty">No top-ups match.</p>;
  const showUser = props.showUser ?? true;
  return (
    <table>
      <caption class="visually-hidden">{props.caption}</caption>
      <thead>
        <tr>
          {showUser ? <th scope="col">User</th> : null}
          <th scope="col" class="num">
            Amount
          </th>
          <th scope="col">Provider</th>
          <th scope="col">Status</th>
          <th scope="col">Needs a look</th>
          <th scope="col">Created</th>
          <th scope="col">Paid</th>
        </tr>
      </thead>
      <tbody>
        {props.topUps.map((t) => (
          <tr>
            {showUser ? (
              <td data-label="User">
                <a class="email" href={`/users/${t.user_id}`}>
                  {t.user_email ?? t.user_id}
                </a>
              </td>
            ) : null}
            <td data-label="Amount" class="num">
              {formatMoney(t.amount_cents, t.currency)}
            </td>
            <td data-label="Provider">{t.provider}</td>
            <td data-label="Status">
              <Badge value={t.status} />
            </td>
            <td data-label="Needs a look">
              {t.flag === null ? <span class="muted">no</span> : <Badge value={t.flag} kind="flagged" />}
            </td>
            <td data-label="Created">
              <Time value={t.created_at} />
            </td>
            <td data-label="Paid">
              <Time value={t.paid_at} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function TopUpFilters(props: { query: Record<string, string | undefined> }) {
  const { status, provider, flagged, q } = props.query;
  return (
    <FilterForm action="/top-ups" q={q}>
      <SelectFilter
        name="status"
        label="Status"
        any="Any status"
        values={TopUpStatusValues}
        selected={status}
      />
      <SelectFilter
        name="provider"
        label="Provider"
        any="Any provider"
        values={PaymentProviderValues}
        selected={provider}
      />
      <SelectFilter
        name="flagged"
        label="Needs a look"
        any="Any"
        values={['true']}
        selected={flagged}
        show={() => 'flagged only'}
      />
    </FilterForm>
  );
}
