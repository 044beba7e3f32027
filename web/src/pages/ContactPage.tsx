// One person, read first: who they are, how you met, how to reach them (tap
// to email, call or open a profile), then the sections registered in
// contactSections (brief, facts, what is due, timeline, ledger). Editing is
// on demand: every field saves when you leave it and says so; the trash is
// behind a confirmation and comes with an Undo.
import type { ComponentType } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError, get, patch, post, remove } from '../api';
import { showToast, undoable } from '../ui/toast';
import type { Contact, Ledger, Link, ValueType } from '../types';
import { addressLines, partialDate, valueLabel } from '../cardValues';
import { relationshipSections } from './relationship/ContactSections';
import { ErrorText } from '../ui/ErrorText';
import { AddressEditor, OtherFields, ValueLabels, emailKinds, phoneKinds, urlKinds } from './CardEditors';

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
  ['nickname', 'Nickname'],
  ['company', 'Company'],
  ['title', 'Title'],
  ['role', 'Role'],
  ['birthday', 'Birthday (YYYY-MM-DD, or --MM-DD without the year)'],
  ['anniversary', 'Anniversary (YYYY-MM-DD, or --MM-DD)'],
  ['city', 'City'],
  ['neighborhood', 'Neighbourhood'],
  ['hometown', 'Hometown'],
  ['met_at', 'Met at'],
  ['met_on', 'Met on'],
  ['website', 'Website'],
  ['looking_for', 'Looking for'],
];

// The lists whose values carry a label of their own, with the key of their types.
const labelledLists: [string, string, 'phones' | 'emails', 'phone_types' | 'email_types', typeof phoneKinds][] = [
  ['Phone labels', 'phone-label', 'phones', 'phone_types', phoneKinds],
  ['Email labels', 'email-label', 'emails', 'email_types', emailKinds],
];

// Fields that hold a date or nothing: an empty one is cleared.
const dateFields = new Set<keyof Contact>(['met_on', 'birthday', 'anniversary']);

const listFields: [keyof Contact, string][] = [
  ['departments', 'Departments'],
  ['emails', 'Emails'],
  ['phones', 'Phones'],
  ['tags', 'Tags'],
  ['skills', 'Skills'],
  ['interests', 'Interests'],
];

