// The first screen on an empty database: bring cards in, or try a demo.
import { useState } from 'preact/hooks';
import { mayWrite, post } from '../api';
import { navigate } from '../router';
import { ErrorText } from '../ui/ErrorText';

export function Welcome() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const demo = async () => {
    setBusy(true);
    try {
      await post('/demo', { count: 500 });
      location.assign('/');
    } catch (failure) {
      setError((failure as Error).message);
      setBusy(false);
    }
  };
  return (
    <section class="welcome" aria-labelledby="welcome-title">
      <h1 id="welcome-title">Your running list is empty</h1>
      {mayWrite() ? (
        <p>Bring in the people you already know, or try kith on a generated network of 500 people.</p>
      ) : (
        <p>Nobody is in this workspace yet: an owner or editor adds them. As a viewer you read what they add.</p>
      )}
      <div class="actions" hidden={!mayWrite()}>
        <button class="primary" type="button" onClick={() => navigate('/import')}>
          Import contacts
        </button>
        <button type="button" onClick={demo} disabled={busy}>
          {busy ? 'Generating…' : 'Generate a demo network'}
        </button>
        <a class="button" href="/add">
          Add one person
        </a>
      </div>
      <ErrorText error={error} />
    </section>
  );
}
