// Likely duplicates, surest first, a page at a time: each pair side by side
// with why kith thinks it is one person, and Merge with a choice of the card
// to keep. Undo (a toast) puts both cards back as they were.
import { useEffect, useState } from 'preact/hooks';
import { getWithHeader, post, query } from '../api';
import type { Contact } from '../types';
import { undoable } from '../ui/toast';
import { ErrorText } from '../ui/ErrorText';

const PAGE = 20;

interface Pair {
  first: Contact;
  second: Contact;
  reasons: string[];
}

interface Merged extends Contact {
  merge: { id: number };
}

function Card({ person }: { person: Contact }) {
  return (
    <div class="dupe-card">
      <a href={`/contacts/${person.id}`}>{person.name}</a>
      {person.company && <span>{person.company}</span>}
      {person.emails.map((email) => (
        <span key={email} class="muted">
          {email}
        </span>
      ))}
      {person.phones.map((phone) => (
        <span key={phone} class="muted">
          {phone}
        </span>
      ))}
    </div>
  );
}

function PairItem({ pair, onMerge }: { pair: Pair; onMerge: (keep: Contact, other: Contact) => void }) {
  const [keepFirst, setKeepFirst] = useState(true);
  const group = `keep-${pair.first.id}-${pair.second.id}`;
  const [keep, other] = keepFirst ? [pair.first, pair.second] : [pair.second, pair.first];
  return (
    <li class="dupe" data-testid="dupe">
      <p class="reasons">{pair.reasons.join(' · ')}</p>
      <div class="dupe-pair">
        <Card person={pair.first} />
        <Card person={pair.second} />
      </div>
      <fieldset class="keep-choice">
        <legend>Keep</legend>
        {[pair.first, pair.second].map((person, index) => (
          <label key={person.id}>
            <input
              type="radio"
              name={group}
              checked={keepFirst === (index === 0)}
              onChange={() => setKeepFirst(index === 0)}
            />
            {person.name} <span class="muted">#{person.id}</span>
          </label>
        ))}
      </fieldset>
      <button type="button" class="primary" onClick={() => onMerge(keep, other)}>
        Merge into {keep.name}
      </button>
    </li>
  );
}

export function DuplicatesPage() {
  const [pairs, setPairs] = useState<Pair[] | null>(null);
  const [total, setTotal] = useState(0);
  const [offset, setOffset] = useState(0);
  const [error, setError] = useState('');
  const load = async (from = offset) => {
    try {
      const [body, count] = await getWithHeader(`/dupes${query({ limit: PAGE, offset: from })}`, 'X-Total-Count');
      setPairs(body as Pair[]);
      setTotal(Number(count ?? 0));
    } catch (failure) {
      setError((failure as Error).message);
    }
  };
  useEffect(() => {
    void load(offset);
  }, [offset]);
  const merge = async (keep: Contact, other: Contact) => {
    try {
      const merged = (await post('/merges', { keep: keep.id, other: other.id })) as Merged;
      setError('');
      await load();
      undoable(`Merged ${other.name} into ${keep.name}`, async () => {
        await post(`/merges/${merged.merge.id}/undo`);
        await load();
      });
    } catch (failure) {
      setError((failure as Error).message);
    }
  };
  const shownTo = offset + (pairs?.length ?? 0);
  return (
    <section class="dupes-page" aria-labelledby="dupes-title">
      <h1 id="dupes-title">Duplicates</h1>
      <ErrorText error={error} />
      {pairs === null ? (
        <p>Loading…</p>
      ) : total === 0 ? (
        <p>No likely duplicates.</p>
      ) : (
        <>
          <p class="muted" data-testid="dupes-count">
            {pairs.length > 0
              ? `${(offset + 1).toLocaleString()}–${shownTo.toLocaleString()} of ${total.toLocaleString()} likely duplicates, surest first`
              : `${total.toLocaleString()} likely duplicates`}
          </p>
          <ul class="dupes" data-testid="dupes-list">
            {pairs.map((pair) => (
              <PairItem key={`${pair.first.id}-${pair.second.id}`} pair={pair} onMerge={merge} />
            ))}
          </ul>
          <nav class="pager" aria-label="Pages of duplicates">
            <button type="button" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE))}>
              Previous
            </button>
            <button type="button" disabled={shownTo >= total} onClick={() => setOffset(offset + PAGE)}>
              Next
            </button>
          </nav>
        </>
      )}
    </section>
  );
}
