// Members: who works in this workspace and with which role, for its owners
// (a team's server only). An owner adds an existing account or makes a new
// one with its first password, changes roles and removes members; the
// server keeps a workspace's last owner and refuses anyone but an owner.
import { useEffect, useState } from 'preact/hooks';
import { currentSession, get, patch, post, remove } from '../api';
import { Confirm } from '../ui/Confirm';
import { ErrorText } from '../ui/ErrorText';

type Role = 'owner' | 'editor' | 'viewer';

interface Member {
  account: string;
  role: Role;
}

const kRoles: Role[] = ['viewer', 'editor', 'owner'];
const kWhatRolesMay: Record<Role, string> = {
  viewer: 'reads everything',
  editor: 'also changes cards and logs meetings',
  owner: 'also manages the members',
};

function MemberRow(props: {
  member: Member;
  me: boolean;
  onChanged: (error: string, said: string) => Promise<void>;
}) {
  const { member, me } = props;
  const [confirming, setConfirming] = useState(false);
  const id = `role-${member.account}`;
  const act = async (action: () => Promise<unknown>, said: string): Promise<boolean> => {
    let done = false;
    try {
      await action();
      done = true;
      await props.onChanged('', said);
    } catch (failure) {
      await props.onChanged((failure as Error).message, '');
    }
    setConfirming(false);
    return done;
  };
  return (
    <li data-testid="member">
      <strong>
        {member.account}
        {me ? ' (you)' : ''}
      </strong>
      <label for={id} class="visually-hidden">
        Role of {member.account}
      </label>
      <select
        id={id}
        value={member.role}
        onChange={async (changeEvent) => {
          const select = changeEvent.target as HTMLSelectElement;
          const role = select.value as Role;
          const changed = await act(
            () => patch(`/workspace/members/${encodeURIComponent(member.account)}`, { role }),
            `${member.account} is now ${role}.`,
          );
          // Refused (the last owner): the choice goes back to the role kept.
          if (!changed) select.value = member.role;
        }}
      >
        {kRoles.map((role) => (
          <option key={role} value={role}>
            {role}
          </option>
        ))}
      </select>
      {confirming ? (
        <Confirm
          inline
          label={`Remove ${member.account}?`}
          yes="Yes, remove"
          onYes={() =>
            act(
              () => remove(`/workspace/members/${encodeURIComponent(member.account)}`),
              `${member.account} is no longer a member.`,
            )
          }
          onCancel={() => setConfirming(false)}
        >
          Remove {member.account}? {me ? 'You' : 'They'} are signed out of this workspace at once.
        </Confirm>
      ) : (
        <button type="button" onClick={() => setConfirming(true)} aria-label={`Remove ${member.account}`}>
          Remove
        </button>
      )}
    </li>
  );
}

function AddMemberForm({ onAdded }: { onAdded: (said: string) => Promise<void> }) {
  const [account, setAccount] = useState('');
  const [role, setRole] = useState<Role>('editor');
  const [password, setPassword] = useState('');
  const [error, setError] = useState('');
  const add = async (submitEvent: Event) => {
    submitEvent.preventDefault();
    const name = account.trim();
    try {
      await post('/workspace/members', password ? { account: name, role, password } : { account: name, role });
      setAccount('');
      setPassword('');
      setError('');
      await onAdded(`${name} is now ${role}${password ? ', with a new account' : ''}.`);
    } catch (failure) {
      setError((failure as Error).message);
    }
  };
  const text = (setter: (value: string) => void) => (inputEvent: Event) =>
    setter((inputEvent.target as HTMLInputElement).value);
  return (
    <form class="add-member" onSubmit={add} aria-labelledby="add-member-title">
      <h2 id="add-member-title">Add a member</h2>
      <div class="field">
        <label for="member-account">Account</label>
        <input
          id="member-account"
          value={account}
          placeholder="bo"
          autoComplete="off"
          autoCapitalize="none"
          spellcheck={false}
          required
          pattern="[A-Za-z0-9._\-]{1,64}"
          title="Letters, digits, dot, underscore or dash: it is the account's user name"
          onInput={text(setAccount)}
        />
      </div>
      <div class="field">
        <label for="member-role">Role</label>
        <select id="member-role" value={role} onChange={text((value) => setRole(value as Role))}>
          {kRoles.map((name) => (
            <option key={name} value={name}>
              {name} — {kWhatRolesMay[name]}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for="member-password">First password, for a new account</label>
        <input
          id="member-password"
          type="password"
          value={password}
          autoComplete="new-password"
          minLength={8}
          aria-describedby="member-password-hint"
          onInput={text(setPassword)}
        />
        <p id="member-password-hint" class="muted">
          Leave it empty to add an account that already exists. A new one needs at least 8 characters; tell it to
          them yourself.
        </p>
      </div>
      <ErrorText error={error} />
      <button class="primary" type="submit" disabled={!account.trim()}>
        Add member
      </button>
    </form>
  );
}

export function MembersPage() {
  const session = currentSession();
  const [members, setMembers] = useState<Member[] | null>(null);
  const [error, setError] = useState('');
  const [said, setSaid] = useState('');
  // The members anew; what went wrong, or ''.
  const load = async (): Promise<string> => {
    try {
      setMembers((await get('/workspace/members')) as Member[]);
      return '';
    } catch (failure) {
      return (failure as Error).message;
    }
  };
  useEffect(() => {
    if (session?.role === 'owner') void load().then(setError);
  }, []);
  const workspace = session?.workspace ?? '';
  if (session?.role !== 'owner') {
    return (
      <section aria-labelledby="members-title" class="members-page">
        <h1 id="members-title">Members</h1>
        <p>Only an owner of {workspace || 'a workspace'} manages its members.</p>
      </section>
    );
  }
  // What happened is said once the list shows it.
  const changed = async (failure: string, message: string) => {
    const reloading = await load();
    setError(failure || reloading);
    setSaid(message);
  };
  return (
    <section aria-labelledby="members-title" class="members-page">
      <h1 id="members-title">Members of {workspace}</h1>
      <p>
        Everyone here shares the cards. Viewers read, editors also change cards and log meetings, owners also manage
        the members. A workspace always keeps an owner.
      </p>
      <ErrorText error={error} />
      <p role="status" class="said">
        {said}
      </p>
      {members === null ? (
        !error && <p>Loading…</p>
      ) : (
        <ul class="ledger member-list" data-testid="member-list" aria-label="Members">
          {members.map((member) => (
            <MemberRow key={member.account} member={member} me={member.account === session.account} onChanged={changed} />
          ))}
        </ul>
      )}
      <AddMemberForm onAdded={(message) => changed('', message)} />
    </section>
  );
}
