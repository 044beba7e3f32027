// The fields of a business card, as the Scan review and Your card screens
// ask for them: the key, its label, the input type and the autocomplete hint.
export type CardFieldKey = 'name' | 'title' | 'company' | 'email' | 'phone' | 'website';
export type CardDetails = Record<CardFieldKey, string>;

export const cardFields: [CardFieldKey, string, string, string][] = [
  ['name', 'Name', 'text', 'name'],
  ['title', 'Title', 'text', 'organization-title'],
  ['company', 'Company', 'text', 'organization'],
  ['email', 'Email', 'email', 'email'],
  ['phone', 'Phone', 'tel', 'tel'],
  ['website', 'Website', 'text', 'url'],
];
