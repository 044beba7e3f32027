// Import: upload, see the detected format, the column mapping and what a
// dry run would do, then import. Export buttons download every card.
import { useState } from 'preact/hooks';
import { ApiError, post, query } from '../api';
import type { ImportPreview, ImportSummary } from '../types';
import { ErrorText } from '../ui/ErrorText';

// The fields a column can fill, by the names people use (the API's on the right).
const fieldNames: [string, string][] = [
  ['name', 'Full name'],
  ['given_name', 'First name'],
  ['middle_name', 'Middle name'],
  ['family_name', 'Last name'],
  ['email', 'Email'],
  ['phone', 'Phone'],
  ['company', 'Company'],
  ['title', 'Job title'],
  ['website', 'Website'],
  ['linkedin', 'LinkedIn profile'],
  ['twitter', 'X (Twitter)'],
  ['facebook', 'Facebook'],
  ['instagram', 'Instagram'],
  ['github', 'GitHub'],
  ['link', 'Other link'],
  ['city', 'City'],
  ['neighborhood', 'Neighbourhood'],
  ['hometown', 'Hometown'],
  ['how_met', 'How you met'],
  ['met_at', 'Met at (event)'],
  ['met_on', 'Met on (date)'],
  ['connected_on', 'Connected on (date)'],
  ['tags', 'Tags'],
  ['skills', 'Skills'],
  ['interests', 'Interests'],
  ['open_to_opportunities', 'Open to opportunities'],
  ['looking_for', 'Looking for'],
  ['notes', 'Notes'],
  ['uid', 'Unique id'],
  ['custom', 'Keep as an extra field'],
  ['ignore', 'Leave out'],
];
const fieldLabel = (field: string) => fieldNames.find(([name]) => name === field)?.[1] ?? field.replace(/_/g, ' ');

export function ImportPage() {
  const [file, setFile] = useState<File | null>(null);
  const [event, setEvent] = useState('');
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [result, setResult] = useState<ImportSummary | null>(null);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  // Columns whose field was changed by hand: sent as "Column=field" lines.
  const [overrides, setOverrides] = useState<Record<string, string>>({});
  const form = (map = overrides) => {
    const data = new FormData();
    if (file) data.append('file', file, file.name);
    if (event) data.append('event', event);
    const lines = Object.entries(map).map(([column, field]) => `${column}=${field}`);
    if (lines.length) data.append('map', lines.join('\n'));
    return data;
  };
  const remap = (column: string, field: string) => {
    const next = { ...overrides, [column]: field };
    setOverrides(next);
    void run(async () => setPreview((await post('/import/preview', form(next))) as ImportPreview));
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
              setOverrides({});
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
      <ErrorText error={error} />
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
                  <th scope="col">Column in the file</th>
                  <th scope="col">Goes into</th>
                </tr>
              </thead>
              <tbody>
                {preview.mapping.map((column, index) => (
                  <tr key={column.column}>
                    <td>
                      <label for={`map-${index}`}>{column.column}</label>
                    </td>
                    <td>
                      <select
                        id={`map-${index}`}
                        value={column.field}
                        disabled={busy}
                        onChange={(changeEvent) =>
                          remap(column.column, (changeEvent.target as HTMLSelectElement).value)
                        }
                      >
                        {!fieldNames.some(([name]) => name === column.field) && (
                          <option value={column.field}>{fieldLabel(column.field)}</option>
                        )}
                        {fieldNames.map(([name, label]) => (
                          <option key={name} value={name}>
                            {label}
                          </option>
                        ))}
                      </select>
                    </td>
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
          {preview.summary.errors.length > 0 && (
            <div class="bad-rows" data-testid="bad-rows">
              <h3>Rows that will be left out</h3>
              <ul>
                {preview.summary.errors.map((line) => (
                  <li key={line}>{line}</li>
                ))}
              </ul>
            </div>
          )}
          {preview.summary.problems.length > 0 && (
            <div class="bad-rows" data-testid="set-aside">
              <h3>Values kept aside on their cards (fix them there)</h3>
              <ul>
                {preview.summary.problems.map((line) => (
                  <li key={line}>{line}</li>
                ))}
              </ul>
            </div>
          )}
          {preview.summary.added + preview.summary.updated > 0 ? (
            <button class="primary" type="button" onClick={commit} disabled={busy}>
              Import {preview.summary.added + preview.summary.updated}{' '}
              {preview.summary.added + preview.summary.updated === 1 ? 'person' : 'people'}
            </button>
          ) : (
            <p>Nobody new in this file: nothing to import.</p>
          )}
        </div>
      )}
      {result && (
        <div role="status" data-testid="result">
          <p>
            Imported: {result.added} added, {result.updated} updated, {result.unchanged} unchanged
            {result.skipped ? `, ${result.skipped} rows left out` : ''}
            {result.set_aside
              ? `, ${result.set_aside} ${result.set_aside === 1 ? 'value' : 'values'} kept aside on their cards`
              : ''}
            .
          </p>
          <p>
            <a href={event ? `/${query({ event })}` : '/?sort=added'} data-testid="imported-link">
              See the people you just imported
            </a>
          </p>
        </div>
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
      <h2>Sync</h2>
      <p>
        Your phone's contacts and calendar can follow kith on their own: <a href="/devices">add a device</a> or
        subscribe to your reminders.
      </p>
    </section>
  );
}
