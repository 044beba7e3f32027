// Opportunities: note one, see whom to offer it to and why, offer with one
// click (which records the give).
import { useEffect, useState } from 'preact/hooks';
import { ApiError, get, post } from '../api';
import type { Contact, Opportunity } from '../types';
import { held } from '../ui/toast';
import { ErrorText } from '../ui/ErrorText';

// The short message that offers it, opened in the mail program (or, with
// no email on the card, a message to address yourself).
function offerMailto(person: Contact, opportunity: Opportunity): string {
  const first = person.given_name || person.name.split(' ')[0];
  const subject = `Thought of you: ${opportunity.title}`;
  const body =
    `Hi ${first},\n\nI came across this and thought of you: ${opportunity.title}` +
    `${opportunity.place ? ` (${opportunity.place})` : ''}.` +
    `${opportunity.description ? `\n\n${opportunity.description}` : ''}` +
    `\n\nWould you like me to introduce you or send the details?\n`;
  return `mailto:${person.emails[0] ?? ''}?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(body)}`;
}

export function Matches({ opportunity, limit = 10 }: { opportunity: Opportunity; limit?: number }) {
  const [people, setPeople] = useState<Contact[] | null>(null);
  const [offered, setOffered] = useState<Set<number>>(new Set());
  const [error, setError] = useState('');
  useEffect(() => {
    get(`/opportunities/${opportunity.id}/matches?limit=${limit}`)
      .then((body) => setPeople(body as Contact[]))
      .catch((failure: Error) => setError(failure.message));
  }, [opportunity.id]);
  const mark = (id: number, on: boolean) =>
    setOffered((before) => {
      const next = new Set(before);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  // The give is written when the toast goes, unless undone.
  const offer = (person: Contact) => {
    mark(person.id, true);
    held(
      `Offered ${opportunity.title} to ${person.name}`,
      () =>
        post('/gives', { contact_id: person.id, opportunity_id: opportunity.id }).catch((failure: ApiError) => {
          mark(person.id, false);
          throw failure;
        }),
      () => mark(person.id, false),
    );
  };
  if (error)
    return (
      <p class="error" role="alert">
        {error}
      </p>
    );
  if (!people) return <p>Ranking…</p>;
  if (people.length === 0) return <p>Nobody fits yet: add skills and interests to people.</p>;
  return (
    <ol class="matches">
      {people.map((person) => (
        <li key={person.id}>
          <a href={`/contacts/${person.id}`}>{person.name}</a>
          {person.company ? ` — ${person.company}` : ''}
          {person.score !== undefined && (
            <span class="score" data-testid="score">
              score {Math.round(person.score)}
            </span>
          )}
          {person.parts && person.parts.length > 0 && (
            <ul class="score-parts" aria-label="The score's parts" data-testid="score-parts">
              {person.parts.map((part) => (
                <li key={part.signal}>
                  {part.signal} {part.points < 0 ? '−' : '+'}
                  {Math.abs(Math.round(part.points))}
                </li>
              ))}
            </ul>
          )}
          <ul class="reasons" aria-label="Why">
            {(person.reasons ?? []).map((reason) => (
              <li key={reason}>{reason}</li>
            ))}
          </ul>
          {offered.has(person.id) ? (
            <>
              <span class="done">Offered</span>
              <a class="button primary" href={offerMailto(person, opportunity)} data-testid="offer-mail">
                Write to {person.name}
              </a>
            </>
          ) : (
            <button type="button" onClick={() => offer(person)}>
              Offer
            </button>
          )}
        </li>
      ))}
    </ol>
  );
}

export function OpportunitiesPage() {
  const [opportunities, setOpportunities] = useState<Opportunity[]>([]);
  const [open, setOpen] = useState<number | null>(null);
  const [form, setForm] = useState({ title: '', kind: 'job', skills: '', place: '' });
  const [error, setError] = useState('');
  const load = () => get('/opportunities').then((body) => setOpportunities(body as Opportunity[]));
  useEffect(() => {
    void load();
  }, []);
  const add = async (submitEvent: Event) => {
    submitEvent.preventDefault();
    try {
      const created = (await post('/opportunities', {
        title: form.title,
        kind: form.kind,
        place: form.place,
        skills: form.skills.split(',').map((skill) => skill.trim()).filter(Boolean),
      })) as Opportunity;
      setForm({ title: '', kind: 'job', skills: '', place: '' });
      setError('');
      await load();
      setOpen(created.id);
    } catch (failure) {
      setError((failure as Error).message);
    }
  };
  const input = (key: keyof typeof form) => (inputEvent: Event) => {
    const value = (inputEvent.target as HTMLInputElement).value;
    setForm((current) => ({ ...current, [key]: value }));
  };
  return (
    <section aria-labelledby="opportunities-title">
      <h1 id="opportunities-title">Opportunities</h1>
      <form class="inline-form wrap" onSubmit={add} aria-label="Add an opportunity">
        <label>
          Title <input name="title" value={form.title} onInput={input('title')} required />
        </label>
        <label>
          Kind{' '}
          <select name="kind" value={form.kind} onChange={input('kind')}>
            {['job', 'project', 'tickets', 'intro', 'other'].map((kind) => (
              <option key={kind}>{kind}</option>
            ))}
          </select>
        </label>
        <label>
          Skills <input name="skills" placeholder="C++, SQLite" value={form.skills} onInput={input('skills')} />
        </label>
        <label>
          Place <input name="place" value={form.place} onInput={input('place')} />
        </label>
        <button class="primary" type="submit">
          Add
        </button>
      </form>
      <ErrorText error={error} />
      <ul class="opportunities">
        {opportunities.map((opportunity) => (
          <li key={opportunity.id}>
            <h2>
              <button
                type="button"
                class="link"
                aria-expanded={open === opportunity.id}
                onClick={() => setOpen(open === opportunity.id ? null : opportunity.id)}
              >
                {opportunity.title}
              </button>{' '}
              <small>
                {opportunity.kind}
                {opportunity.skills.length ? ` · ${opportunity.skills.join(', ')}` : ''}
              </small>
            </h2>
            {open === opportunity.id && <Matches opportunity={opportunity} />}
          </li>
        ))}
      </ul>
    </section>
  );
}
