import type { Child } from 'hono/jsx';

/** A status as a labelled badge: the word carries the meaning, the colour only repeats it. */
export function Badge(props: { value: string | null; kind?: string }) {
  if (props.value === null || props.value === '') return <span class="muted">—</span>;
  return <span class={`badge ${props.kind ?? props.value}`}>{props.value.replace(/_/g, ' ')}</span>;
}

/** A moment in UTC, readable and machine-readable. */
export function Time(props: { value: string | null }) {
  if (props.value === null) return <span class="muted">—</span>;
  const iso = new Date(props.value).toISOString();
  return <time datetime={iso}>{`${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`}</time>;
}

export function Notice(props: { kind: 'ok' | 'error' | 'info' | 'warn'; children?: Child }) {
  return (
    <p class={`notice ${props.kind}`} role={props.kind === 'error' ? 'alert' : 'status'}>
      {props.children}
    </p>
  );
}

/** "Newest" and "Next page" links that keep the filters; the cursor is the server's opaque one. */
export function Pager(props: {
  path: string;
  query: Record<string, string | undefined>;
  nextCursor: string | null;
}) {
  const href = (cursor: string | undefined) => {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(props.query))
      if (value !== undefined && value !== '' && key !== 'cursor') params.set(key, value);
    if (cursor !== undefined) params.set('cursor', cursor);
    const search = params.toString();
    return search === '' ? props.path : `${props.path}?${search}`;
  };
  const onFirstPage = props.query.cursor === undefined || props.query.cursor === '';
  if (onFirstPage && props.nextCursor === null) return null;
  return (
    <nav class="pager" aria-label="Pages">
      {onFirstPage ? <span /> : <a href={href(undefined)}>← Newest</a>}
      {props.nextCursor === null ? (
        <span />
      ) : (
        <a href={href(props.nextCursor)} rel="next">
          Next page →
        </a>
      )}
    </nav>
  );
}

/** Fraud and mismatch tags from the provider (`{ fraud_tags, mismatch_tags }`), as badges. */
export function ProviderTags(props: { tags: unknown }) {
  const list = (key: string) => {
    const value = (props.tags as Record<string, unknown> | null)?.[key];
    return Array.isArray(value) ? value.filter((t): t is string => typeof t === 'string') : [];
  };
  const fraud = typeof props.tags === 'object' ? list('fraud_tags') : [];
  const mismatch = typeof props.tags === 'object' ? list('mismatch_tags') : [];
  if (fraud.length === 0 && mismatch.length === 0) return <span class="muted">none</span>;
  return (
    <span class="tags">
      {fraud.map((t) => (
        <span class="badge flagged">{`fraud: ${t}`}</span>
      ))}
      {mismatch.map((t) => (
        <span class="badge review">{`mismatch: ${t}`}</span>
      ))}
    </span>
  );
}
