// The relationship loop under a card: the brief for the next meeting with
// the health and why, facts (personal and professional, added inline), the
// interaction timeline with the log form, reminders, the follow-up draft.
import { useEffect, useState } from 'preact/hooks';
import { get } from '../../api';
import {
  completeReminder,
  dismissReminder,
  setFact,
  snooze,
  type Brief,
  type Fact,
  type Interaction,
  type Reminder,
} from '../../relationship';
import type { Contact } from '../../types';
import { PrivateToggle, WhoSees } from '../../ui/Private';
import { FollowUpDraftView } from './FollowUpDraftView';
import { LogForm } from './LogForm';

interface SectionProps {
  contact: Contact;
}

// Sections reload together when something is logged: a version bump.
let listeners: (() => void)[] = [];
function changed() {
  for (const listener of listeners) listener();
}
function useVersion(): number {
  const [version, setVersion] = useState(0);
  useEffect(() => {
    const listener = () => setVersion((value) => value + 1);
    listeners.push(listener);
    return () => {
      listeners = listeners.filter((other) => other !== listener);
    };
  }, []);
  return version;
}

function useLoad<T>(path: string): [T | null, string] {
  const version = useVersion();
  const [value, setValue] = useState<T | null>(null);
  const [error, setError] = useState('');
  useEffect(() => {
    get(path)
      .then((body) => setValue(body as T))
      .catch((failure: Error) => setError(failure.message));
  }, [path, version]);
  return [value, error];
}

function Failure({ error }: { error: string }) {
  return error ? (
    <p class="error" role="alert">
      {error}
    </p>
  ) : null;
}

function BriefSection({ contact }: SectionProps) {
  const [brief, error] = useLoad<Brief>(`/contacts/${contact.id}/brief`);
  if (!brief) return error ? <Failure error={error} /> : <p>Loading…</p>;
  const since =
    brief.days_since_contact === null ? 'never in touch yet' : `${brief.days_since_contact} days since you were in touch`;
  return (
    <div class="brief" data-testid="brief">
      <p>
        {brief.how_met ? `${brief.how_met}; ` : ''}
        {since}.
      </p>
      {brief.professional
        .filter((fact) => fact.key === 'ask_about')
        .map((fact) => (
          <p key={fact.id} class="ask-about" data-testid="ask-about">
            <strong>Ask about:</strong> {fact.value} <span class="muted">(noted {fact.learned_on})</span>
          </p>
        ))}
      <p data-testid="health">
        <strong>
          Health {brief.health.score} ({brief.health.label})
        </strong>{' '}
        — {brief.health.explanation}
      </p>
      <details>
        <summary>Why this score</summary>
        <ul>
          {brief.health.parts.map((part) => (
            <li key={part.name}>
              {part.name}: {part.points}/{part.max_points} — {part.why}
            </li>
          ))}
        </ul>
      </details>
      {brief.goals.length > 0 && (
        <p>
          Goals: {brief.goals.map((goal) => goal.value).join('; ')}
        </p>
      )}
      {brief.starters.length > 0 && (
        <>
          <h3>Conversation starters</h3>
          <ul>
            {brief.starters.map((starter) => (
              <li key={starter}>{starter}</li>
            ))}
          </ul>
        </>
      )}
      {brief.recent.length > 0 && (
        <>
          <h3>Last talks</h3>
          <ul>
            {brief.recent.map((talk) => (
              <li key={talk.id}>
                <time>{talk.on}</time> {talk.kind}
                {talk.summary ? `: ${talk.summary}` : ''} <WhoSees row={talk} />
              </li>
            ))}
          </ul>
        </>
      )}
      {brief.listening.average_they_talked !== null && (
        <p>
          They talked {brief.listening.average_they_talked}% on average (goal {brief.listening.goal_percent}%).
        </p>
      )}
    </div>
  );
}

