// Log a coffee (or a call, a meeting…): what you talked about, how much they
// talked, one fact learned. Logging completes an open follow-up.
import { useState } from 'preact/hooks';
import { logInteraction, type LogRequest } from '../../relationship';
import { ErrorText } from '../../ui/ErrorText';
import { PrivateToggle } from '../../ui/Private';

export function LogForm(props: { contactId: number; kind?: string; onLogged: () => void; onCancel?: () => void }) {
  const [kind, setKind] = useState(props.kind ?? 'coffee');
  const [summary, setSummary] = useState('');
  const [talked, setTalked] = useState(50);
  const [factKind, setFactKind] = useState<'personal' | 'professional'>('personal');
  const [factKey, setFactKey] = useState('');
  const [factValue, setFactValue] = useState('');
  const [secret, setSecret] = useState(false);
  const [error, setError] = useState('');
  const id = (name: string) => `log-${props.contactId}-${name}`;
  const submit = async (submitEvent: Event) => {
    submitEvent.preventDefault();
    const request: LogRequest = { kind, summary, they_talked: talked };
    if (secret) request.private = true;
    if (factKey.trim() || factValue.trim()) request.facts = [{ kind: factKind, key: factKey, value: factValue }];
    try {
      await logInteraction(props.contactId, request);
      setError('');
      props.onLogged();
    } catch (failure) {
      setError((failure as Error).message);
    }
  };
  const text = (setter: (value: string) => void) => (inputEvent: Event) =>
    setter((inputEvent.target as HTMLInputElement).value);
  return (
    <form class="log-form" onSubmit={submit} aria-label="Log an interaction">
      <div class="inline-form wrap">
        <label for={id('kind')}>
          Kind
          <select id={id('kind')} value={kind} onChange={text(setKind)}>
            {['coffee', 'meeting', 'call', 'email', 'message', 'event', 'note'].map((name) => (
              <option key={name}>{name}</option>
            ))}
          </select>
        </label>
        <label for={id('summary')} class="grow">
          What you talked about
          <input id={id('summary')} value={summary} onInput={text(setSummary)} />
        </label>
      </div>
      <label for={id('talked')} class="slider">
        They talked {talked}% of the time
        <input
          id={id('talked')}
          type="range"
          min={0}
          max={100}
          step={5}
          value={talked}
          onInput={(inputEvent) => setTalked(Number((inputEvent.target as HTMLInputElement).value))}
        />
      </label>
      <fieldset class="inline-form wrap">
        <legend>A fact you learned</legend>
        <label for={id('fact-kind')}>
          Fact kind
          <select
            id={id('fact-kind')}
            value={factKind}
            onChange={(changeEvent) =>
              setFactKind((changeEvent.target as HTMLSelectElement).value as 'personal' | 'professional')
            }
          >
            <option>personal</option>
            <option>professional</option>
          </select>
        </label>
        <label for={id('fact-key')}>
          Fact
          <input id={id('fact-key')} placeholder="hometown" value={factKey} onInput={text(setFactKey)} />
        </label>
        <label for={id('fact-value')}>
          Value
          <input id={id('fact-value')} placeholder="Pilsen" value={factValue} onInput={text(setFactValue)} />
        </label>
      </fieldset>
      <PrivateToggle id={id('private')} checked={secret} onChange={setSecret} />
      <ErrorText error={error} />
      <div class="inline-form">
        <button class="primary" type="submit">
          Log it
        </button>
        {props.onCancel && (
          <button type="button" onClick={props.onCancel}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}
