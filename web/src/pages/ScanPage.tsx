// Scan a card: the phone's camera (or a photo), POST /api/v1/scan, then a
// review screen where every field can be corrected, with how sure kith was,
// before the person is saved with the photo kept (POST /contacts/scanned):
// met today, at the event when scanning in event mode, and followed up
// tomorrow.
import { useState } from 'preact/hooks';
import { ApiError, request } from '../api';
import { navigate } from '../router';
import { type CardDetails, cardFields } from '../cardFields';
import { ErrorText } from '../ui/ErrorText';
import type { Contact } from '../types';

interface ScannedCard {
  name: string;
  title: string;
  company: string;
  emails: string[];
  phones: string[];
  website: string;
  address: string;
  links: { kind: string; url: string }[];
  confidence: Record<string, number>;
  source: 'ocr' | 'qr';
}

type Review = CardDetails & { address: string; met_at: string };

// The card's fields, and the address; each with the key of its confidence
// in the scan's answer.
const fields: [keyof Review, string, string, string][] = [
  ...cardFields,
  ['address', 'Address', 'text', 'street-address'],
];
const confidenceKey: Record<string, string> = { email: 'emails', phone: 'phones' };

// Below this, a field is marked for a second look.
const unsureBelow = 0.6;

export function ScanPage() {
  const [photo, setPhoto] = useState<File | null>(null);
  const [card, setCard] = useState<ScannedCard | null>(null);
  const [review, setReview] = useState<Review | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const event = new URLSearchParams(location.search).get('event') ?? '';

  const scan = async (changeEvent: Event) => {
    const file = (changeEvent.target as HTMLInputElement).files?.[0];
    if (!file) return;
    const form = new FormData();
    form.append('image', file);
    setBusy(true);
    setError(null);
    setCard(null);
    setReview(null);
    try {
      const read = (await request('POST', '/scan', form)) as ScannedCard;
      setPhoto(file);
      setCard(read);
      setReview({
        name: read.name,
        title: read.title,
        company: read.company,
        email: read.emails[0] ?? '',
        phone: read.phones[0] ?? '',
        website: read.website,
        address: read.address,
        met_at: event,
      });
    } catch (failure) {
      setError(failure as ApiError);
    } finally {
      setBusy(false);
    }
  };

  const save = async (submitEvent: Event) => {
    submitEvent.preventDefault();
    if (!review || !card || !photo) return;
    const person = {
      name: review.name,
      title: review.title,
      company: review.company,
      emails: [review.email, ...card.emails.slice(1)].filter(Boolean),
      phones: [review.phone, ...card.phones.slice(1)].filter(Boolean),
      website: review.website,
      links: card.links.map((link) => ({ kind: link.kind, url: link.url })),
      custom: review.address ? [{ label: 'address', value: review.address }] : [],
      met_at: review.met_at,
    };
    const form = new FormData();
    form.append('image', photo);
    form.append('contact', JSON.stringify(person));
    setBusy(true);
    try {
      const contact = (await request('POST', '/contacts/scanned', form)) as Contact;
      navigate(`/contacts/${contact.id}`);
    } catch (failure) {
      setError(failure as ApiError);
    } finally {
      setBusy(false);
    }
  };

  const sure = (key: string) => card?.confidence[key];

  return (
    <section class="scan-page" aria-labelledby="scan-title">
      <h1 id="scan-title">Scan a card</h1>
      {event && (
        <p class="how-met" data-testid="scan-event">
          At {event}
        </p>
      )}
      <div class="field">
        <label for="scan-image">Photo of the card</label>
        <input id="scan-image" type="file" accept="image/*" capture="environment" onChange={scan} />
      </div>
      <p class="muted">
        Showing yours instead? <a href="/me">Your card as a QR code</a>
      </p>
      {busy && <p role="status">{review ? 'Saving…' : 'Reading the card…'}</p>}
      <ErrorText error={error?.message ?? ''} />
      {review && card && (
        <form onSubmit={save} aria-label="Check what was read">
          <p>
            Read {card.source === 'qr' ? 'from the QR code' : 'by OCR'}: correct anything before saving. Saving adds them,
            met today, with the photo kept and a follow-up tomorrow.
          </p>
          {fields.map(([key, label, type]) => {
            const value = sure(confidenceKey[key] ?? key);
            const invalid = error?.field === key || (key === 'email' && error?.field === 'emails');
            return (
              <div class="field" key={key}>
                <div class="scan-label">
                  <label for={`scan-field-${key}`}>{label}</label>
                  {value !== undefined && (
                    <small id={`scan-field-${key}-sure`} class={value < unsureBelow ? 'scan-sure unsure' : 'scan-sure'} data-testid="confidence">
                      {value < unsureBelow ? 'Check this: ' : ''}read {Math.round(value * 100)}% sure
                    </small>
                  )}
                </div>
                <input
                  id={`scan-field-${key}`}
                  name={key}
                  type={type}
                  value={review[key]}
                  required={key === 'name'}
                  aria-describedby={value === undefined ? undefined : `scan-field-${key}-sure`}
                  aria-invalid={invalid ? true : undefined}
                  onInput={(inputEvent) => {
                    const typed = (inputEvent.target as HTMLInputElement).value;
                    setReview((current) => current && { ...current, [key]: typed });
                  }}
                />
              </div>
            );
          })}
          <div class="field">
            <label for="scan-field-met_at">Met at (event)</label>
            <input
              id="scan-field-met_at"
              name="met_at"
              value={review.met_at}
              onInput={(inputEvent) => {
                const typed = (inputEvent.target as HTMLInputElement).value;
                setReview((current) => current && { ...current, met_at: typed });
              }}
            />
          </div>
          <button class="primary" type="submit" disabled={busy}>
            Save
          </button>
        </form>
      )}
    </section>
  );
}
