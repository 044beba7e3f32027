// One person: every field editable in place, links with their connected
// flags, and the sections registered in contactSections (the ledger today;
// the relationship loop adds its timeline, facts, reminders, brief and
// follow-up draft there).
import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { ApiError, get, patch, post, remove } from '../api';
import type { Contact, Ledger, Link } from '../types';
import { relationshipSections } from './relationship/ContactSections';

interface SectionProps {
  contact: Contact;
}

export interface ContactSection {
  id: string;
  title: string;
  component: ComponentType<SectionProps>;
}

const textFields: [keyof Contact, string][] = [
  ['name', 'Name'],
  ['company', 'Company'],
  ['title', 'Title'],
  ['city', 'City'],
  ['neighborhood', 'Neighbourhood'],
  ['hometown', 'Hometown'],
  ['met_at', 'Met at'],
  ['met_on', 'Met on (YYYY-MM-DD)'],
  ['website', 'Website'],
  ['looking_for', 'Looking for'],
];

const listFields: [keyof Contact, string][] = [
  ['emails', 'Emails'],
  ['phones', 'Phones'],
  ['tags', 'Tags'],
  ['skills', 'Skills'],
  ['interests', 'Interests'],
];

function Field(props: { label: string; value: string; multiline?: boolean; onSave: (value: string) => Promise<void> }) {
  const [value, setValue] = useState(props.value);
  const [error, setError] = useState('');
  useEffect(() => setValue(props.value), [props.value]);
  const save = async () => {
    if (value === props.value) return;
    try {
      await props.onSave(value);
      setError('');
    } catch (failure) {
      setError((failure as Error).message);
    }
  };
  const id = `field-${props.label.replace(/\W+/g, '-').toLowerCase()}`;
  const common = {
    id,
    value,
    onInput: (inputEvent: Event) => setValue((inputEvent.target as HTMLInputElement).value),
    onBlur: save,
    'aria-invalid': error ? true : undefined,
  };
  return (
    <div class="field">
      <label for={id}>{props.label}</label>
      {props.multiline ? (
        <textarea {...common} rows={3} />
      ) : (
        <input {...common} onKeyDown={(keyEvent) => keyEvent.key === 'Enter' && save()} />
      )}
      {error && (
        <span class="error" role="alert">
          {error}
        </span>
      )}
    </div>
  );
}

function Links(props: { contact: Contact; onSave: (links: Link[]) => Promise<void> }) {
  const [kind, setKind] = useState('linkedin');
  const [url, setUrl] = useState('');
  const links = props.contact.links;
  return (
    <fieldset class="links">
      <legend>Links</legend>
      <ul>
        {links.map((link, index) => (
          <li key={`${link.kind}-${link.url}`}>
            <span class="kind">{link.kind}</span>{' '}
            <a href={link.url} target="_blank" rel="noopener noreferrer">
              {link.url}
            </a>
            <label>
              <input
                type="checkbox"
                checked={link.connected || link.followed}
                onChange={(changeEvent) => {
                  const on = (changeEvent.target as HTMLInputElement).checked;
                  const next = links.map((other, at) => (at === index ? { ...other, connected: on } : other));
                  void props.onSave(next);
                }}
              />{' '}
              connected
            </label>
            <button type="button" onClick={() => props.onSave(links.filter((_, at) => at !== index))}>
              Remove
            </button>
          </li>
        ))}
      </ul>
      <div class="inline-form">
        <label>
          <span class="visually-hidden">Kind</span>
          <select value={kind} onChange={(changeEvent) => setKind((changeEvent.target as HTMLSelectElement).value)}>
            {['linkedin', 'twitter', 'facebook', 'instagram', 'github', 'other'].map((name) => (
              <option key={name}>{name}</option>
            ))}
          </select>
        </label>
        <label>
          <span class="visually-hidden">Link URL</span>
          <input
            placeholder="https://…"
            value={url}
            onInput={(inputEvent) => setUrl((inputEvent.target as HTMLInputElement).value)}
          />
        </label>
        <button
          type="button"
          onClick={async () => {
            if (!url) return;
            await props.onSave([...links, { kind, url, connected: false, followed: false, connected_on: null }]);
            setUrl('');
          }}
        >
          Add link
        </button>
      </div>
    </fieldset>
  );
}

