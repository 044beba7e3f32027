// Scan a card: the phone's camera (or a photo), POST /api/v1/scan, then a
// review screen where every field can be corrected, with how sure kith was,
// before the person is saved through the contact routes.
import { useState } from 'preact/hooks';
import { ApiError, post, request } from '../api';
import { navigate } from '../router';
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

interface Review {
  name: string;
  title: string;
  company: string;
  email: string;
  phone: string;
  website: string;
  met_at: string;
}

const fields: [keyof Review, string, string, string][] = [
  ['name', 'Name', 'text', 'name'],
  ['title', 'Title', 'text', 'title'],
  ['company', 'Company', 'text', 'company'],
  ['email', 'Email', 'email', 'emails'],
  ['phone', 'Phone', 'tel', 'phones'],
  ['website', 'Website', 'url', 'website'],
];

export function ScanPage() {
  const [card, setCard] = useState<ScannedCard | null>(null);
  const [review, setReview] = useState<Review | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  const scan = async (changeEvent: Event) => {
    const file = (changeEvent.target as HTMLInputElement).files?.[0];
    if (!file) return;
    const form = new FormData();
    form.append('image', file);
    setBusy(true);
    setError(null);
    try {
      const read = (await request('POST', '/scan', form)) as ScannedCard;
      setCard(read);
      setReview({
        name: read.name,
        title: read.title,
        company: read.company,
        email: read.emails[0] ?? '',
        phone: read.phones[0] ?? '',
        website: read.website,
        met_at: new URLSearchParams(location.search).get('event') ?? '',
      });
    } catch (failure) {
      setError(failure as ApiError);
    } finally {
      setBusy(false);
    }
  };

  const save = async (submitEvent: Event) => {
    submitEvent.preventDefault();
    if (!review || !card) return;
    try {
      const contact = (await post('/contacts', {
        name: review.name,
        title: review.title,
        company: review.company,
        emails: [review.email, ...card.emails.slice(1)].filter(Boolean),
        phones: [review.phone, ...card.phones.slice(1)].filter(Boolean),
        website: review.website,
        how_met: 'business card',
        met_at: review.met_at,
      })) as Contact;
      navigate(`/contacts/${contact.id}`);
    } catch (failure) {
      setError(failure as ApiError);
    }
  };

  const sure = (key: string) => {
    const value = card?.confidence[key];
    return value === undefined ? '' : `${Math.round(value * 100)}%`;
  };

  return (
    <section class="scan-page" aria-labelledby="scan-title">
      <h1 id="scan-title">Scan a card</h1>
      <div class="field">
        <label for="scan-image">Photo of the card</label>
        <input id="scan-image" type="file" accept="image/*" capture="environment" onChange={scan} />
      </div>
      {busy && <p role="status">Reading the card…</p>}
      {error && (
        <p class="error" role="alert">
          {error.message}
        </p>
      )}
      {review && card && (
        <form onSubmit={save} aria-label="Check what was read">
          <p>Read {card.source === 'qr' ? 'from the QR code' : 'by OCR'}: correct anything before saving.</p>
          {fields.map(([key, label, type, confidenceKey]) => (
            <div class="field" key={key}>
              <label for={`scan-${key}`}>
                {label} <small>{sure(confidenceKey)}</small>
              </label>
              <input
                id={`scan-${key}`}
                name={key}
                type={type === 'url' ? 'text' : type}
                value={review[key]}
                required={key === 'name'}
                onInput={(inputEvent) =>
                  setReview({ ...review, [key]: (inputEvent.target as HTMLInputElement).value })
                }
              />
            </div>
          ))}
          <div class="field">
            <label for="scan-met_at">Met at (event)</label>
            <input
              id="scan-met_at"
              name="met_at"
              value={review.met_at}
              onInput={(inputEvent) => setReview({ ...review, met_at: (inputEvent.target as HTMLInputElement).value })}
            />
          </div>
          <button class="primary" type="submit">
            Save
          </button>
        </form>
      )}
    </section>
  );
}
