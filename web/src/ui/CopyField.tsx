// A secret or an address to copy onto another device: shown read-only in
// full, with a Copy button. The clipboard API needs a secure context
// (https or localhost); elsewhere the text is selected and copied the old
// way, and failing that left selected for the user to copy.
import { useRef, useState } from 'preact/hooks';

export function CopyField({ label, value, testId }: { label: string; value: string; testId?: string }) {
  const input = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      if (navigator.clipboard && window.isSecureContext) {
        await navigator.clipboard.writeText(value);
      } else {
        input.current?.select();
        if (!document.execCommand('copy')) throw new Error('copy refused');
      }
      setCopied(true);
      setTimeout(() => setCopied(false), 2000);
    } catch {
      input.current?.select();
    }
  };
  return (
    <div class="copy-field">
      <label>
        {label}
        <input ref={input} readOnly value={value} data-testid={testId} onFocus={() => input.current?.select()} />
      </label>
      <button type="button" onClick={copy}>
        {copied ? 'Copied' : 'Copy'}
        <span class="visually-hidden"> {label.toLowerCase()}</span>
      </button>
    </div>
  );
}
