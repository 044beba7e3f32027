import { render } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { session, signIn, signOut, type SessionInfo } from './api';
import { pages } from './pages/registry';
import { match, onLinkClick, useLocation } from './router';
import { Toasts } from './ui/toast';
import './styles.css';
import { ErrorText } from './ui/ErrorText';

// The last account and workspace signed in with on this browser: a team
// member types only the password next time. Never the password.
const kRemembered = 'kith.sign-in';

function rememberedSignIn(): { account: string; workspace: string } {
  try {
    const saved = JSON.parse(localStorage.getItem(kRemembered) ?? '{}') as { account?: string; workspace?: string };
    return { account: saved.account ?? '', workspace: saved.workspace ?? '' };
  } catch {
    return { account: '', workspace: '' };
  }
}

function Field(props: {
  id: string;
  label: string;
  value: string;
  type?: string;
  autoComplete: string;
  onInput: (value: string) => void;
}) {
  return (
    <>
      <label for={props.id}>{props.label}</label>
      <input
        id={props.id}
        type={props.type ?? 'text'}
        autoComplete={props.autoComplete}
        autoCapitalize="none"
        spellcheck={false}
        required
        value={props.value}
        onInput={(inputEvent) => props.onInput((inputEvent.target as HTMLInputElement).value)}
      />
    </>
  );
}

// The sign-in: the password alone on a personal server; account, password
// and workspace on a team's (the server says which: `accounts`).
function SignIn({ accounts, onDone }: { accounts: boolean; onDone: () => void }) {
  const remembered = rememberedSignIn();
  const [account, setAccount] = useState(remembered.account);
  const [password, setPassword] = useState('');
  const [workspace, setWorkspace] = useState(remembered.workspace);
  const [error, setError] = useState('');
  return (
    <form
      class="sign-in"
      onSubmit={async (submitEvent) => {
        submitEvent.preventDefault();
        try {
          await signIn(accounts ? { account, password, workspace } : { password });
          if (accounts) localStorage.setItem(kRemembered, JSON.stringify({ account, workspace }));
          onDone();
        } catch (failure) {
          setError((failure as Error).message);
        }
      }}
    >
      <h1>Sign in to kith</h1>
      {accounts ? (
        <Field id="account" label="Account" value={account} autoComplete="username" onInput={setAccount} />
      ) : null}
      <Field
        id="password"
        label="Password"
        type="password"
        value={password}
        autoComplete="current-password"
        onInput={setPassword}
      />
      {accounts ? (
        <Field
          id="workspace"
          label="Workspace"
          value={workspace}
          autoComplete="organization"
          onInput={setWorkspace}
        />
      ) : null}
      <ErrorText error={error} />
      <button class="primary" type="submit">
        Sign in
      </button>
    </form>
  );
}

// Who is signed in to a team's server, with their role, and the way out.
function SignedInAs({ info, onSignOut }: { info: SessionInfo; onSignOut: () => void }) {
  if (!info.account) return null;
  return (
    <div class="signed-in" data-testid="signed-in">
      <span class="who">
        {info.account} · {info.workspace} · {info.role}
      </span>
      {info.role === 'owner' ? (
        <a href="/members" class="members-link">
          Members
        </a>
      ) : null}
      <button
        type="button"
        class="link"
        onClick={async () => {
          await signOut().catch(() => undefined);
          onSignOut();
        }}
      >
        Sign out
      </button>
    </div>
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
  const [info, setInfo] = useState<SessionInfo | null>(null);
  const check = () =>
    session().then(
      (answer) => {
        setInfo(answer);
        setState(answer.authenticated ? 'in' : 'out');
      },
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
        {state === 'in' && info ? <SignedInAs info={info} onSignOut={check} /> : null}
      </header>
      <main id="main">
        {state === 'loading' ? null : state === 'offline' ? (
          <Offline onRetry={check} />
        ) : state === 'out' ? (
          <SignIn accounts={info?.accounts ?? false} onDone={check} />
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