function Field(props: {
  label: string;
  value: string;
  multiline?: boolean;
  type?: string;
  onSave: (value: string) => Promise<void>;
}) {
  const [value, setValue] = useState(props.value);
  const [error, setError] = useState('');
  // A new value from the card replaces the draft only when nothing was
  // typed since the last one: a save's answer that arrives while the user
  // types on must not undo their typing.
  const synced = useRef(props.value);
  useEffect(() => {
    setValue((draft) => (draft === synced.current ? props.value : draft));
    synced.current = props.value;
  }, [props.value]);
  const save = async () => {
    if (value === props.value) return;
    try {
      await props.onSave(value);
      setError('');
      showToast({ message: `Saved: ${props.label.replace(/ \(.*\)$/, '')}` });
    } catch (failure) {
      setError((failure as Error).message);
    }
  };
  const id = `field-${props.label.replace(/\W+/g, '-').toLowerCase()}`;
  const common = {
    id,
    value,
    // A corrected field loses its old error as soon as it changes.
    onInput: (inputEvent: Event) => (setValue((inputEvent.target as HTMLInputElement).value), setError('')),
    onBlur: save,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': error ? `${id}-error` : undefined,
  };
  return (
    <div class="field">
      <label for={id}>{props.label}</label>
      {props.multiline ? (
        <textarea {...common} rows={6} />
      ) : (
        <input {...common} type={props.type ?? 'text'} onKeyDown={(keyEvent) => keyEvent.key === 'Enter' && save()} />
      )}
      {error && (
        <span class="error" role="alert" id={`${id}-error`}>
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
      <ErrorText error={error} />
    </div>
  );
}

// The sections under a card, in order. The relationship loop registers its
// own (timeline, facts, reminders, brief, follow-up draft) here.
export const contactSections: ContactSection[] = [
  ...relationshipSections,
  { id: 'ledger', title: 'Give and take', component: LedgerSection },
];

export const linkNames: Record<string, string> = {
  linkedin: 'LinkedIn',
  twitter: 'X (Twitter)',
  facebook: 'Facebook',
  instagram: 'Instagram',
  github: 'GitHub',
  other: 'Website',
};

// A link's TYPE, PREF and label as the label pickers take them. The API
// always sends them, so the link itself is returned: the same object from
// one render to the next, which a picker relies on to keep a choice being
// made (a new object would reset it).
const untyped: ValueType = { types: [], pref: 0, label: '' };
function linkType(link: Pick<Link, 'types' | 'pref' | 'label'> | undefined): ValueType {
  if (!link) return untyped;
  if (link.types && link.pref !== undefined && link.label !== undefined) return link as ValueType;
  return { types: link.types ?? [], pref: link.pref ?? 0, label: link.label ?? '' };
}

// How to reach them, one tap each: mail, call, their profiles.
function Reach({ contact }: { contact: Contact }) {
  const web = contact.website ? [{ kind: 'other', url: contact.website, ...contact.website_type }] : [];
  const rows = [
    ...contact.emails.map((email, index) => ({
      label: 'Email',
      href: `mailto:${email}`,
      text: email,
      type: valueLabel(contact.email_types?.[index]),
      external: false,
    })),
    ...contact.phones.map((phone, index) => ({
      label: 'Call',
      href: `tel:${phone.replace(/[^\d+]/g, '')}`,
      text: phone,
      type: valueLabel(contact.phone_types?.[index]),
      external: false,
    })),
    ...[...contact.links, ...web].map((link) => ({
      label: linkNames[link.kind] ?? link.kind,
      href: link.url,
      text: link.url.replace(/^https?:\/\/(www\.)?/, '').replace(/\/$/, ''),
      type: valueLabel(linkType(link)),
      external: true,
    })),
  ];
  if (rows.length === 0) return <p class="muted">No email, phone or profile yet: add them with Edit.</p>;
  return (
    <ul class="reach" aria-label="Reach them">
      {rows.map((row) => (
        <li key={row.href}>
          <span class="muted">{row.label}</span>
          <a
            href={row.href}
            data-testid={`reach-${row.label.toLowerCase()}`}
            {...(row.external ? { target: '_blank', rel: 'noopener noreferrer' } : {})}
          >
            {row.text}
          </a>
          {row.type && (
            <span class="value-type" data-testid="value-type">
              {row.type}
            </span>
          )}
        </li>
      ))}
    </ul>
  );
}

// Postal addresses, each with its label or type ("work", "Studio").
function Addresses({ contact }: { contact: Contact }) {
  if (!contact.addresses?.length) return null;
  return (
    <ul class="addresses" aria-label="Addresses">
      {contact.addresses.map((address, index) => (
        <li key={index} data-testid="address">
          <span class="muted">{valueLabel(address) || 'Address'}</span>
          <address>
            {addressLines(address).map((line) => (
              <span key={line}>{line}</span>
            ))}
            {address.delivery_label && (
              <span class="delivery-label" data-testid="delivery-label">
                On an envelope: {address.delivery_label.split('\n').join(' / ')}
              </span>
            )}
          </address>
        </li>
      ))}
    </ul>
  );
}

// Trash, behind a confirmation; the toast that follows can undo it.
function TrashControl({ contact, onChange }: { contact: Contact; onChange: (contact: Contact) => void }) {
  const [asking, setAsking] = useState(false);
  const [error, setError] = useState('');
  const restore = async () => onChange((await post(`/contacts/${contact.id}/restore`)) as Contact);
  const trash = async () => {
    try {
      onChange((await remove(`/contacts/${contact.id}`)) as Contact);
      setAsking(false);
      undoable(`Moved ${contact.name} to the trash`, restore);
    } catch (failure) {
      setError((failure as Error).message);
    }
  };
  return (
    <div class="trash-control">
      {asking ? (
        <div role="group" aria-labelledby="trash-question" class="confirm">
          <p id="trash-question">Move {contact.name} to the trash? You can restore them from the trash.</p>
          <button type="button" class="danger" onClick={trash}>
            Yes, move to the trash
          </button>
          <button type="button" onClick={() => setAsking(false)}>
            Cancel
          </button>
        </div>
      ) : (
        <button type="button" onClick={() => setAsking(true)}>
          Move to the trash…
        </button>
      )}
      <ErrorText error={error} />
    </div>
  );
}

function EditForm({ contact, save }: { contact: Contact; save: (changes: Partial<Contact>) => Promise<void> }) {
  return (
    <section class="edit" aria-labelledby="edit-title">
      <h2 id="edit-title">Edit</h2>
      <p class="muted">Each field is saved when you leave it.</p>
      <div class="fields">
        {textFields.map(([key, label]) => (
          <Field
            key={key}
            label={label}
            type={key === 'met_on' ? 'date' : key === 'website' ? 'url' : 'text'}
            value={String(contact[key] ?? '')}
            onSave={(value) => save({ [key]: dateFields.has(key) && !value ? null : value })}
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
      </div>
      {labelledLists.map(([title, idPrefix, values, types, kinds]) => (
        <ValueLabels
          key={idPrefix}
          title={title}
          idPrefix={idPrefix}
          values={contact[values]}
          types={contact[types]}
          kinds={kinds}
          // A list's types go with the list, one for each value.
          onSave={(changed) => save({ [values]: contact[values], [types]: changed })}
        />
      ))}
      <AddressEditor addresses={contact.addresses ?? []} onSave={(addresses) => save({ addresses })} />
      <OtherFields fields={contact.custom ?? []} onSave={(custom) => save({ custom })} />
      <Field label="Notes" multiline value={contact.notes} onSave={(value) => save({ notes: value })} />
      <Links contact={contact} onSave={(links) => save({ links })} />
      <ValueLabels
        title="Website and link labels"
        idPrefix="link-label"
        values={[...(contact.website ? [contact.website] : []), ...contact.links.map((link) => link.url)]}
        types={[...(contact.website ? [linkType(contact.website_type)] : []), ...contact.links.map(linkType)]}
        kinds={urlKinds}
        // The website's type goes beside it; each link carries its own.
        onSave={(changed) => {
          const website = contact.website ? changed[0] : undefined;
          const linkTypes = contact.website ? changed.slice(1) : changed;
          return save({
            ...(website ? { website: contact.website, website_type: website } : {}),
            links: contact.links.map((link, index) => ({ ...link, ...linkTypes[index] })),
          });
        }}
      />
    </section>
  );
}

// The photo of the card someone was scanned from, kept with them: shown
// when the API says one is kept (has_card_image), whatever how they met
// says. Should it be gone by the time the browser asks (removed in another
// tab), nothing shows.
function CardPhoto({ id }: { id: number }) {
  const [missing, setMissing] = useState(false);
  useEffect(() => setMissing(false), [id]);
  if (missing) return null;
  return (
    <figure class="card-photo" data-testid="card-photo">
      <img src={`/api/v1/contacts/${id}/card-image`} alt="Their business card, as photographed" onError={() => setMissing(true)} />
    </figure>
  );
}

export function ContactPage({ params }: { params: Record<string, string> }) {
  const [contact, setContact] = useState<Contact | null>(null);
  const [editing, setEditing] = useState(false);
  const [error, setError] = useState('');
  useEffect(() => {
    setContact(null);
    get(`/contacts/${params.id}`)
      .then((body) => setContact(body as Contact))
      .catch((failure: Error) => setError(failure.message));
  }, [params.id]);
  if (error)
    return (
      <>
        <h1>Not found</h1>
        <p class="error" role="alert">
          {error}
        </p>
      </>
    );
  if (!contact) return <p>Loading…</p>;
  const save = async (changes: Partial<Contact>) => {
    setContact((await patch(`/contacts/${contact.id}`, changes)) as Contact);
  };
  // "Engineer, Mentor at Acme Robotics · Platform": title and role, at the
  // company and its departments.
  const job = [contact.title, contact.role].filter(Boolean).join(', ');
  const organisation = [contact.company, ...(contact.departments ?? [])].filter(Boolean).join(' · ');
  const subtitle = [job, organisation].filter(Boolean).join(' at ');
  const met = [contact.met_at && `at ${contact.met_at}`, contact.met_on && `on ${contact.met_on}`].filter(Boolean).join(' ');
  return (
    <article class="contact-page" aria-labelledby="contact-name">
      <header class="card-head">
        <h1 id="contact-name">{contact.name}</h1>
        {contact.nickname && (
          <p class="muted" data-testid="nickname">
            Goes by {contact.nickname}
          </p>
        )}
        {subtitle && <p class="subtitle">{subtitle}</p>}
        {(contact.birthday || contact.anniversary) && (
          <p class="muted" data-testid="dates">
            {[
              contact.birthday && `Birthday ${partialDate(contact.birthday)}`,
              contact.anniversary && `Anniversary ${partialDate(contact.anniversary)}`,
            ]
              .filter(Boolean)
              .join(' · ')}
          </p>
        )}
        {(met || contact.how_met) && (
          <p class="how-met" data-testid="how-met">
            {met ? `Met ${met}` : ''}
            {met && contact.how_met ? ' — ' : ''}
            {contact.how_met}
          </p>
        )}
        {contact.city && <p class="muted">{[contact.neighborhood, contact.city].filter(Boolean).join(', ')}</p>}
        {contact.trashed && (
          <p class="trashed" role="status">
            In the trash.{' '}
            <button type="button" onClick={async () => setContact((await post(`/contacts/${contact.id}/restore`)) as Contact)}>
              Restore
            </button>
          </p>
        )}
        <Reach contact={contact} />
        <Addresses contact={contact} />
        {contact.notes && <p class="notes">{contact.notes}</p>}
        {(contact.custom ?? []).length > 0 && (
          <dl class="other-fields" data-testid="other-fields">
            {(contact.custom ?? []).map((field, index) => (
              <div key={index}>
                <dt>{field.label}</dt>
                <dd>{field.value}</dd>
              </div>
            ))}
          </dl>
        )}
        {contact.tags.length > 0 && <p class="muted">Tags: {contact.tags.join(', ')}</p>}
        {contact.has_card_image && <CardPhoto id={contact.id} />}
        <button type="button" aria-expanded={editing} onClick={() => setEditing(!editing)}>
          {editing ? 'Done editing' : 'Edit'}
        </button>
      </header>
      {editing && <EditForm contact={contact} save={save} />}
      {contactSections.map((section) => (
        <section key={section.id} aria-labelledby={`section-${section.id}`}>
          <h2 id={`section-${section.id}`}>{section.title}</h2>
          <section.component contact={contact} />
        </section>
      ))}
      {!contact.trashed && <TrashControl contact={contact} onChange={setContact} />}
    </article>
  );
}
