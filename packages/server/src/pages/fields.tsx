/** A refusal of a form, as its page shows it: on the field it is about, or above the form. */
export interface FormError {
  readonly code: string;
  readonly message: string;
  /** The form field it is about; undefined for the form as a whole (too many tries, a mail failure). */
  readonly field?: string | undefined;
}

/** A field's error, read out with the field (`aria-describedby`) and shown above it (the page's error summary is the alert). */
export function FieldError(props: { id: string; message: string | undefined }) {
  if (props.message === undefined) return null;
  return (
    <p class="field-error" id={props.id}>
      <span class="visually-hidden">Error: </span>
      {props.message}
    </p>
  );
}

/** The attributes that tie an input to its hint and error. */
export function describedBy(hintId: string | undefined, errorId: string, error: string | undefined) {
  const ids = [hintId, error === undefined ? undefined : errorId].filter((id) => id !== undefined);
  return {
    'aria-describedby': ids.length === 0 ? undefined : ids.join(' '),
    'aria-invalid': error === undefined ? undefined : 'true',
  };
}
