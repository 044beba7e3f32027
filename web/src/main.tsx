import { render } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { session, signIn } from './api';
import { pages } from './pages/registry';
import { match, onLinkClick, useLocation } from './router';
import { Toasts } from './ui/toast';
import './styles.css';
import { ErrorText } from './ui/ErrorText';

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
      <ErrorText error={error} />
      <button class="primary" type="submit">
        Sign in
      </button>
    </form>
  );
}

// After a navigation (not the first load), focus goes to the new page's
// heading so a screen reader announces it and Tab starts from there. Pages
// that load their data first render the h1 a moment later: wait for it.
function useFocusHeadingOnNavigation(path: string) {
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    let frames = 0;
    let handle = 0;
    const tryFocus = () => {
      const heading = document.querySelector<HTMLElement>('main h1');
      if (heading) {
        if (!heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1');
        heading.focus({ preventScroll: true });
        scrollTo({ top: 0 });
      } else if (frames++ < 120) {
        handle = requestAnimationFrame(tryFocus);
      }
    };
    handle = requestAnimationFrame(tryFocus);
    return () => cancelAnimationFrame(handle);
  }, [path]);
}

// Offline, the service worker's cached shell still opens: say why nothing loads.
function Offline({ onRetry }: { onRetry: () => void }) {
  return (
    <section class="offline" aria-labelledby="offline-title">
      <h1 id="offline-title">kith is offline</h1>
      <p>kith cannot reach its server just now. Your people are safe on it; reconnect to see them.</p>
      <button class="primary" type="button" onClick={onRetry}>
        Try again
      </button>
    </section>
  );
}

function App() {
  const path = useLocation();
  const [state, setState] = useState<'loading' | 'in' | 'out' | 'offline'>('loading');
  const check = () =>
    session().then(
      (info) => setState(info.authenticated ? 'in' : 'out'),
      () => setState('offline'),
    );
  useEffect(() => {
    void check();
  }, []);
  useFocusHeadingOnNavigation(path);
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
  const section = page.section ?? page.path;
  return (
    <div class="app" onClick={onLinkClick}>
      <a class="skip" href="#main">
        Skip to content
      </a>
      <header class="topbar">
        <a class="brand" href="/">
          kith
        </a>
        <nav aria-label="Main" class="tabs">
          {pages
            .filter((candidate) => candidate.nav)
            .map((candidate) => (
              <a
                key={candidate.path}
                href={candidate.path}
                aria-current={candidate.path === section ? 'page' : undefined}
              >
                {candidate.short ? (
                  <>
                    <span class="long">{candidate.nav}</span>
                    <span class="short">{candidate.short}</span>
                  </>
                ) : (
                  candidate.nav
                )}
              </a>
            ))}
        </nav>
      </header>
      <main id="main">
        {state === 'loading' ? null : state === 'offline' ? (
          <Offline onRetry={check} />
        ) : state === 'out' ? (
          <SignIn onDone={check} />
        ) : (
          <Page key={path} params={params} />
        )}
      </main>
      <Toasts />
    </div>
  );
}

render(<App />, document.getElementById('app') as HTMLElement);

// The offline shell (public/sw.js): kith opens from the home screen like an app.
if ('serviceWorker' in navigator && import.meta.env.PROD) {
  addEventListener('load', () => void navigator.serviceWorker.register('/sw.js').catch(() => undefined));
}
