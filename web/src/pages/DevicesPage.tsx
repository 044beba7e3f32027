// Devices: the phones and apps that sync with kith (CardDAV), each with an
// app password of its own, shown once when it is added and revocable on its
// own; and the secret address calendar apps subscribe to.
import { useEffect, useState } from 'preact/hooks';
import { currentSession, get, mayWrite, post, query, remove } from '../api';
import { Confirm } from '../ui/Confirm';
import { CopyField } from '../ui/CopyField';
import { ErrorText } from '../ui/ErrorText';

interface Device {
  id: number;
  name: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

interface DeviceSetup {
  url: string;
  username: string;
  password: string;
}

interface Subscription {
  path: string;
}

// The address as this browser reaches kith: what a phone on the same
// network (or behind the same proxy) types too.
const here = () => window.location.origin;

function status(device: Device): string {
  if (device.revoked_at) return `revoked ${device.revoked_at.slice(0, 10)}`;
  if (device.last_used_at) return `last synced ${device.last_used_at.slice(0, 16).replace('T', ' ')}`;
  return 'never synced';
}

function DeviceRow({ device, onRevoked }: { device: Device; onRevoked: (error: string) => void }) {
  const [confirming, setConfirming] = useState(false);
  const revoke = async () => {
    try {
      await remove(`/devices${query({ name: device.name })}`);
      onRevoked('');
    } catch (failure) {
      onRevoked((failure as Error).message);
    }
    setConfirming(false);
  };
  return (
    <li data-testid="device" class={device.revoked_at ? 'revoked' : undefined}>
      <strong>{device.name}</strong>
      <span class="muted">
        added {device.created_at.slice(0, 10)} · {status(device)}
      </span>
      {!device.revoked_at &&
        (confirming ? (
          <Confirm
            inline
            label={`Revoke ${device.name}?`}
            yes="Yes, revoke"
            onYes={revoke}
            onCancel={() => setConfirming(false)}
          >
            Revoke {device.name}? It stops syncing at once.
          </Confirm>
        ) : (
          <button type="button" onClick={() => setConfirming(true)}>
            Revoke
          </button>
        ))}
    </li>
  );
}

function CalendarLink() {
  const [path, setPath] = useState('');
  const [error, setError] = useState('');
  // Which change waits for a yes: replacing the address or stopping it.
  const [confirming, setConfirming] = useState<'' | 'replace' | 'stop'>('');
  const [stopped, setStopped] = useState(false);
  useEffect(() => {
    get('/calendar/subscription')
      .then((body) => setPath((body as Subscription).path))
      .catch((failure: Error) => setError(failure.message));
  }, []);
  const rotate = async () => {
    try {
      setPath(((await post('/calendar/subscription/rotate')) as Subscription).path);
      setStopped(false);
      setError('');
    } catch (failure) {
      setError((failure as Error).message);
    }
    setConfirming('');
  };
  const stop = async () => {
    try {
      await remove('/calendar/subscription');
      setPath('');
      setStopped(true);
      setError('');
    } catch (failure) {
      setError((failure as Error).message);
    }
    setConfirming('');
  };
  return (
    <section aria-labelledby="calendar-title">
      <h2 id="calendar-title">Your reminders in a calendar app</h2>
      <p>
        Subscribe to this address in Apple Calendar, Google Calendar or Thunderbird. Anyone who has it sees your
        reminders: keep it to yourself.
      </p>
      <ErrorText error={error} />
      {path && <CopyField label="Calendar address" value={`${here()}${path}`} testId="calendar-url" />}
      {stopped && (
        <>
          <p role="status" data-testid="calendar-stopped">
            The calendar link is stopped: calendars subscribed to it get nothing more from kith. A new one, with
            a new secret address, is made when you ask for it here.
          </p>
          <button type="button" onClick={rotate}>
            Make a new calendar link
          </button>
        </>
      )}
      {confirming === 'replace' && (
        <Confirm
          label="Replace the calendar address?"
          yes="Yes, replace it"
          onYes={rotate}
          onCancel={() => setConfirming('')}
        >
          Calendars subscribed to the old address stop updating.
        </Confirm>
      )}
      {confirming === 'stop' && (
        <Confirm
          label="Stop this calendar link?"
          yes="Yes, stop it"
          onYes={stop}
          onCancel={() => setConfirming('')}
        >
          Calendars subscribed to it stop updating at once, and the address answers nothing.
        </Confirm>
      )}
      {!confirming && path && (
        <p class="calendar-actions">
          <button type="button" onClick={() => setConfirming('replace')}>
            Replace the address
          </button>{' '}
          <button type="button" onClick={() => setConfirming('stop')}>
            Stop this calendar link
          </button>
        </p>
      )}
    </section>
  );
}

// A viewer of a team's network adds no devices and keeps no reminders:
// their phone syncs with their own account and password.
function ViewerSync() {
  const signedIn = currentSession();
  const username = `${signedIn?.account ?? ''}@${signedIn?.workspace ?? ''}`;
  return (
    <section aria-labelledby="devices-title" class="devices-page">
      <h1 id="devices-title">Devices</h1>
      <p>
        Your phone's Contacts, macOS Contacts, DAVx⁵ on Android and Thunderbird can show this network's people over
        CardDAV, read only. As a viewer you set them up with your own account password; app passwords and the
        calendar address are for owners and editors.
      </p>
      <CopyField label="Server" value={`${here()}/dav/`} testId="setup-url" />
      <CopyField label="User name" value={username} testId="setup-username" />
    </section>
  );
}

export function DevicesPage() {
  return mayWrite() ? <WriterDevices /> : <ViewerSync />;
}

function WriterDevices() {
  const [devices, setDevices] = useState<Device[] | null>(null);
  const [name, setName] = useState('');
  const [added, setAdded] = useState<DeviceSetup | null>(null);
  const [error, setError] = useState('');
  const load = () =>
    get('/devices')
      .then((body) => setDevices(body as Device[]))
      .catch((failure: Error) => setError(failure.message));
  useEffect(() => {
    void load();
  }, []);
  const add = async (submitEvent: Event) => {
    submitEvent.preventDefault();
    try {
      setAdded((await post('/devices', { name: name.trim() })) as DeviceSetup);
      setName('');
      setError('');
      await load();
    } catch (failure) {
      setError((failure as Error).message);
    }
  };
  return (
    <section aria-labelledby="devices-title" class="devices-page">
      <h1 id="devices-title">Devices</h1>
      <p>
        Your phone's Contacts, macOS Contacts, DAVx⁵ on Android and Thunderbird sync with kith over CardDAV. Give
        each its own app password: revoking one leaves the others syncing.
      </p>
      <form class="inline-form wrap" onSubmit={add}>
        <label>
          Device name
          <input
            value={name}
            placeholder="iphone"
            autoComplete="off"
            autoCapitalize="none"
            pattern="[A-Za-z0-9._\-]{1,64}"
            title="Letters, digits, dot, underscore or dash: it is the device's user name"
            onInput={(inputEvent) => setName((inputEvent.target as HTMLInputElement).value)}
          />
        </label>
        <button class="primary" type="submit" disabled={!name.trim()}>
          Add device
        </button>
      </form>
      <ErrorText error={error} />
      {added && (
        <div class="device-setup" role="status" data-testid="device-setup">
          <h2>Set up {added.username}</h2>
          <p>Type these into the device's CardDAV account. The password is shown only now.</p>
          <CopyField label="Server" value={`${here()}/dav/`} testId="setup-url" />
          <CopyField label="User name" value={added.username} testId="setup-username" />
          <CopyField label="Password" value={added.password} testId="setup-password" />
          <button type="button" onClick={() => setAdded(null)}>
            Done
          </button>
        </div>
      )}
      {devices === null ? (
        <p>Loading…</p>
      ) : devices.length === 0 ? (
        <p class="muted">No devices yet.</p>
      ) : (
        <ul class="ledger device-list" data-testid="device-list">
          {devices.map((device) => (
            <DeviceRow
              key={device.id}
              device={device}
              onRevoked={(failure) => {
                setError(failure);
                void load();
              }}
            />
          ))}
        </ul>
      )}
      <CalendarLink />
    </section>
  );
}
