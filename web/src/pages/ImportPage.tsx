// Import: upload, see the detected format, the column mapping and what a
// dry run would do, then import. Export buttons download every card.
import { useState } from 'preact/hooks';
import { ApiError, post } from '../api';
import type { ImportPreview, ImportSummary } from '../types';

export function ImportPage() {
  const [file, setFile] = useState<File | null>(null);
  const [event, setEvent] = useState('');
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [result, setResult] = useState<ImportSummary | null>(null);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const form = () => {
    const data = new FormData();
    if (file) data.append('file', file, file.name);
    if (event) data.append('event', event);
    return data;
  };
  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    setError('');
    try {
      await action();
    } catch (failure) {
      setError((failure as ApiError).message);
    } finally {
      setBusy(false);
    }
  };
  const check = () =>
    run(async () => {
      setResult(null);
      setPreview((await post('/import/preview', form())) as ImportPreview);
    });
  const commit = () =>
    run(async () => {
      setResult((await post('/import', form())) as ImportSummary);
      setPreview(null);
    });
  return (
    <section aria-labelledby="import-title" class="import-page">
      <h1 id="import-title">Import</h1>
      <p>LinkedIn Connections.csv, Google or Outlook CSV, vCard, Excel, or a kith JSON backup.</p>
      <div class="inline-form wrap">
        <label>
          File{' '}
          <input
            type="file"
            name="file"
            accept=".csv,.vcf,.xlsx,.json,text/csv,text/vcard"
            onChange={(changeEvent) => {
              setFile((changeEvent.target as HTMLInputElement).files?.[0] ?? null);
              setPreview(null);
              setResult(null);
            }}
          />
        </label>
        <label>
          Met everyone at (optional){' '}
          <input value={event} onInput={(inputEvent) => setEvent((inputEvent.target as HTMLInputElement).value)} />
        </label>
        <button type="button" onClick={check} disabled={!file || busy}>
          Preview
        </button>
      </div>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      {preview && (
        <div class="preview" data-testid="preview">
          <h2>
            {preview.filename}: <span data-testid="format">{preview.format}</span>
          </h2>
          <p data-testid="counts">
            Would add {preview.summary.added}, update {preview.summary.updated}, leave {preview.summary.unchanged}{' '}
            unchanged, merge {preview.summary.merged}, skip {preview.summary.skipped}.
          </p>
          {preview.mapping.length > 0 && (
            <table class="mapping">
              <caption>Columns</caption>
              <thead>
                <tr>
                  <th scope="col">Column</th>
                  <th scope="col">Field</th>
                </tr>
              </thead>
              <tbody>
                {preview.mapping.map((column) => (
                  <tr key={column.column}>
                    <td>{column.column}</td>
                    <td>{column.field}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <h3>First people</h3>
          <ul>
            {preview.sample.map((person, index) => (
              <li key={index}>
                {person.name || [person.given_name, person.family_name].join(' ')}
                {person.company ? ` — ${person.company}` : ''}
              </li>
            ))}
          </ul>
          <button class="primary" type="button" onClick={commit} disabled={busy}>
            Import {preview.summary.added + preview.summary.updated} people
          </button>
        </div>
      )}
      {result && (
        <p role="status" data-testid="result">
          Imported: {result.added} added, {result.updated} updated, {result.unchanged} unchanged.
        </p>
      )}
      <h2>Export</h2>
      <div class="actions">
        {[
          ['vcard', 'vCard'],
          ['csv', 'CSV'],
          ['xlsx', 'Excel'],
          ['json', 'JSON backup'],
        ].map(([format, label]) => (
          <a class="button" key={format} href={`/api/v1/export?format=${format}`} download>
            {label}
          </a>
        ))}
      </div>
    </section>
  );
}
