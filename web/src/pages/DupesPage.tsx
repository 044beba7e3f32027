// Likely duplicates, with why, and a merge for each pair. A merge loses
// nothing (the other card's details, history and facts move to the one kept,
// and the other card goes to the trash) and it is held for a few seconds
// behind an Undo before it is written, so a wrong tap costs nothing.
import { useEffect, useState } from 'preact/hooks';
import { get, post } from '../api';
import type { Contact } from '../types';
import { held } from '../ui/toast';
import { ErrorText } from '../ui/ErrorText';

interface DuplicatePair {
  first: Contact;
  second: Contact;
  reasons: string[];
}

const key = (pair: DuplicatePair) => `${pair.first.id}-${pair.second.id}`;

// One of the two cards, with what tells them apart, and the button that
// keeps it (the other one is merged into it).
function Card({ person, onKeep }: { person: Contact; onKeep: () => void }) {
  return (
    <div class="dupe-card" data-testid="dupe-card">
      <a href={`/contacts/${person.id}`}>{person.name}</a>
      <span class="muted">
        {[person.company, person.title, person.emails[0], person.met_at].filter(Boolean).join(' · ')}
      </span>
      <button type="button" onClick={onKeep}>
        Keep this one
      </button>
    </div>
  );
}

export function DupesPage() {
  const [pairs, setPairs] = useState<DuplicatePair[] | null>(null);
  const [merging, setMerging] = useState<Set<string>>(new Set());
  const [error, setError] = useState('');
  useEffect(() => {
    get('/dupes')
      .then((body) => setPairs(body as DuplicatePair[]))
      .catch((failure: Error) => setError(failure.message));
  }, []);
  const hide = (pair: DuplicatePair, hidden: boolean) =>
    setMerging((before) => {
      const next = new Set(before);
      if (hidden) next.add(key(pair));
      else next.delete(key(pair));
      return next;
    });
  const merge = (pair: DuplicatePair, keep: Contact, other: Contact) => {
    hide(pair, true);
    held(
      `Merged ${other.name} into ${keep.name}`,
      () =>
        post('/merge', { keep: keep.id, other: other.id }).catch((failure: Error) => {
          hide(pair, false);
          throw failure;
        }),
      () => hide(pair, false),
    );
  };
  const shown = (pairs ?? []).filter((pair) => !merging.has(key(pair)));
  return (
    <section class="dupes-page" aria-labelledby="dupes-title">
      <h1 id="dupes-title">Likely duplicates</h1>
      <ErrorText error={error} />
      {pairs === null ? (
        <p>Looking…</p>
      ) : shown.length === 0 ? (
        <p>No likely duplicates.</p>
      ) : (
        <ul class="dupes" data-testid="dupes">
          {shown.map((pair) => (
            <li key={key(pair)}>
              <p class="reasons">{pair.reasons.join('; ')}</p>
              <Card person={pair.first} onKeep={() => merge(pair, pair.first, pair.second)} />
              <Card person={pair.second} onKeep={() => merge(pair, pair.second, pair.first)} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
