import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { session, signIn } from './api';
import { pages } from './pages/registry';
import { match, onLinkClick, useLocation } from './router';
import './styles.css';

function SignIn({ onDone }: { onDone: () => void }) {
  const [password, setPassword] = useState('');
  const [error, setError] = useState('');
  return (
    <form
      class="sign-in"
      onSubmit={async (submitEvent) => {
        submitEvent.preventDefault();
        try {
          await signIn(password);
          onDone();
        } catch (failure) {
          setError((failure as Error).message);
        }
      }}
    >
      <h1>Sign in to kith</h1>
      <label for="password">Password</label>
      <input
        id="password"
        type="password"
        autoComplete="current-password"
        value={password}
        onInput={(inputEvent) => setPassword((inputEvent.target as HTMLInputElement).value)}
      />
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      <button class="primary" type="submit">
        Sign in
      </button>
    </form>
  );
}

function App() {
  const path = useLocation();
  const [state, setState] = useState<'loading' | 'in' | 'out'>('loading');
  const check = () => session().then((info) => setState(info.authenticated ? 'in' : 'out'));
  useEffect(() => {
    void check();
  }, []);
  let page = pages[0];
  let params: Record<string, string> = {};
  for (const candidate of pages) {
    const found = match(candidate.path, path);
    if (found) {
      page = candidate;
      params = found;
      break;
    }
  }
  useEffect(() => {
    document.title = `${page.title} · kith`;
  }, [page]);
  const Page = page.component;
  return (
    <div class="app" onClick={onLinkClick}>
      <a class="skip" href="#main">
        Skip to content
      </a>
      <header class="topbar">
        <a class="brand" href="/">
          kith
        </a>
        <nav aria-label="Main">
          {pages
            .filter((candidate) => candidate.nav)
            .map((candidate) => (
              <a key={candidate.path} href={candidate.path} aria-current={candidate === page ? 'page' : undefined}>
                {candidate.nav}
              </a>
            ))}
        </nav>
      </header>
      <main id="main">
        {state === 'loading' ? null : state === 'out' ? (
          <SignIn onDone={check} />
        ) : (
          <Page key={path} params={params} />
        )}
      </main>
    </div>
  );
}

render(<App />, document.getElementById('app') as HTMLElement);