function LedgerSection({ contact }: SectionProps) {
  const [ledger, setLedger] = useState<Ledger | null>(null);
  const [what, setWhat] = useState('');
  const [error, setError] = useState('');
  const load = () => get(`/contacts/${contact.id}/ledger`).then((body) => setLedger(body as Ledger));
  useEffect(() => {
    void load();
  }, [contact.id]);
  const record = async (path: string, direction: string) => {
    try {
      await post(path, { contact_id: contact.id, what, direction });
      setWhat('');
      setError('');
      await load();
    } catch (failure) {
      setError((failure as ApiError).message);
    }
  };
  if (!ledger) return <p>Loading…</p>;
  return (
    <div>
      <p>
        You gave {ledger.given}, they gave {ledger.received}
        {ledger.open_asks > 0 ? `, ${ledger.open_asks} open asks` : ''}.
      </p>
      <ul class="ledger">
        {ledger.entries.map((entry) => (
          <li key={entry.id}>
            <time>{entry.on}</time> {entry.kind} {entry.direction === 'from-me' ? '→ them' : '← them'}: {entry.what}
            {entry.outcome !== 'open' ? ` [${entry.outcome}]` : ''}
          </li>
        ))}
      </ul>
      <div class="inline-form">
        <label>
          <span class="visually-hidden">What</span>
          <input
            placeholder="What was given or asked"
            value={what}
            onInput={(inputEvent) => setWhat((inputEvent.target as HTMLInputElement).value)}
          />
        </label>
        <button type="button" onClick={() => record('/gives', 'from-me')}>
          I gave
        </button>
        <button type="button" onClick={() => record('/gives', 'to-me')}>
          They gave
        </button>
        <button type="button" onClick={() => record('/asks', 'to-me')}>
          They asked
        </button>
      </div>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

// The sections under a card, in order. The relationship loop registers its
// own (timeline, facts, reminders, brief, follow-up draft) here.
export const contactSections: ContactSection[] = [
  ...relationshipSections,
  { id: 'ledger', title: 'Give and take', component: LedgerSection },
];

export function ContactPage({ params }: { params: Record<string, string> }) {
  const [contact, setContact] = useState<Contact | null>(null);
  const [error, setError] = useState('');
  useEffect(() => {
    setContact(null);
    get(`/contacts/${params.id}`)
      .then((body) => setContact(body as Contact))
      .catch((failure: Error) => setError(failure.message));
  }, [params.id]);
  if (error)
    return (
      <p class="error" role="alert">
        {error}
      </p>
    );
  if (!contact) return <p>Loading…</p>;
  const save = async (changes: Partial<Contact>) => {
    setContact((await patch(`/contacts/${contact.id}`, changes)) as Contact);
  };
  return (
    <article class="contact-page" aria-labelledby="contact-name">
      <header>
        <h1 id="contact-name">{contact.name}</h1>
        <p class="subtitle">{[contact.title, contact.company].filter(Boolean).join(' at ')}</p>
        {contact.trashed ? (
          <button type="button" onClick={async () => setContact((await post(`/contacts/${contact.id}/restore`)) as Contact)}>
            Restore from the trash
          </button>
        ) : (
          <button type="button" onClick={async () => setContact((await remove(`/contacts/${contact.id}`)) as Contact)}>
            Move to the trash
          </button>
        )}
      </header>
      <div class="fields">
        {textFields.map(([key, label]) => (
          <Field
            key={key}
            label={label}
            value={String(contact[key] ?? '')}
            onSave={(value) => save({ [key]: key === 'met_on' && !value ? null : value })}
          />
        ))}
        {listFields.map(([key, label]) => (
          <Field
            key={key}
            label={`${label} (comma-separated)`}
            value={(contact[key] as string[]).join(', ')}
            onSave={(value) => save({ [key]: value.split(',').map((item) => item.trim()).filter(Boolean) })}
          />
        ))}
        <div class="field checkbox">
          <label>
            <input
              type="checkbox"
              checked={contact.open_to_opportunities}
              onChange={(changeEvent) =>
                save({ open_to_opportunities: (changeEvent.target as HTMLInputElement).checked })
              }
            />{' '}
            Open to opportunities
          </label>
        </div>
        <Field label="Notes" multiline value={contact.notes} onSave={(value) => save({ notes: value })} />
      </div>
      <Links contact={contact} onSave={(links) => save({ links })} />
      {contactSections.map((section) => (
        <section key={section.id} aria-labelledby={`section-${section.id}`}>
          <h2 id={`section-${section.id}`}>{section.title}</h2>
          <section.component contact={contact} />
        </section>
      ))}
    </article>
  );
}
