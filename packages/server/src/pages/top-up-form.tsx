import type { FormError } from './fields';
import { describedBy, FieldError } from './fields';

export interface ProviderChoice {
  readonly name: string;
  readonly label: string;
  readonly note: string;
}

export interface TopUpFormProps {
  readonly currencies: readonly string[];
  readonly providers: readonly ProviderChoice[];
  /** "From 1.00 to 10,000.00.", when every allowed currency has the same bounds in its major unit. */
  readonly bounds: string | undefined;
  /** What the person typed, shown again after a refusal. */
  readonly values?: { amount?: string; currency?: string; provider?: string } | undefined;
  readonly error?: FormError | undefined;
}

/**
 * The top-up form: an amount as a person writes it ("10.50", sent as `amount_decimal` and converted to
 * minor units exactly by the server), the currency and how to pay. Works without JavaScript.
 */
export function TopUpForm(props: TopUpFormProps) {
  const { error, values } = props;
  const messageFor = (field: string) => (error?.field === field ? error.message : undefined);
  const amountError = messageFor('amount');
  const currencyError = messageFor('currency');
  const providerError = messageFor('provider');
  const chosenCurrency = values?.currency?.toUpperCase() ?? props.currencies[0];
  const chosenProvider = values?.provider ?? props.providers[0]?.name;
  return (
    <form class="stack" method="post" action="/payment/intent">
      <div class="field">
        <label for="amount">Amount</label>
        <p class="hint" id="amount-hint">
          For example 10.50. {props.bounds ?? ''}
        </p>
        <FieldError id="amount-error" message={amountError} />
        <input
          id="amount"
          name="amount_decimal"
          class="short"
          type="text"
          inputmode="decimal"
          autocomplete="off"
          required
          value={values?.amount ?? ''}
          {...describedBy('amount-hint', 'amount-error', amountError)}
        />
      </div>
      <div class="field">
        <label for="currency">Currency</label>
        <FieldError id="currency-error" message={currencyError} />
        <select
          id="currency"
          name="currency"
          class="short"
          {...describedBy(undefined, 'currency-error', currencyError)}
        >
          {props.currencies.map((currency) => (
            <option value={currency} selected={currency === chosenCurrency}>
              {currency}
            </option>
          ))}
        </select>
      </div>
      <fieldset aria-describedby={providerError === undefined ? undefined : 'provider-error'}>
        <legend>Pay with</legend>
        <FieldError id="provider-error" message={providerError} />
        {props.providers.map((provider, index) => (
          <label class="choice">
            <input
              id={index === 0 ? 'provider' : undefined}
              type="radio"
              name="provider"
              value={provider.name}
              checked={provider.name === chosenProvider}
              required
            />
            <span>
              {provider.label} <small>{provider.note}</small>
            </span>
          </label>
        ))}
      </fieldset>
      <p>
        <button type="submit">Continue to payment</button>
      </p>
    </form>
  );
}
