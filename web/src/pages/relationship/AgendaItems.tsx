// Today's relationship items, each with its one-click actions: draft the
// follow-up, mark it done, snooze it a day or a week, log a coffee; done and
// snooze come with an Undo.
import { useEffect, useState } from 'preact/hooks';
import { get, post, put } from '../../api';
import { completeFollowUp, completeReminder, snooze } from '../../relationship';
import type { AgendaItem, Contact, Link } from '../../types';
import { held, undoable } from '../../ui/toast';
import { linkNames } from '../ContactPage';
import { FollowUpDraftView } from './FollowUpDraftView';
import { LogForm } from './LogForm';
import { ErrorText } from '../../ui/ErrorText';

export interface AgendaItemProps {
  item: AgendaItem;
  onChange?: () => void;
  // Hides the item while its action waits behind an Undo (false: back again).
  onHide?: (hidden: boolean) => void;
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

// Visible text is the accessible name (voice control says what it sees):
// the person is named by the item the buttons sit in.
function PersonItem({ item, onChange, onHide }: AgendaItemProps) {
  const [open, setOpen] = useState<'' | 'draft' | 'log' | 'snooze'>('');
  const contactId = item.contact_id as number | null;
  const reminderId = item.reminder_id as number | null;
  const name = String(item.name ?? '');
  // Done and snooze wait a few seconds behind an Undo before they are written.
  const hold = (message: string, action: () => Promise<unknown>) => {
    onHide?.(true);
    held(message, () => action().then(() => onChange?.()), () => onHide?.(false));
  };
  const done = () =>
    hold(`Done: ${name}`, () =>
      item.kind === 'follow-up' && contactId !== null
        ? completeFollowUp(contactId)
        : completeReminder(reminderId as number),
    );
  const later = (days: number) =>
    hold(`Snoozed ${name} ${days === 1 ? 'a day' : 'a week'}`, () => snooze(reminderId as number, days));
  const toggle = (what: typeof open) => setOpen(open === what ? '' : what);
  return (
    <div class={`agenda-item ${item.kind}`}>
      <p class="agenda-text">{String(item.text ?? '')}</p>
      <div class="agenda-actions">
        {contactId !== null && (
          <a class="button" href={`/contacts/${contactId}`}>
            Open
          </a>
        )}
        {item.kind === 'follow-up' && contactId !== null && (
          <button type="button" aria-expanded={open === 'draft'} onClick={() => toggle('draft')}>
            Draft
          </button>
        )}
        {reminderId !== null && (
          <button type="button" onClick={done}>
            Done
          </button>
        )}
        {reminderId !== null && (
          <button type="button" aria-expanded={open === 'snooze'} onClick={() => toggle('snooze')}>
            Snooze
          </button>
        )}
        {contactId !== null && (
          <button type="button" aria-expanded={open === 'log'} onClick={() => toggle('log')}>
            Log
          </button>
        )}
      </div>
      {open === 'snooze' && reminderId !== null && (
        <div class="agenda-actions">
          <button type="button" onClick={() => later(1)}>
            A day
          </button>
          <button type="button" onClick={() => later(7)}>
            A week
          </button>
        </div>
      )}
      {open === 'draft' && contactId !== null && <FollowUpDraftView contactId={contactId} />}
      {open === 'log' && contactId !== null && (
        <LogForm contactId={contactId} onLogged={() => (setOpen(''), onChange?.())} onCancel={() => setOpen('')} />
      )}
    </div>
  );
}

// "Connect with X on LinkedIn": open their profile (the button names the
// site), then say it is done; "Card" opens theirs in kith.
// Following (GitHub, X, Instagram) is marked as followed, the rest connected.
function ConnectItem({ item, onChange, onHide }: AgendaItemProps) {
  const contactId = item.contact_id as number;
  const [link, setLink] = useState<Link | null>(null);
  const [error, setError] = useState('');
  useEffect(() => {
    get(`/contacts/${contactId}`)
      .then((body) =>
        setLink((body as Contact).links.find((each) => each.kind !== 'other' && !each.connected && !each.followed) ?? null),
      )
      .catch((failure: Error) => setError(failure.message));
  }, [contactId]);
  const follows = link !== null && ['github', 'twitter', 'instagram'].includes(link.kind);
  const mark = (on: boolean) =>
    put(`/contacts/${contactId}/links`, { kind: link?.kind, url: link?.url, [follows ? 'followed' : 'connected']: on });
  const done = async () => {
    try {
      await mark(true);
      onHide?.(true);
      undoable(`${follows ? 'Following' : 'Connected with'} ${String(item.name ?? '')}`, async () => {
        await mark(false);
        onHide?.(false);
        onChange?.();
      });
    } catch (failure) {
      setError((failure as Error).message);
    }
  };
  return (
    <div class="agenda-item connect">
      <p class="agenda-text">{String(item.text ?? '')}</p>
      <div class="agenda-actions">
        {link && (
          <a class="button" href={link.url} target="_blank" rel="noopener noreferrer" data-testid="profile">
            {linkNames[link.kind] ?? link.kind}
          </a>
        )}
        {link && (
          <button type="button" onClick={done}>
            {follows ? 'Mark followed' : 'Mark connected'}
          </button>
        )}
        <a class="button" href={`/contacts/${contactId}`}>
          Card
        </a>
      </div>
      <ErrorText error={error} />
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
      <ErrorText error={error} />
    </div>
  );
}

export const relationshipRenderers = {
  'follow-up': PersonItem,
  reminder: PersonItem,
  reconnect: PersonItem,
  drifting: PersonItem,
  connect: ConnectItem,
  post: PostItem,
};
