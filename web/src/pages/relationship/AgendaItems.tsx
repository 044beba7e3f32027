// Today's relationship items, each with its one-click actions: draft the
// follow-up, mark it done, snooze it a day or a week, log a coffee.
import { useState } from 'preact/hooks';
import { post } from '../../api';
import { completeFollowUp, completeReminder, snooze } from '../../relationship';
import type { AgendaItem } from '../../types';
import { FollowUpDraftView } from './FollowUpDraftView';
import { LogForm } from './LogForm';

export interface AgendaItemProps {
  item: AgendaItem;
  onChange?: () => void;
}

// The headings Today groups its items under, in the agenda's order.
export const agendaHeadings: Record<string, string> = {
  'follow-up': 'Follow up',
  reminder: 'Reminders',
  reconnect: 'Reconnect',
  drifting: 'Drifting',
  connect: 'Connect',
  post: 'Post something',
  opportunity: 'Opportunities to offer',
};

function PersonItem({ item, onChange }: AgendaItemProps) {
  const [open, setOpen] = useState<'' | 'draft' | 'log'>('');
  const [error, setError] = useState('');
  const contactId = item.contact_id as number | null;
  const reminderId = item.reminder_id as number | null;
  const act = async (action: () => Promise<unknown>) => {
    try {
      await action();
      setError('');
      onChange?.();
    } catch (failure) {
      setError((failure as Error).message);
    }
  };
  const name = String(item.name ?? '');
  return (
    <div class={`agenda-item ${item.kind}`}>
      <p class="agenda-text">
        {String(item.text ?? '')}
        {contactId !== null && (
          <>
            {' '}
            <a href={`/contacts/${contactId}`} aria-label={`Open ${name}`}>
              Open
            </a>
          </>
        )}
      </p>
      <div class="inline-form wrap agenda-actions">
        {item.kind === 'follow-up' && contactId !== null && (
          <button
            type="button"
            aria-expanded={open === 'draft'}
            onClick={() => setOpen(open === 'draft' ? '' : 'draft')}
            aria-label={`Draft the follow-up to ${name}`}
          >
            Draft
          </button>
        )}
        {reminderId !== null && (
          <button
            type="button"
            aria-label={`Done: ${name}`}
            onClick={() =>
              act(() =>
                item.kind === 'follow-up' && contactId !== null
                  ? completeFollowUp(contactId)
                  : completeReminder(reminderId),
              )
            }
          >
            Done
          </button>
        )}
        {reminderId !== null && (
          <>
            <button type="button" aria-label={`Snooze ${name} a day`} onClick={() => act(() => snooze(reminderId, 1))}>
              +1 day
            </button>
            <button type="button" aria-label={`Snooze ${name} a week`} onClick={() => act(() => snooze(reminderId, 7))}>
              +1 week
            </button>
          </>
        )}
        {contactId !== null && (
          <button
            type="button"
            aria-expanded={open === 'log'}
            aria-label={`Log a coffee with ${name}`}
            onClick={() => setOpen(open === 'log' ? '' : 'log')}
          >
            Log a coffee
          </button>
        )}
      </div>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      {open === 'draft' && contactId !== null && <FollowUpDraftView contactId={contactId} />}
      {open === 'log' && contactId !== null && (
        <LogForm contactId={contactId} onLogged={() => (setOpen(''), onChange?.())} onCancel={() => setOpen('')} />
      )}
    </div>
  );
}

// The posting nudge: "I posted today" records a post and quiets it.
function PostItem({ item, onChange }: AgendaItemProps) {
  const [error, setError] = useState('');
  return (
    <div class="agenda-item post">
      <p class="agenda-text">{String(item.text ?? '')}</p>
      <div class="inline-form">
        <button
          type="button"
          onClick={() =>
            post('/posts', {})
              .then(() => onChange?.())
              .catch((failure: Error) => setError(failure.message))
          }
        >
          I posted today
        </button>
      </div>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

export const relationshipRenderers = {
  'follow-up': PersonItem,
  reminder: PersonItem,
  reconnect: PersonItem,
  drifting: PersonItem,
  connect: PersonItem,
  post: PostItem,
};
