// Editing what address books say about a card's values: the label of each
// phone, email, website and link (a vCard TYPE such as mobile or work, or a
// label of one's own, as iPhones and Android write them), whether it is the
// preferred one, and the postal addresses. Each saves through the card's
// PATCH, a list as a whole.
import { useEffect, useState } from 'preact/hooks';
import { useDraft } from '../ui/useDraft';
import { showToast } from '../ui/toast';
import { ErrorText } from '../ui/ErrorText';
import type { Address, ValueType } from '../types';

// [TYPE value, what the choice is called]; '' is no label, 'custom' a label of one's own.
type Kinds = [string, string][];
export const phoneKinds: Kinds = [
  ['', 'No label'],
  ['cell', 'Mobile'],
  ['home', 'Home'],
  ['work', 'Work'],
  ['fax', 'Fax'],
  ['pager', 'Pager'],
];
export const emailKinds: Kinds = [
  ['', 'No label'],
  ['home', 'Home'],
  ['work', 'Work'],
];
export const urlKinds: Kinds = [
  ['', 'No label'],
  ['home', 'Home'],
  ['work', 'Work'],
];
const addressKinds: Kinds = [
  ['', 'No label'],
  ['home', 'Home'],
  ['work', 'Work'],
];
const CUSTOM = 'custom';

const noType: ValueType = { types: [], pref: 0, label: '' };

// The choice a type stands for: its custom label first, else the first of
// its TYPE values the choices name.
function kindOf(type: ValueType, kinds: Kinds): string {
  if (type.label) return CUSTOM;
  return type.types.find((name) => kinds.some(([value]) => value === name)) ?? '';
}

// A type with `kind` chosen: the TYPE values the choices do not name
// ("voice", "internet") and PREF stay as the address book wrote them.
function withKind(type: ValueType, kinds: Kinds, kind: string, label: string): ValueType {
  const others = type.types.filter((name) => !kinds.some(([value]) => value === name));
  if (kind === CUSTOM) return { ...type, types: others, label };
  return { ...type, types: kind ? [kind, ...others] : others, label: '' };
}

// A select of the choices, and a text field for a label of one's own.
function LabelChoice(props: {
  id: string;
  what: string;
  type: ValueType;
  kinds: Kinds;
  onChange: (type: ValueType) => void;
  // Saves each choice as it is made (true), or leaves it to a Save button.
  immediate: boolean;
}) {
  const [kind, setKind] = useState(kindOf(props.type, props.kinds));
  const [label, setLabel] = useState(props.type.label);
  useEffect(() => {
    setKind(kindOf(props.type, props.kinds));
    setLabel(props.type.label);
  }, [props.type]);
  const commitLabel = () => {
    if (label.trim() && label !== props.type.label) props.onChange(withKind(props.type, props.kinds, CUSTOM, label.trim()));
  };
  return (
    <div class="label-choice">
      <label for={props.id}>Label for {props.what}</label>
      <select
        id={props.id}
        value={kind}
        onChange={(changeEvent) => {
          const next = (changeEvent.target as HTMLSelectElement).value;
          setKind(next);
          if (next !== CUSTOM) props.onChange(withKind(props.type, props.kinds, next, ''));
          else if (!props.immediate || label.trim()) props.onChange(withKind(props.type, props.kinds, CUSTOM, label.trim()));
        }}
      >
        {props.kinds.map(([value, name]) => (
          <option key={value} value={value}>
            {name}
          </option>
        ))}
        <option value={CUSTOM}>Custom label…</option>
      </select>
      <label class="preferred" for={`${props.id}-pref`}>
        <input
          id={`${props.id}-pref`}
          type="checkbox"
          checked={props.type.pref > 0}
          onChange={(changeEvent) =>
            // PREF=1 is the most preferred; a lower preference (2–100) an
            // address book wrote stays until this is unticked.
            props.onChange({ ...props.type, pref: (changeEvent.target as HTMLInputElement).checked ? 1 : 0 })
          }
        />{' '}
        Preferred<span class="visually-hidden"> {props.what}</span>
      </label>
      {kind === CUSTOM && (
        <>
          <label for={`${props.id}-custom`}>Custom label for {props.what}</label>
          <input
            id={`${props.id}-custom`}
            value={label}
            placeholder="e.g. Assistant"
            onInput={(inputEvent) => {
              const text = (inputEvent.target as HTMLInputElement).value;
              setLabel(text);
              if (!props.immediate) props.onChange(withKind(props.type, props.kinds, CUSTOM, text));
            }}
            onBlur={props.immediate ? commitLabel : undefined}
            onKeyDown={(keyEvent) => props.immediate && keyEvent.key === 'Enter' && commitLabel()}
          />
        </>
      )}
    </div>
  );
}

// The label of each phone or email, saved as soon as it is chosen.
export function ValueLabels(props: {
  title: string;
  idPrefix: string;
  values: string[];
  types: ValueType[] | undefined;
  kinds: Kinds;
  onSave: (types: ValueType[]) => Promise<void>;
}) {
  const [error, setError] = useState('');
  if (props.values.length === 0) return null;
  const types = props.values.map((_, index) => props.types?.[index] ?? noType);
  const saveAt = async (index: number, type: ValueType) => {
    try {
      await props.onSave(types.map((other, at) => (at === index ? type : other)));
      setError('');
      showToast({ message: `Saved: ${props.title}` });
    } catch (failure) {
      setError((failure as Error).message);
    }
  };
  return (
    <fieldset class="value-labels">
      <legend>{props.title}</legend>
      {props.values.map((value, index) => (
        <LabelChoice
          key={`${index}-${value}`}
          id={`${props.idPrefix}-${index}`}
          what={value}
          type={types[index]}
          kinds={props.kinds}
          immediate
          onChange={(type) => void saveAt(index, type)}
        />
      ))}
      <ErrorText error={error} />
    </fieldset>
  );
}

