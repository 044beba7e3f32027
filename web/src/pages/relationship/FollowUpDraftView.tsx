// The drafted follow-up email: to, subject and body to read, Copy, a mailto:
// link that opens the mail program, and the .eml to download.
import { useEffect, useState } from 'preact/hooks';
import { draftFollowUp, emlUrl, type FollowUpDraft } from '../../relationship';

export function FollowUpDraftView({ contactId }: { contactId: number }) {
  const [draft, setDraft] = useState<FollowUpDraft | null>(null);
  const [error, setError] = useState('');
  const [copied, setCopied] = useState(false);
  useEffect(() => {
    draftFollowUp(contactId)
      .then(setDraft)
      .catch((failure: Error) => setError(failure.message));
  }, [contactId]);
  if (error)
    return (
      <p class="error" role="alert">
        {error}
      </p>
    );
  if (!draft) return <p>Drafting…</p>;
  const copy = async () => {
    const text = `Subject: ${draft.subject}\n\n${draft.body}`;
    try {
      await navigator.clipboard.writeText(text);
    } catch {
      // No clipboard (an insecure origin): select the body for the user to copy.
      (document.getElementById(`draft-body-${contactId}`) as HTMLTextAreaElement | null)?.select();
    }
    setCopied(true);
  };
  return (
    <div class="draft" data-testid="draft">
      <p>
        <span class="muted">To:</span> {draft.to || <em>no email on the card</em>}
      </p>
      <p>
        <span class="muted">Subject:</span> <strong data-testid="draft-subject">{draft.subject}</strong>
      </p>
      <label for={`draft-body-${contactId}`} class="visually-hidden">
        Email body
      </label>
      <textarea id={`draft-body-${contactId}`} readOnly rows={8} value={draft.body} />
      <div class="inline-form wrap">
        <button type="button" onClick={copy}>
          {copied ? 'Copied' : 'Copy'}
        </button>
        <a class="button primary" href={draft.mailto} data-testid="mailto">
          Open in mail
        </a>
        <a class="button" href={emlUrl(contactId)} download={`follow-up-${contactId}.eml`}>
          Download .eml
        </a>
      </div>
    </div>
  );
}
