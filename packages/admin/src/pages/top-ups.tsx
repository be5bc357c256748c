import { PaymentProviderValues, TopUpStatusValues } from '@hero-onboarding/generated/onboarding';
import { formatMoney } from '@hero-onboarding/payments';
import type { AdminTopUp } from '../server-api';

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
    <search>
      <form class="filters" method="get" action="/top-ups">
        <div class="field">
          <label for="status">Status</label>
          <select id="status" name="status">
            <option value="">Any status</option>
            {TopUpStatusValues.map((value) => (
              <option value={value} selected={value === status}>
                {value}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="provider">Provider</label>
          <select id="provider" name="provider">
            <option value="">Any provider</option>
            {PaymentProviderValues.map((value) => (
              <option value={value} selected={value === provider}>
                {value}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="flagged">Needs a look</label>
          <select id="flagged" name="flagged">
            <option value="">Any</option>
            <option value="true" selected={flagged === 'true'}>
              flagged only
            </option>
          </select>
        </div>
        <div class="field">
          <label for="q">Email contains</label>
          <input id="q" name="q" type="search" value={q ?? ''} maxlength={254} autocomplete="off" />
        </div>
        <button type="submit">Filter</button>
      </form>
    </search>
  );
}
