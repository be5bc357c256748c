import type { KycStatus, TopUpStatus } from '@hero-onboarding/generated/onboarding';
import type { Child } from 'hono/jsx';

export function Notice(props: { kind: 'info' | 'ok' | 'warn' | 'error'; children?: Child }) {
  return <div class={`notice ${props.kind}`}>{props.children}</div>;
}

/**
 * What went wrong with a form, at the top of the page (`role="alert"`: screen readers say it at once),
 * linking to the field it is about, which shows the message again beside it.
 */
export function ErrorSummary(props: {
  error: { code: string; message: string; field?: string | undefined } | undefined;
}) {
  const { error } = props;
  if (error === undefined) return null;
  return (
    <div class="notice error" role="alert" data-code={error.code}>
      <h2>There is a problem</h2>
      <p>{error.field === undefined ? error.message : <a href={`#${error.field}`}>{error.message}</a>}</p>
    </div>
  );
}

type Tone = 'good' | 'waiting' | 'bad' | 'neutral';

const KYC_LABELS: Record<KycStatus, [string, Tone]> = {
  pending: ['Not verified yet', 'neutral'],
  in_progress: ['In progress', 'waiting'],
  completed: ['Verified', 'good'],
  failed: ['Not successful', 'bad'],
  expired: ['Expired', 'bad'],
};

const TOP_UP_LABELS: Record<TopUpStatus, [string, Tone]> = {
  pending: ['Pending', 'waiting'],
  paid: ['Paid', 'good'],
  failed: ['Failed', 'bad'],
  expired: ['Expired', 'bad'],
  canceled: ['Canceled', 'bad'],
  held: ['Held for review', 'waiting'],
};

/** A status in words and colour (the words carry the meaning; the colour only repeats it). */
export function StatusBadge(props: { kyc: KycStatus } | { topUp: TopUpStatus }) {
  const [label, tone] = 'kyc' in props ? KYC_LABELS[props.kyc] : TOP_UP_LABELS[props.topUp];
  const status = 'kyc' in props ? props.kyc : props.topUp;
  return (
    <span class={`badge ${tone}`} data-status={status}>
      {label}
    </span>
  );
}

/** A page that reloads itself says so, and offers to stop (a reload can interrupt a screen reader). */
export function RefreshNote(props: { seconds: number; stopHref: string }) {
  return (
    <p class="refreshing">
      This page checks again every {props.seconds} seconds. <a href={props.stopHref}>Stop checking</a>
    </p>
  );
}
