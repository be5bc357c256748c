import { KycStatusValues } from '@hero-onboarding/generated/onboarding';
import type { AdminUser } from '../server-api';
import { FilterForm, SelectFilter } from './filters';
import { Balances } from './money-parts';
import { Badge, Time } from './parts';

export function UserTable(props: { users: readonly AdminUser[] }) {
  if (props.users.length === 0) return <p class="empty">No users match.</p>;
  return (
    <table>
      <caption class="visually-hidden">Users, newest first</caption>
      <thead>
        <tr>
          <th scope="col">Email</th>
          <th scope="col">Role</th>
          <th scope="col">KYC status</th>
          <th scope="col">Verified</th>
          <th scope="col">Balance</th>
          <th scope="col">Signed up</th>
        </tr>
      </thead>
      <tbody>
        {props.users.map((u) => (
          <tr>
            <td data-label="Email">
              <a class="email" href={`/users/${u.id}`}>
                {u.email}
              </a>
            </td>
            <td data-label="Role">{u.role}</td>
            <td data-label="KYC status">
              <Badge value={u.kyc_status} />
            </td>
            <td data-label="Verified">
              <Time value={u.kyc_verified_at} />
            </td>
            <td data-label="Balance">
              <Balances balances={u.balances} />
            </td>
            <td data-label="Signed up">
              <Time value={u.created_at} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function UserFilters(props: { kycStatus: string | undefined; q: string | undefined }) {
  return (
    <FilterForm action="/users" q={props.q}>
      <SelectFilter
        name="kyc_status"
        label="KYC status"
        any="Any status"
        values={KycStatusValues}
        selected={props.kycStatus}
      />
    </FilterForm>
  );
}
