// Event mode, for a phone at the door: pick (or create) the event, then add
// people fast — name, email, phone, LinkedIn, company and a note on what to
// ask about next time (it becomes the topic of tomorrow's follow-up draft).
// Someone already on your list is offered as you type their name: tap them
// and the meeting is recorded on their card, counted at the event.
import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError, get, post, query } from '../api';
import type { EventSummary, MetPerson } from '../relationship';
import type { Contact } from '../types';

const emptyPerson = { name: '', email: '', phone: '', linkedin: '', company: '', note: '' };
type PersonForm = typeof emptyPerson;

const personFields: [keyof PersonForm, string, string, string][] = [
  ['email', 'Email', 'email', 'email'],
  ['phone', 'Phone', 'tel', 'tel'],
  ['linkedin', 'LinkedIn (profile URL or name)', 'text', 'off'],
  ['company', 'Company', 'text', 'organization'],
];

export function EventPage() {
  const [events, setEvents] = useState<EventSummary[] | null>(null);
  const [eventId, setEventId] = useState<number | null>(null);
  const [newName, setNewName] = useState('');
  const [newOn, setNewOn] = useState('');
  const [person, setPerson] = useState<PersonForm>(emptyPerson);
  const [known, setKnown] = useState<Contact[]>([]);
  const [chosen, setChosen] = useState<Contact | null>(null);
  const [added, setAdded] = useState<MetPerson[]>([]);
  const [error, setError] = useState<{ message: string; field: string | null } | null>(null);
  const nameInput = useRef<HTMLInputElement>(null);
  const load = () =>
    get('/events')
      .then((body) => {
        const list = body as EventSummary[];
        setEvents(list);
        setEventId((current) => current ?? list[0]?.id ?? null);
      })
      .catch((failure: Error) => setError({ message: failure.message, field: null }));
  useEffect(() => {
    void load();
  }, []);

  // People already on the list by that name, to tap instead of adding twice.
  useEffect(() => {
    const name = person.name.trim();
    if (chosen || name.length < 3) {
      setKnown([]);
      return;
    }
    let current = true;
    get(`/search${query({ q: `name:"${name.replace(/"/g, '')}"`, limit: 5 })}`)
      .then((found) => current && setKnown(found as Contact[]))
      .catch(() => current && setKnown([]));
    return () => {
      current = false;
    };
  }, [person.name, chosen]);

  const fail = (failure: unknown) => {
    const apiError = failure as ApiError;
    setError({ message: apiError.message, field: apiError.field ?? null });
  };
  const createEvent = async (submitEvent: Event) => {
    submitEvent.preventDefault();
    try {
      const event = (await post('/events', { name: newName, on: newOn || undefined })) as EventSummary;
      setNewName('');
      setNewOn('');
      setEventId(event.id);
      setError(null);
      await load();
    } catch (failure) {
      fail(failure);
    }
  };
  const addPerson = async (submitEvent: Event) => {
    submitEvent.preventDefault();
    if (eventId === null || (!person.name.trim() && !chosen)) return;
    const { name, ...details } = person;
    try {
      const met = (await post(
        `/events/${eventId}/met`,
        chosen ? { contact_id: chosen.id, ...details } : { name: name.trim(), ...details },
      )) as MetPerson[];
      setAdded((list) => [...met, ...list]);
      setPerson(emptyPerson);
      setChosen(null);
      setError(null);
      nameInput.current?.focus();
      await load();
    } catch (failure) {
      fail(failure);
    }
  };
  // Typing into a field with an error clears it: the error was about the old text.
  const set = (key: keyof PersonForm) => (inputEvent: Event) => {
    const value = (inputEvent.target as HTMLInputElement).value;
    setPerson((current) => ({ ...current, [key]: value }));
    if (error && (error.field === key || (key === 'name' && error.field === 'names'))) setError(null);
  };
  const text = (setter: (value: string) => void) => (inputEvent: Event) =>
    setter((inputEvent.target as HTMLInputElement).value);
  const invalid = (key: string) => (error?.field === key ? true : undefined);
  const current = events?.find((event) => event.id === eventId);
  return (
    <section class="event-page" aria-labelledby="event-title">
      <h1 id="event-title">Event mode</h1>
      {events && events.length > 0 && (
        <label class="field" for="event-pick">
          Event
          <select
            id="event-pick"
            value={eventId ?? ''}
            onChange={(changeEvent) => setEventId(Number((changeEvent.target as HTMLSelectElement).value))}
          >
            {events.map((event) => (
              <option key={event.id} value={event.id}>
                {event.name} ({event.on})
              </option>
            ))}
          </select>
        </label>
      )}
      <details open={events !== null && events.length === 0}>
        <summary>New event</summary>
        <form class="inline-form wrap" onSubmit={createEvent} aria-label="New event">
          <label for="event-new-name">
            Event name
            <input id="event-new-name" value={newName} onInput={text(setNewName)} required />
          </label>
          <label for="event-new-on">
            Date
            <input id="event-new-on" type="date" value={newOn} onInput={text(setNewOn)} />
          </label>
          <button type="submit">Create event</button>
        </form>
      </details>
      {current && (
        <>
          <p class="muted" data-testid="event-stats">
            {current.met} met, {current.followed_up} followed up ({current.follow_up_rate_percent}%)
          </p>
          <form class="event-add" onSubmit={addPerson} aria-label="Add a person you met">
            {chosen ? (
              <div class="chosen" data-testid="chosen">
                <p>
                  Met again: <strong>{chosen.name}</strong>
                  {chosen.company ? ` (${chosen.company})` : ''}
                </p>
                <button type="button" onClick={() => (setChosen(null), nameInput.current?.focus())}>
                  Not them
                </button>
              </div>
            ) : (
              <label for="met-name">
                Name
                <input
                  id="met-name"
                  ref={nameInput}
                  value={person.name}
                  onInput={set('name')}
                  autoComplete="off"
                  aria-invalid={invalid('name') ?? invalid('names')}
                  required
                />
              </label>
            )}
            {known.length > 0 && (
              <div class="known" role="group" aria-labelledby="known-title" data-testid="known">
                <p id="known-title">Already on your list? Tap the one you met:</p>
                <ul>
                  {known.map((contact) => (
                    <li key={contact.id}>
                      <button type="button" onClick={() => (setChosen(contact), setKnown([]))}>
                        {contact.name}
                        {contact.company ? ` · ${contact.company}` : ''}
                        {contact.met_at ? ` · met at ${contact.met_at}` : ''}
                      </button>
                    </li>
                  ))}
                </ul>
              </div>
            )}
            {personFields.map(([key, label, type, autoComplete]) => (
              <label for={`met-${key}`} key={key}>
                {label}
                <input
                  id={`met-${key}`}
                  type={type}
                  value={person[key]}
                  onInput={set(key)}
                  autoComplete={autoComplete}
                  aria-invalid={invalid(key)}
                />
              </label>
            ))}
            <label for="met-note">
              What to ask about next time
              <input
                id="met-note"
                value={person.note}
                onInput={set('note')}
                autoComplete="off"
                placeholder="her kite startup"
                aria-invalid={invalid('note')}
              />
            </label>
            {error && (
              <p class="error" role="alert">
                {error.message.split('; use an id')[0]}
                {error.field === 'name' && error.message.includes('matches') ? ': tap the one you met above.' : ''}
              </p>
            )}
            <div class="inline-form wrap">
              <button class="primary" type="submit">
                Add person
              </button>
              <a class="button" href={`/scan?event=${encodeURIComponent(current.name)}`}>
                Scan a card instead
              </a>
            </div>
          </form>
        </>
      )}
      {!current && error && (
        <p class="error" role="alert">
          {error.message}
        </p>
      )}
      {added.length > 0 && (
        <ul class="ledger" aria-label="People added" data-testid="met-list">
          {added.map((met) => (
            <li key={`${met.id}-${met.follow_up?.id ?? 0}`}>
              <a href={`/contacts/${met.id}`}>{met.name}</a>
              {met.added ? ' (new)' : ' (met again)'}
              {met.follow_up ? ` — follow up ${met.follow_up.due}` : ''}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
