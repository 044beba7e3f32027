// The inline "are you sure?" of a destructive button: the question, a
// red yes and a cancel, grouped under the question's name for screen
// readers. Inline (a span) inside a list row, a paragraph on its own.
import type { ComponentChildren } from 'preact';

export function Confirm(props: {
  label: string;
  yes: string;
  onYes: () => void;
  onCancel: () => void;
  inline?: boolean;
  children: ComponentChildren;
}) {
  const body = (
    <>
      <span>{props.children}</span>
      <button type="button" class="danger" onClick={props.onYes}>
        {props.yes}
      </button>
      <button type="button" onClick={props.onCancel}>
        Cancel
      </button>
    </>
  );
  return props.inline ? (
    <span class="confirm" role="group" aria-label={props.label}>
      {body}
    </span>
  ) : (
    <p class="confirm" role="group" aria-label={props.label}>
      {body}
    </p>
  );
}
