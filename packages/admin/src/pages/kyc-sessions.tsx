import { KycStatusValues } from '@hero-onboarding/generated/onboarding';
import type { AdminKycSession } from '../server-api';
import { FilterForm, SelectFilter } from './filters';
import { Badge, ProviderTags, Time } from './parts';

/** KYC sessions as a table (cards on a phone): who, where it stands, what the provider said, when. */
export function KycSessionTable(props: {
  sessions: readonly AdminKycSession[];
  caption: string;
  showUser?: boolean;
}) {
  if (props.sessions.length === 0) return <p class="empty">No KYC sessions match.</p>;
  const showUser = props.showUser ?? true;
  return (
    <table>
      <caption class="visually-hidden">{props.caption}</caption>
      <thead>
        <tr>
          {showUser ? <th scope="col">User</th> : null}
          <th scope="col">Status</th>
          <th scope="col">Provider status</th>
          <th scope="col">Tags</th>
          <th scope="col" class="num">
            Re-mints
          </th>
          <th scope="col">Started</th>
          <th scope="col">Last change</th>
        </tr>
      </thead>
      <tbody>
        {props.sessions.map((s) => (
          <tr>
            {showUser ? (
              <td data-label="User">
                <a class="email" href={`/users/${s.user_id}`}>
                  {s.user_email ?? s.user_id}
                </a>
              </td>
            ) : null}
            <td data-label="Status">
              <Badge value={s.status} />
            </td>
            <td data-label="Provider status">
              <Badge value={s.provider_status} kind={reviewKind(s.provider_status)} />
            </td>
            <td data-label="Tags">
              <ProviderTags tags={s.provider_tags} />
            </td>
            <td data-label="Re-mints" class="num">
              {String(s.recreation_count)}
            </td>
            <td data-label="Started">
              <Time value={s.created_at} />
            </td>
            <td data-label="Last change">
              <Time value={s.updated_at} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function reviewKind(providerStatus: string | null): string {
  if (providerStatus === 'SUSPECTED' || providerStatus === 'REVIEWING') return 'review';
  if (providerStatus === 'APPROVED') return 'completed';
  if (providerStatus === 'DENIED' || providerStatus === 'EXPIRED') return 'failed';
  return '';
}

/** Status and email filters. */
export function KycFilters(props: { status: string | undefined; q: string | undefined; action: string }) {
  return (
    <FilterForm action={props.action} q={props.q}>
      <SelectFilter
        name="status"
        label="Status"
        any="Any status"
        values={KycStatusValues}
        selected={props.status}
      />
    </FilterForm>
  );
}
