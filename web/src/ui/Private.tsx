// What is private on a team's server (docs/team.md "What is shared and what
// is mine"): the toggle that keeps a meeting or a fact to its author, and
// the marker on the rows that are, and who logged a shared one.
import { currentSession, hasAccounts } from '../api';

// The "Private" checkbox of a form; nothing on a personal server, where
// one person sees everything anyway.
export function PrivateToggle(props: { id: string; checked: boolean; onChange: (checked: boolean) => void }) {
  if (!hasAccounts()) return null;
  return (
    <label for={props.id} class="private-toggle">
      <input
        id={props.id}
        type="checkbox"
        checked={props.checked}
        onChange={(changeEvent) => props.onChange((changeEvent.target as HTMLInputElement).checked)}
      />
      Private — only you see this
    </label>
  );
}

// "Private" on a row only its author sees; "logged by bo" (a meeting) or
// "noted by bo" (a fact) on a shared row another member wrote.
export function WhoSees({ row, verb = 'logged' }: { row: { private?: boolean; author?: string }; verb?: string }) {
  if (row.private) {
    return (
      <span class="private-mark" data-testid="private-mark" title="Only you see this">
        Private
      </span>
    );
  }
  const me = currentSession()?.account ?? '';
  if (row.author && row.author !== me) return <span class="muted"> — {verb} by {row.author}</span>;
  return null;
}
