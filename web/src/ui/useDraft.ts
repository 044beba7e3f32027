// A draft of a value the user edits in place (a filter, an address form):
// it starts from `value` and follows it only when a new one arrives (a
// saved card, a filter set from the address bar). An effect runs after the
// first paint, so resetting the draft to the value it started from would
// lose what was typed or picked before then (the end-to-end test on a
// phone saw an address's label lost that way).
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Dispatch, StateUpdater } from 'preact/hooks';

export function useDraft<T>(value: T): [T, Dispatch<StateUpdater<T>>] {
  const [draft, setDraft] = useState<T>(value);
  const shown = useRef(value);
  useEffect(() => {
    if (shown.current === value) return;
    shown.current = value;
    setDraft(value);
  }, [value]);
  return [draft, setDraft];
}
