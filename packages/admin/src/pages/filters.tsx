import type { Child } from 'hono/jsx';

/**
 * A list's filters: a plain GET form (it works without JavaScript and the URL can be shared), its own
 * fields, then the email search every list has.
 */
export function FilterForm(props: { action: string; q: string | undefined; children?: Child }) {
  return (
    <search>
      <form class="filters" method="get" action={props.action}>
        {props.children}
        <div class="field">
          <label for="q">Email contains</label>
          <input id="q" name="q" type="search" value={props.q ?? ''} maxlength={254} autocomplete="off" />
        </div>
        <button type="submit">Filter</button>
      </form>
    </search>
  );
}

/** One labelled select: "any" first (an empty value: no filter), then each value, the current one selected. */
export function SelectFilter(props: {
  name: string;
  label: string;
  any: string;
  values: readonly string[];
  selected: string | undefined;
  /** How a value reads; default: underscores become spaces. */
  show?: (value: string) => string;
}) {
  const show = props.show ?? ((value: string) => value.replace(/_/g, ' '));
  return (
    <div class="field">
      <label for={props.name}>{props.label}</label>
      <select id={props.name} name={props.name}>
        <option value="">{props.any}</option>
        {props.values.map((value) => (
          <option value={value} selected={value === props.selected}>
            {show(value)}
          </option>
        ))}
      </select>
    </div>
  );
}