function FactsSection({ contact }: SectionProps) {
  const [facts, error] = useLoad<Fact[]>(`/contacts/${contact.id}/facts`);
  const [kind, setKind] = useState<'personal' | 'professional'>('personal');
  const [key, setKey] = useState('');
  const [value, setValue] = useState('');
  const [secret, setSecret] = useState(false);
  const [saveError, setSaveError] = useState('');
  const add = async (submitEvent: Event) => {
    submitEvent.preventDefault();
    try {
      await setFact(contact.id, secret ? { kind, key, value, private: true } : { kind, key, value });
      setKey('');
      setValue('');
      setSecret(false);
      setSaveError('');
      changed();
    } catch (failure) {
      setSaveError((failure as Error).message);
    }
  };
  return (
    <div class="facts">
      <Failure error={error} />
      {(['personal', 'professional'] as const).map((group) => (
        <div key={group}>
          <h3>{group === 'personal' ? 'Personal' : 'Professional'}</h3>
          <ul class="ledger">
            {(facts ?? [])
              .filter((fact) => fact.kind === group)
              .map((fact) => (
                <li key={fact.id}>
                  <strong>{fact.key.replace(/_/g, ' ')}</strong> {fact.value} <WhoSees row={fact} verb="noted" />
                </li>
              ))}
          </ul>
        </div>
      ))}
      <form class="inline-form wrap" onSubmit={add} aria-label="Add a fact">
        <label>
          Kind
          <select
            value={kind}
            onChange={(changeEvent) =>
              setKind((changeEvent.target as HTMLSelectElement).value as 'personal' | 'professional')
            }
          >
            <option>personal</option>
            <option>professional</option>
          </select>
        </label>
        <label>
          Fact
          <input placeholder="hometown" value={key} onInput={(e) => setKey((e.target as HTMLInputElement).value)} />
        </label>
        <label>
          Value
          <input value={value} onInput={(e) => setValue((e.target as HTMLInputElement).value)} />
        </label>
        <PrivateToggle id={`fact-private-${contact.id}`} checked={secret} onChange={setSecret} />
        <button type="submit">Add fact</button>
      </form>
      <Failure error={saveError} />
    </div>
  );
}

function TimelineSection({ contact }: SectionProps) {
  const [interactions, error] = useLoad<Interaction[]>(`/contacts/${contact.id}/interactions`);
  const [logging, setLogging] = useState(false);
  return (
    <div class="timeline">
      <Failure error={error} />
      {interactions && interactions.length === 0 && <p>Nothing logged yet.</p>}
      <ul class="ledger">
        {(interactions ?? []).map((talk) => (
          <li key={talk.id}>
            <time>{talk.on}</time> <strong>{talk.kind}</strong>
            {talk.summary ? ` ${talk.summary}` : ''}
            {talk.they_talked !== null ? ` (they talked ${talk.they_talked}%)` : ''} <WhoSees row={talk} />
          </li>
        ))}
      </ul>
      {logging ? (
        <LogForm contactId={contact.id} onLogged={() => (setLogging(false), changed())} onCancel={() => setLogging(false)} />
      ) : (
        <button type="button" onClick={() => setLogging(true)}>
          Log a coffee, call or email
        </button>
      )}
    </div>
  );
}

function RemindersSection({ contact }: SectionProps) {
  const [reminders, error] = useLoad<Reminder[]>(`/contacts/${contact.id}/reminders`);
  const [actionError, setActionError] = useState('');
  const act = async (action: () => Promise<unknown>) => {
    try {
      await action();
      setActionError('');
      changed();
    } catch (failure) {
      setActionError((failure as Error).message);
    }
  };
  return (
    <div>
      <Failure error={error || actionError} />
      {reminders && reminders.length === 0 && <p>No reminders.</p>}
      <ul class="ledger">
        {(reminders ?? []).map((reminder) => (
          <li key={reminder.id}>
            <time>{reminder.shows_on}</time> {reminder.kind}: {reminder.note}
            {reminder.state !== 'open' ? (
              <span class="done"> [{reminder.state}]</span>
            ) : (
              <>
                <button type="button" onClick={() => act(() => completeReminder(reminder.id))}>
                  Done
                </button>
                <button type="button" onClick={() => act(() => snooze(reminder.id, 7))}>
                  +1 week
                </button>
                <button type="button" onClick={() => act(() => dismissReminder(reminder.id))}>
                  Dismiss
                </button>
              </>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

function FollowUpSection({ contact }: SectionProps) {
  const [shown, setShown] = useState(false);
  return shown ? (
    <FollowUpDraftView contactId={contact.id} />
  ) : (
    <button type="button" onClick={() => setShown(true)}>
      Draft the follow-up email
    </button>
  );
}

// In the order a card is read: before you meet, what you know, what is due
// (reminders, the follow-up email), then the timeline.
export const relationshipSections = [
  { id: 'brief', title: 'Before you meet again', component: BriefSection },
  { id: 'facts', title: 'What you know', component: FactsSection },
  { id: 'reminders', title: 'What is due', component: RemindersSection },
  { id: 'followup', title: 'Follow-up email', component: FollowUpSection },
  { id: 'timeline', title: 'Timeline', component: TimelineSection },
];
