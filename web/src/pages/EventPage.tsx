// Event mode, for a phone at the door: pick (or create) the event, then add
// people fast — name, company, one note. Each is recorded as met there, and
// the follow-up is scheduled for the next day.
import { useEffect, useRef, useState } from 'preact/hooks';
import { get, post } from '../api';
import type { EventSummary, MetPerson } from '../relationship';

export function EventPage() {
  const [events, setEvents] = useState<EventSummary[] | null>(null);
  const [eventId, setEventId] = useState<number | null>(null);
  const [newName, setNewName] = useState('');
  const [newOn, setNewOn] = useState('');
  const [name, setName] = useState('');
  const [company, setCompany] = useState('');
  const [note, setNote] = useState('');
  const [added, setAdded] = useState<MetPerson[]>([]);
  const [error, setError] = useState('');
  const nameInput = useRef<HTMLInputElement>(null);
  const load = () =>
    get('/events')
      .then((body) => {
        const list = body as EventSummary[];
        setEvents(list);
        setEventId((current) => current ?? list[0]?.id ?? null);
      })
      .catch((failure: Error) => setError(failure.message));
  useEffect(() => {
    void load();
  }, []);
  const fail = (failure: unknown) => setError((failure as Error).message);
  const createEvent = async (submitEvent: Event) => {
    submitEvent.preventDefault();
    try {
      const event = (await post('/events', { name: newName, on: newOn || undefined })) as EventSummary;
      setNewName('');
      setNewOn('');
      setEventId(event.id);
      setError('');
      await load();
    } catch (failure) {
      fail(failure);
    }
  };
  const addPerson = async (submitEvent: Event) => {
    submitEvent.preventDefault();
    if (eventId === null || !name.trim()) return;
    try {
      const met = (await post(`/events/${eventId}/met`, { names: [name.trim()], company, note })) as MetPerson[];
      setAdded((list) => [...met, ...list]);
      setName('');
      setCompany('');
      setNote('');
      setError('');
      nameInput.current?.focus();
      await load();
    } catch (failure) {
      fail(failure);
    }
  };
  const text = (setter: (value: string) => void) => (inputEvent: Event) =>
    setter((inputEvent.target as HTMLInputElement).value);
  const current = events?.find((event) => event.id === eventId);
  return (
    <section class="event-page" aria-labelledby="event-title">
      <h1 id="event-title">Event mode</h1>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
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
          <p class="muted">
            {current.met} met, {current.follow_up_rate_percent}% followed up
          </p>
          <form class="event-add" onSubmit={addPerson} aria-label="Add a person you met">
            <label for="met-name">
              Name
              <input id="met-name" ref={nameInput} value={name} onInput={text(setName)} autoComplete="off" required />
            </label>
            <label for="met-company">
              Company
              <input id="met-company" value={company} onInput={text(setCompany)} autoComplete="off" />
            </label>
            <label for="met-note">
              One note
              <input id="met-note" value={note} onInput={text(setNote)} autoComplete="off" />
            </label>
            <button class="primary" type="submit">
              Add person
            </button>
          </form>
        </>
      )}
      {added.length > 0 && (
        <ul class="ledger" aria-label="People added" data-testid="met-list">
          {added.map((person) => (
            <li key={`${person.id}-${person.follow_up?.id ?? 0}`}>
              <a href={`/contacts/${person.id}`}>{person.name}</a>
              {person.added ? ' (new)' : ''}
              {person.follow_up ? ` — follow up ${person.follow_up.due}` : ''}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
