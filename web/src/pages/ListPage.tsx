// The running list: search as you type, sortable columns, filters, a
// virtualised table that scrolls through any number of people, and keys
// (/ to search, j/k to move, Enter to open).
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { get, getWithHeader, query } from '../api';
import { navigate } from '../router';
import type { Contact } from '../types';
import { Welcome } from './Welcome';

const ROW_HEIGHT = 40;
const PAGE_SIZE = 200;
const OVERSCAN = 10;

type Sort = 'name' | 'met' | 'last-contact' | 'added' | 'health';

// The table's columns. `sort` names the server-side order a column header
// selects; columns without one are not sortable. The relationship loop adds
// "health" here once the API has it.
interface Column {
  key: string;
  label: string;
  sort?: Sort;
  render: (contact: Contact) => string;
}

export const columns: Column[] = [
  { key: 'name', label: 'Name', sort: 'name', render: (c) => c.name },
  { key: 'company', label: 'Company', render: (c) => c.company },
  { key: 'met_at', label: 'Met at', render: (c) => c.met_at },
  { key: 'met_on', label: 'Met on', sort: 'met', render: (c) => c.met_on ?? '' },
  { key: 'last_contact', label: 'Last contact', sort: 'last-contact', render: (c) => c.last_contact ?? '' },
  { key: 'tags', label: 'Tags', render: (c) => c.tags.join(', ') },
  { key: 'health', label: 'Health', sort: 'health', render: (c) => (c.health ? `${c.health.score} ${c.health.label}` : '') },
];

// "press /" only where there is a keyboard to press it on.
const keyboardHint = matchMedia('(hover: hover) and (pointer: fine) and (min-width: 701px)').matches;