const emptyAddress: Address = {
  types: [],
  pref: 0,
  label: '',
  po_box: '',
  extended: '',
  street: '',
  locality: '',
  region: '',
  postal_code: '',
  country: '',
  delivery_label: '',
};

const addressParts: [keyof Address, string][] = [
  ['street', 'Street'],
  ['extended', 'Apartment, suite'],
  ['po_box', 'PO box'],
  ['locality', 'City'],
  ['region', 'State or region'],
  ['postal_code', 'Postal code'],
  ['country', 'Country'],
];

// One address's parts and label, saved with its button.
function AddressForm(props: {
  id: string;
  title: string;
  address: Address;
  onSave: (address: Address) => Promise<void>;
  onRemove: () => Promise<void>;
  removeText: string;
}) {
  // Each change updates the latest draft, not the one its handler was made
  // with: a label picked and a part typed (or autofilled) before the next
  // render would otherwise undo each other.
  const [draft, setDraft] = useDraft<Address>(props.address);
  const [error, setError] = useState('');
  const run = async (action: () => Promise<void>) => {
    try {
      await action();
      setError('');
    } catch (failure) {
      setError((failure as Error).message);
    }
  };
  return (
    <fieldset class="address-form" aria-labelledby={`${props.id}-title`}>
      <legend id={`${props.id}-title`}>{props.title}</legend>
      <LabelChoice
        id={`${props.id}-label`}
        what={props.title.toLowerCase()}
        type={draft}
        kinds={addressKinds}
        immediate={false}
        onChange={(type) =>
          setDraft((current) => ({ ...current, types: type.types, pref: type.pref, label: type.label }))
        }
      />
      {addressParts.map(([part, name]) => (
        <div class="field" key={part}>
          <label for={`${props.id}-${part}`}>{name}</label>
          <input
            id={`${props.id}-${part}`}
            value={String(draft[part] ?? '')}
            autocomplete="off"
            onInput={(inputEvent) => {
              const value = (inputEvent.target as HTMLInputElement).value;
              setDraft((current) => ({ ...current, [part]: value }));
            }}
          />
        </div>
      ))}
      <div class="field">
        <label for={`${props.id}-delivery_label`}>As printed on an envelope (optional)</label>
        <textarea
          id={`${props.id}-delivery_label`}
          rows={3}
          value={draft.delivery_label ?? ''}
          onInput={(inputEvent) => {
            const value = (inputEvent.target as HTMLTextAreaElement).value;
            setDraft((current) => ({ ...current, delivery_label: value }));
          }}
        />
      </div>
      <div class="inline-form">
        <button type="button" onClick={() => run(() => props.onSave(draft))}>
          Save address
        </button>
        <button type="button" onClick={() => run(props.onRemove)}>
          {props.removeText}
        </button>
      </div>
      <ErrorText error={error} />
    </fieldset>
  );
}

// The card's postal addresses, each editable, and one more to add.
export function AddressEditor(props: { addresses: Address[]; onSave: (addresses: Address[]) => Promise<void> }) {
  const [adding, setAdding] = useState(false);
  const saved = async (addresses: Address[], message: string) => {
    await props.onSave(addresses);
    showToast({ message });
  };
  return (
    <section class="address-editor" aria-labelledby="address-editor-title">
      <h3 id="address-editor-title">Addresses</h3>
      {props.addresses.map((address, index) => (
        <AddressForm
          key={index}
          id={`address-${index}`}
          title={`Address ${index + 1}`}
          address={address}
          removeText="Remove address"
          onSave={(changed) =>
            saved(
              props.addresses.map((other, at) => (at === index ? changed : other)),
              'Saved: address',
            )
          }
          onRemove={() => saved(props.addresses.filter((_, at) => at !== index), 'Removed the address')}
        />
      ))}
      {adding ? (
        <AddressForm
          id="address-new"
          title="New address"
          address={emptyAddress}
          removeText="Cancel"
          onSave={async (address) => {
            await saved([...props.addresses, address], 'Saved: address');
            setAdding(false);
          }}
          onRemove={async () => setAdding(false)}
        />
      ) : (
        <button type="button" onClick={() => setAdding(true)}>
          Add an address
        </button>
      )}
    </section>
  );
}

// The card's other fields (an import's unmapped column, a value set aside
// as "raw EMAIL" because it failed its check), each removable once fixed.
export function OtherFields(props: {
  fields: { label: string; value: string }[];
  onSave: (fields: { label: string; value: string }[]) => Promise<void>;
}) {
  const [error, setError] = useState('');
  if (props.fields.length === 0) return null;
  return (
    <fieldset class="other-fields">
      <legend>Other fields</legend>
      {props.fields.some((field) => field.label.startsWith('raw ')) && (
        <p class="muted" data-testid="set-aside-note">
          A “raw” field is a value an import or a phone’s address book sent that failed its check (an email without
          “@”, a date that is no date). It is kept here as it came: put it right in its own field, then remove it.
        </p>
      )}
      <ul>
        {props.fields.map((field, index) => (
          <li key={`${index}-${field.label}`}>
            <span class="muted">{field.label}</span> <span>{field.value}</span>{' '}
            <button
              type="button"
              aria-label={`Remove ${field.label}`}
              onClick={async () => {
                try {
                  await props.onSave(props.fields.filter((_, at) => at !== index));
                  setError('');
                  showToast({ message: `Removed ${field.label}` });
                } catch (failure) {
                  setError((failure as Error).message);
                }
              }}
            >
              Remove
            </button>
          </li>
        ))}
      </ul>
      <ErrorText error={error} />
    </fieldset>
  );
}
