// Your card, to show at the door: the details kept for it (`kith card`) and
// the QR code of its vCard, which the other person's phone camera adds to
// their contacts. The picture is GET /me/card/qr, cached by its ETag.
import { useEffect, useState } from 'preact/hooks';
import { ApiError, get, put } from '../api';
import { type CardDetails, cardFields } from '../cardFields';
import { ErrorText } from '../ui/ErrorText';

type MyCard = CardDetails & { vcard: string };
type Details = CardDetails;

const empty: Details = { name: '', title: '', company: '', email: '', phone: '', website: '' };

// "Your name" rather than "Name": whose card it is.
const fields = cardFields.map(([key, label, ...rest]) => [key, key === 'name' ? 'Your name' : label, ...rest] as const);

export function MePage() {
  const [card, setCard] = useState<MyCard | null>(null);
  const [draft, setDraft] = useState<Details>(empty);
  const [loaded, setLoaded] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  // A saved card is a new picture; the same card on another visit is asked
  // for again and comes back 304 from its ETag.
  const [version, setVersion] = useState(0);
  const show = (found: MyCard) => {
    setCard(found);
    setVersion((before) => before + 1);
    const { vcard: _vcard, ...details } = found;
    setDraft(details);
  };
  useEffect(() => {
    get('/me/card')
      .then((body) => show(body as MyCard))
      // No name yet: the form below asks for one.
      .catch((failure: ApiError) => failure.field !== 'name' && setError(failure))
      .finally(() => setLoaded(true));
  }, []);
  const save = async (submitEvent: Event) => {
    submitEvent.preventDefault();
    try {
      show((await put('/me/card', draft)) as MyCard);
      setError(null);
    } catch (failure) {
      setError(failure as ApiError);
    }
  };
  if (!loaded) return <p>Loading…</p>;
  return (
    <section class="me-page" aria-labelledby="me-title">
      <h1 id="me-title">Your card</h1>
      {card ? (
        <figure>
          <img
            class="my-card-qr"
            data-testid="my-card-qr"
            src={`/api/v1/me/card/qr?v=${version}`}
            alt={`QR code of your card: ${card.name}${card.email ? `, ${card.email}` : ''}`}
            width={320}
            height={320}
          />
          <figcaption>Let their phone's camera read it: your card goes into their contacts.</figcaption>
        </figure>
      ) : (
        <p>Add your name to make your card.</p>
      )}
      <form onSubmit={save} aria-label="What your card says">
        {fields.map(([key, label, type, autocomplete]) => (
          <div class="field" key={key}>
            <label for={`me-field-${key}`}>{label}</label>
            <input
              id={`me-field-${key}`}
              type={type}
              autoComplete={autocomplete}
              value={draft[key]}
              required={key === 'name'}
              aria-invalid={error?.field === key ? true : undefined}
              onInput={(inputEvent) => {
                const value = (inputEvent.target as HTMLInputElement).value;
                setDraft((current) => ({ ...current, [key]: value }));
              }}
            />
          </div>
        ))}
        <ErrorText error={error?.message ?? ''} />
        <button class="primary" type="submit">
          Save your card
        </button>
      </form>
    </section>
  );
}
