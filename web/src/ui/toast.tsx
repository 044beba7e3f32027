// The safety net: a toast that says what just happened, with Undo.
//
// Two kinds of action get one:
// - done, then undone: the action is written at once and Undo calls its
//   inverse (trash -> restore);
// - held, then written: the action is written when the toast goes away
//   (after a few seconds, on leaving the page, or when the next toast
//   arrives) and Undo simply cancels it (done, snooze, offer), because the
//   API has no inverse for them.
import { useEffect, useState } from 'preact/hooks';

const SHOWN_MS = 6000;

interface Toast {
  id: number;
  message: string;
  undo?: () => void | Promise<unknown>;
  commit?: () => Promise<unknown>;
}

let toasts: Toast[] = [];
let nextId = 1;
const listeners = new Set<() => void>();
const timers = new Map<number, number>();

function publish(next: Toast[]) {
  toasts = next;
  for (const listener of listeners) listener();
}

async function settle(id: number, undo: boolean) {
  const toast = toasts.find((candidate) => candidate.id === id);
  if (!toast) return;
  clearTimeout(timers.get(id));
  timers.delete(id);
  publish(toasts.filter((candidate) => candidate.id !== id));
  try {
    if (undo) await toast.undo?.();
    else await toast.commit?.();
  } catch (failure) {
    showToast({ message: `${undo ? 'Could not undo' : 'Could not save'}: ${(failure as Error).message}` });
  }
}

// Shows a toast in place of the last one; an earlier held action is written
// first, so actions land in the order they were taken.
export function showToast(toast: Omit<Toast, 'id'>): void {
  for (const earlier of toasts) void settle(earlier.id, false);
  const id = nextId++;
  publish([...toasts, { ...toast, id }]);
  timers.set(
    id,
    window.setTimeout(() => void settle(id, false), SHOWN_MS),
  );
}

// Done already; Undo runs `undo`.
export const undoable = (message: string, undo: () => Promise<unknown>) => showToast({ message, undo });

// Written in a few seconds unless undone: `cancel` puts the screen back.
export const held = (message: string, commit: () => Promise<unknown>, cancel: () => void) =>
  showToast({ message, commit, undo: cancel });

// Leaving or hiding the page writes whatever is still held.
export function flushHeld(): void {
  for (const toast of toasts) if (toast.commit) void settle(toast.id, false);
}

export function Toasts() {
  const [, setVersion] = useState(0);
  useEffect(() => {
    const listener = () => setVersion((value) => value + 1);
    listeners.add(listener);
    addEventListener('pagehide', flushHeld);
    return () => {
      listeners.delete(listener);
      removeEventListener('pagehide', flushHeld);
    };
  }, []);
  return (
    <div class="toasts" role="status" aria-live="polite">
      {toasts.map((toast) => (
        <div class="toast" key={toast.id} data-testid="toast">
          <span>{toast.message}</span>
          {toast.undo && (
            <button type="button" onClick={() => void settle(toast.id, true)}>
              Undo
            </button>
          )}
          <button type="button" class="dismiss" onClick={() => void settle(toast.id, false)}>
            OK
          </button>
        </div>
      ))}
    </div>
  );
}
