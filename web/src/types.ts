// The JSON shapes of the API (CLI.md's `--json` shapes).
export interface Link {
  kind: string;
  url: string;
  connected: boolean;
  followed: boolean;
  connected_on: string | null;
  // The URL's TYPE, PREF and label, as for emails and phones (absent: kept as they are).
  types?: string[];
  pref?: number;
  label?: string;
}

// How an address book qualified one email or phone: its TYPE values
// ("work", "cell"), PREF (1 most preferred, 0 unsaid) and custom label.
export interface ValueType {
  types: string[];
  pref: number;
  label: string;
}

// A postal address in vCard's parts.
export interface Address extends ValueType {
  po_box: string;
  extended: string;
  street: string;
  locality: string;
  region: string;
  postal_code: string;
  country: string;
  // vCard's LABEL: the address as printed on an envelope.
  delivery_label?: string;
}

export interface Contact {
  id: number;
  uid: string;
  name: string;
  given_name: string;
  family_name: string;
  company: string;
  title: string;
  emails: string[];
  email_types: ValueType[];
  phones: string[];
  phone_types: ValueType[];
  website: string;
  website_type?: ValueType;
  links: Link[];
  kind: string;
  nickname: string;
  role: string;
  departments: string[];
  // YYYY-MM-DD, or --MM-DD when the year is not known.
  birthday: string | null;
  anniversary: string | null;
  addresses: Address[];
  tags: string[];
  skills: string[];
  interests: string[];
  city: string;
  neighborhood: string;
  hometown: string;
  how_met: string;
  met_at: string;
  met_on: string | null;
  open_to_opportunities: boolean;
  looking_for: string;
  notes: string;
  // Fields kith has no place for, and the values an import or a phone's
  // card set aside ("raw EMAIL"): shown on the card until fixed.
  custom?: { label: string; value: string }[];
  last_contact: string | null;
  trashed: boolean;
  // A photo of their business card is kept (GET /contacts/{id}/card-image).
  has_card_image?: boolean;
  reasons?: string[];
  score?: number;
  // What the score is made of, each signal's points ("skills" +92).
  parts?: { signal: string; points: number }[];
  health?: { score: number; label: string; explanation: string };
}

export interface Opportunity {
  id: number;
  kind: string;
  title: string;
  description: string;
  skills: string[];
  place: string;
  deadline: string | null;
  created_on: string;
  closed_on: string | null;
}

export interface LedgerEntry {
  id: number;
  contact_id: number;
  kind: 'give' | 'ask' | 'intro';
  direction: 'from-me' | 'to-me';
  what: string;
  on: string;
  outcome: string;
  opportunity_id: number | null;
  why: string;
}

export interface Ledger {
  id: number;
  name: string;
  entries: LedgerEntry[];
  given: number;
  received: number;
  open_asks: number;
  balance: number;
}

export interface ImportSummary {
  format: string;
  dry_run: boolean;
  added: number;
  updated: number;
  unchanged: number;
  merged: number;
  skipped: number;
  errors: string[];
  // Values that failed their check, kept in their cards' raw fields.
  set_aside: number;
  problems: string[];
}

export interface ImportPreview {
  filename: string;
  format: string;
  mapping: { column: string; field: string }[];
  sample: Contact[];
  summary: ImportSummary;
}

// An agenda item. The relationship loop adds kinds (follow-up, reconnect,
// post); Today renders each kind with the renderer registered for it.
export interface AgendaItem {
  kind: string;
  opportunity?: Opportunity;
  people?: Contact[];
  [key: string]: unknown;
}

export interface Agenda {
  date: string;
  items: AgendaItem[];
}
