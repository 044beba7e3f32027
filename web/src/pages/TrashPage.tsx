// The trash: everyone moved there, with Restore. Nothing in kith is lost by
// trashing it; the card comes back whole, until the trash is emptied (behind
// a confirmation: that one has no undo).
import { useEffect, useState } from 'preact/hooks';
import { get, post, query, remove } from '../api';
import type { Contact } from '../types';
import { showToast, undoable } from '../ui/toast';
import { ErrorText } from '../ui/ErrorText';

const SHOWN = 500;

export function TrashPage() {
  const [people, setPeople] = useState<Contact[] | null>(null);
  const [error, setError] = useState('');
  const load = () =>
    get(`/contacts${query({ trash: true, sort: 'name', limit: SHOWN })}`)
      .then((body) => setPeople(body as Contact[]))
      .catch((failure: Error) => setError(failure.message));
  useEffect(() => {
    void load();
  }, []);
  const restore = async (person: Contact) => {
    try {
      await post(`/contacts/${person.id}/restore`);
      setError('');
      await load();
      undoable(`Restored ${person.name}`, async () => {
        await remove(`/contacts/${person.id}`);
        await load();
      });
    } catch (failure) {
      setError((failure as Error).message);
    }
  };
  const [confirming, setConfirming] = useState(false);
  const empty = async () => {
    try {
      const { deleted } = (await remove('/trash')) as { deleted: number };
      setConfirming(false);
      setError('');
      await load();
      showToast({ message: `Deleted ${deleted.toLocaleString()} ${deleted === 1 ? 'person' : 'people'} for good` });
    } catch (failure) {
      setError((failure as Error).message);
    }
  };
  return (
    <section class="trash-page" aria-labelledby="trash-title">
      <h1 id="trash-title">Trash</h1>
      <ErrorText error={error} />
      {people && people.length > 0 && (
        <div class="empty-trash">
          {confirming ? (
            <div role="group" aria-labelledby="empty-question" class="confirm">
              <p id="empty-question">
                Delete {people.length === SHOWN ? 'everyone' : `the ${people.length.toLocaleString()}`} in the trash for
                good? This cannot be undone; people on your list are not touched.
              </p>
              <button type="button" class="danger" onClick={empty}>
                Yes, delete for good
              </button>
              <button type="button" onClick={() => setConfirming(false)}>
                Cancel
              </button>
            </div>
          ) : (
            <button type="button" onClick={() => setConfirming(true)}>
              Empty the trash…
            </button>
          )}
        </div>
      )}
      {people === null ? (
        <p>Loading…</p>
      ) : people.length === 0 ? (
        <p>The trash is empty.</p>
      ) : (
        <>
          <p class="muted">
            {people.length === SHOWN ? `The first ${SHOWN} people in the trash` : `${people.length} in the trash`}
          </p>
          <ul class="ledger trash-list" data-testid="trash-list">
            {people.map((person) => (
              <li key={person.id}>
                <a href={`/contacts/${person.id}`}>{person.name}</a>
                <span class="muted">{person.company}</span>
                <button type="button" onClick={() => restore(person)}>
                  Restore
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