export function ListPage() {
  const [text, setText] = useState(new URLSearchParams(location.search).get('q') ?? '');
  const [sort, setSort] = useState<Sort>('name');
  const [tag, setTag] = useState('');
  const [event, setEvent] = useState('');
  const [total, setTotal] = useState<number | null>(null);
  const [results, setResults] = useState<Contact[] | null>(null);
  const [rows, setRows] = useState<Map<number, Contact>>(new Map());
  const [selected, setSelected] = useState(0);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewHeight, setViewHeight] = useState(600);
  const [error, setError] = useState('');
  const viewport = useRef<HTMLDivElement>(null);
  const search = useRef<HTMLInputElement>(null);
  const loading = useRef(new Set<number>());
  const generation = useRef(0);

  const listQuery = useMemo(() => ({ sort, tag, event }), [sort, tag, event]);

  // A new order or filter starts over from the first page.
  useEffect(() => {
    generation.current += 1;
    loading.current.clear();
    setRows(new Map());
    setSelected(0);
    viewport.current?.scrollTo({ top: 0 });
    const mine = generation.current;
    getWithHeader(`/contacts${query({ ...listQuery, limit: PAGE_SIZE, total: true })}`, 'X-Total-Count')
      .then(([body, count]) => {
        if (mine !== generation.current) return;
        const fresh = new Map<number, Contact>();
        (body as Contact[]).forEach((contact, index) => fresh.set(index, contact));
        setRows(fresh);
        setTotal(Number(count ?? 0));
        loading.current.add(0);
      })
      .catch((failure: Error) => setError(failure.message));
  }, [listQuery]);

  // Search as you type: every keystroke asks, the newest answer wins.
  useEffect(() => {
    const q = text.trim();
    if (!q) {
      setResults(null);
      return;
    }
    let current = true;
    get(`/search${query({ q, limit: 200 })}`)
      .then((found) => current && (setResults(found as Contact[]), setSelected(0)))
      .catch((failure: Error) => current && setError(failure.message));
    return () => {
      current = false;
    };
  }, [text]);

  useEffect(() => {
    const element = viewport.current;
    if (!element) return;
    const observer = new ResizeObserver(() => setViewHeight(element.clientHeight));
    observer.observe(element);
    return () => observer.disconnect();
  }, [total]);

  const count = results ? results.length : (total ?? 0);
  const first = Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(count, Math.ceil((scrollTop + viewHeight) / ROW_HEIGHT) + OVERSCAN);

  // Fetch the pages the visible rows fall in.
  useEffect(() => {
    if (results) return;
    const mine = generation.current;
    for (let page = Math.floor(first / PAGE_SIZE); page * PAGE_SIZE < last; page++) {
      if (loading.current.has(page)) continue;
      loading.current.add(page);
      get(`/contacts${query({ ...listQuery, limit: PAGE_SIZE, offset: page * PAGE_SIZE })}`)
        .then((body) => {
          if (mine !== generation.current) return;
          setRows((before) => {
            const next = new Map(before);
            (body as Contact[]).forEach((contact, index) => next.set(page * PAGE_SIZE + index, contact));
            return next;
          });
        })
        .catch((failure: Error) => (loading.current.delete(page), setError(failure.message)));
    }
  }, [first, last, results, listQuery]);

  const rowAt = useCallback(
    (index: number): Contact | undefined => (results ? results[index] : rows.get(index)),
    [results, rows],
  );

  const moveTo = (index: number) => {
    const bounded = Math.max(0, Math.min(count - 1, index));
    setSelected(bounded);
    const element = viewport.current;
    if (!element) return;
    const top = bounded * ROW_HEIGHT;
    if (top < element.scrollTop) element.scrollTop = top;
    else if (top + ROW_HEIGHT > element.scrollTop + element.clientHeight)
      element.scrollTop = top + ROW_HEIGHT - element.clientHeight;
  };

  // Focus follows the selection while it is in the list (the row may only
  // have been rendered by the scroll the move caused).
  useEffect(() => {
    const element = viewport.current;
    if (!element?.contains(document.activeElement)) return;
    element.querySelector<HTMLElement>('.row.selected .cell.name a')?.focus({ preventScroll: true });
  });

  useEffect(() => {
    const onKey = (keyEvent: KeyboardEvent) => {
      const typing = (keyEvent.target as HTMLElement).closest('input, textarea, select');
      // The arrows move between rows only once focus is in the list; elsewhere they scroll.
      const inList = Boolean(viewport.current?.contains(keyEvent.target as Node));
      if (keyEvent.key === '/' && !typing) {
        keyEvent.preventDefault();
        search.current?.focus();
      } else if (keyEvent.key === 'Escape' && typing === search.current) {
        search.current?.blur();
      } else if (!typing && (keyEvent.key === 'j' || (inList && keyEvent.key === 'ArrowDown'))) {
        keyEvent.preventDefault();
        moveTo(selected + 1);
      } else if (!typing && (keyEvent.key === 'k' || (inList && keyEvent.key === 'ArrowUp'))) {
        keyEvent.preventDefault();
        moveTo(selected - 1);
      } else if (keyEvent.key === 'Enter' && (!typing || typing === search.current)) {
        const contact = rowAt(selected);
        if (contact) navigate(`/contacts/${contact.id}`);
      }
    };
    addEventListener('keydown', onKey);
    return () => removeEventListener('keydown', onKey);
  });

  if (total === 0 && !tag && !event && !text) return <Welcome />;

  const visible = [];
  for (let index = first; index < last; index++) {
    const contact = rowAt(index);
    visible.push(
      <div
        role="row"
        key={index}
        class={`row${index === selected ? ' selected' : ''}`}
        aria-selected={index === selected}
        aria-rowindex={index + 2}
        style={{ transform: `translateY(${index * ROW_HEIGHT}px)` }}
        onClick={() => contact && navigate(`/contacts/${contact.id}`)}
      >
        {columns.map((column) => (
          <div role="gridcell" class={`cell ${column.key}`} key={column.key}>
            {contact ? (
              column.key === 'name' ? (
                <a
                  href={`/contacts/${contact.id}`}
                  tabIndex={index === selected ? 0 : -1}
                  onFocus={() => index !== selected && setSelected(index)}
                >
                  {contact.name}
                </a>
              ) : (
                column.render(contact)
              )
            ) : (
              <span class="placeholder" aria-hidden="true">
                &nbsp;
              </span>
            )}
          </div>
        ))}
      </div>,
    );
  }

  return (
    <section class="list-page" aria-labelledby="list-title">
      <h1 id="list-title">People</h1>
      <div class="toolbar">
        <label class="search">
          <span class="visually-hidden">Search everyone</span>
          <input
            ref={search}
            type="search"
            placeholder={keyboardHint ? 'Search everyone (press /)' : 'Search everyone'}
            value={text}
            onInput={(inputEvent) => setText((inputEvent.target as HTMLInputElement).value)}
            autoComplete="off"
          />
        </label>
        <label>
          <span>Tag</span>
          <input value={tag} onChange={(changeEvent) => setTag((changeEvent.target as HTMLInputElement).value)} />
        </label>
        <label>
          <span>Event</span>
          <input
            value={event}
            onChange={(changeEvent) => setEvent((changeEvent.target as HTMLInputElement).value)}
          />
        </label>
        <a class="button primary" href="/add">
          Add a person
        </a>
      </div>
      <p class="count" aria-live="polite">
        {results ? `${results.length} found` : total === null ? 'Loading…' : `${total.toLocaleString()} people`}
      </p>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      <div class="grid" role="grid" aria-rowcount={count + 1} aria-label="People">
        <div role="row" class="row header" aria-rowindex={1}>
          {columns.map((column) => (
            <div
              role="columnheader"
              class={`cell ${column.key}`}
              key={column.key}
              aria-sort={column.sort && column.sort === sort && !results ? 'ascending' : undefined}
            >
              {column.sort && !results ? (
                <button type="button" onClick={() => setSort(column.sort as Sort)}>
                  {column.label}
                  {column.sort === sort ? ' ▲' : ''}
                </button>
              ) : (
                column.label
              )}
            </div>
          ))}
        </div>
        <div
          class="viewport"
          ref={viewport}
          data-testid="viewport"
          onScroll={(scrollEvent) => setScrollTop((scrollEvent.target as HTMLDivElement).scrollTop)}
        >
          <div class="spacer" style={{ height: `${count * ROW_HEIGHT}px` }}>
            {visible}
          </div>
        </div>
      </div>
    </section>
  );
}
