// Add a person: the few fields that matter when you have just met.
import { useState } from 'preact/hooks';
import { ApiError, post } from '../api';
import { navigate } from '../router';
import type { Contact } from '../types';

export function AddPage() {
  const [form, setForm] = useState({ name: '', company: '', email: '', met_at: '', notes: '' });
  const [error, setError] = useState<ApiError | null>(null);
  // The latest form, not the one the handler was made with: two fields
  // filled before the next render (autofill) would otherwise undo each other.
  const set = (key: keyof typeof form) => (inputEvent: Event) => {
    const value = (inputEvent.target as HTMLInputElement).value;
    setForm((current) => ({ ...current, [key]: value }));
  };
  const submit = async (submitEvent: Event) => {
    submitEvent.preventDefault();
    try {
      const contact = (await post('/contacts', {
        name: form.name,
        company: form.company,
        emails: form.email ? [form.email] : [],
        met_at: form.met_at,
        notes: form.notes,
      })) as Contact;
      navigate(`/contacts/${contact.id}`);
    } catch (failure) {
      setError(failure as ApiError);
    }
  };
  const fields: [keyof typeof form, string, string][] = [
    ['name', 'Name', 'text'],
    ['company', 'Company', 'text'],
    ['email', 'Email', 'email'],
    ['met_at', 'Met at (event)', 'text'],
  ];
  return (
    <form class="add-page" onSubmit={submit} aria-labelledby="add-title">
      <h1 id="add-title">Add a person</h1>
      {fields.map(([key, label, type]) => (
        <div class="field" key={key}>
          <label for={`add-${key}`}>{label}</label>
          <input
            id={`add-${key}`}
            name={key}
            type={type}
            value={form[key]}
            onInput={set(key)}
            required={key === 'name'}
            aria-invalid={error?.field === key || (key === 'email' && error?.field === 'email') ? true : undefined}
          />
        </div>
      ))}
      <div class="field">
        <label for="add-notes">Note</label>
        <textarea id="add-notes" name="notes" rows={3} value={form.notes} onInput={set('notes')} />
      </div>
      {error && (
        <p class="error" role="alert">
          {error.message}
        </p>
      )}
      <button class="primary" type="submit">
        Save
      </button>
    </form>
  );
}
