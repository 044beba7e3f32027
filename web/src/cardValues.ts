// How a card's typed values read to a person: the label an address book
// gave a phone or email, a birthday without its year, an address on lines.
import type { Address, ValueType } from './types';

// vCard's TYPE names as phones and address books show them. "voice" and
// "internet" say nothing a person needs; "pref" is shown as PREF.
const typeNames: Record<string, string> = { cell: 'mobile', voice: '', internet: '', pref: '', x400: '' };

// Apple writes its built-in labels wrapped: "_$!<Other>!$_" is "other".
function shownLabel(label: string): string {
  const builtIn = /^_\$!<(.+)>!\$_$/.exec(label);
  return builtIn ? builtIn[1].toLowerCase() : label;
}

// "Assistant" (a custom label), else "mobile, work"; "preferred" is added
// for the value the card prefers. Empty when the card said nothing.
export function valueLabel(type: ValueType | undefined): string {
  if (!type) return '';
  const named =
    shownLabel(type.label) || type.types.map((name) => typeNames[name] ?? name).filter(Boolean).join(', ');
  return [named, type.pref === 1 ? 'preferred' : ''].filter(Boolean).join(' · ');
}

const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

// "1985-04-12" → "April 12, 1985"; "--04-12" → "April 12".
export function partialDate(iso: string): string {
  const match = /^(\d{4}|--)-?(\d{2})-(\d{2})$/.exec(iso);
  if (!match) return iso;
  const day = `${months[Number(match[2]) - 1] ?? match[2]} ${Number(match[3])}`;
  return match[1] === '--' ? day : `${day}, ${match[1]}`;
}

// The lines of an address as an envelope shows them.
export function addressLines(address: Address): string[] {
  const place = [address.locality, [address.region, address.postal_code].filter(Boolean).join(' ')]
    .filter(Boolean)
    .join(', ');
  return [address.po_box && `PO Box ${address.po_box}`, address.street, address.extended, place, address.country].filter(
    Boolean,
  );
}
