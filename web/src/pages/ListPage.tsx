// The running list: search as you type, sortable columns (a second click
// reverses), filters that stay on while searching, a virtualised table that
// scrolls through any number of people, and keys (/ to search, j/k or the
// arrows to move, Enter to open). The query, order, filters and scroll
// position live in the URL, so Back comes back to the same place.
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { get, getWithHeader, mayWrite, query } from '../api';
import { navigate } from '../router';
import type { Contact } from '../types';
import { Welcome } from './Welcome';
import { ErrorText } from '../ui/ErrorText';
import { useDraft } from '../ui/useDraft';

const ROW_HEIGHT = 44;
const PAGE_SIZE = 200;
const OVERSCAN = 10;

type Sort = 'name' | 'met' | 'last-contact' | 'added' | 'health';

// The order the server gives each sort, so the arrow tells the truth:
// names A to Z, the newest meeting or contact first, the weakest health first.
const naturalOrder: Record<Sort, 'ascending' | 'descending'> = {
  name: 'ascending',
  met: 'descending',
  'last-contact': 'descending',
  added: 'descending',
  health: 'ascending',
};

// The table's columns. `sort` names the server-side order a column header
// selects; columns without one are not sortable.
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
  { key: 'health', label: 'Health', sort: 'health', render: (c) => (c.health ? String(c.health.score) : '') },
];

// "press /" only where there is a keyboard to press it on.
const keyboardHint = matchMedia('(hover: hover) and (pointer: fine) and (min-width: 701px)').matches;

interface ListState {
  q: string;
  sort: Sort;
  reversed: boolean;
  tag: string;
  event: string;
  row: number;
}

function readState(): ListState {
  const params = new URLSearchParams(location.search);
  const sort = params.get('sort') as Sort | null;
  return {
    q: params.get('q') ?? '',
    sort: sort && sort in naturalOrder ? sort : 'name',
    reversed: params.get('reverse') === '1',
    tag: params.get('tag') ?? '',
    event: params.get('event') ?? '',
    row: Math.max(0, Number(params.get('row')) || 0),
  };
}

function writeState(state: ListState) {
  const url = `/${query({
    q: state.q,
    sort: state.sort === 'name' ? undefined : state.sort,
    reverse: state.reversed ? '1' : undefined,
    tag: state.tag,
    event: state.event,
    row: state.row || undefined,
  })}`;
  if (url !== location.pathname + location.search) history.replaceState(null, '', url);
}

// The search text with the filters as field:"value" terms, so they stay on.
function searchText(state: ListState): string {
  const quoted = (value: string) => `"${value.replace(/"/g, '')}"`;
  return [state.q.trim(), state.tag && `tag:${quoted(state.tag)}`, state.event && `event:${quoted(state.event)}`]
    .filter(Boolean)
    .join(' ');
}

// A filter that needs no exact text: as you type it suggests the values in
// use (the most used first), and what you leave in it becomes the value it
// is closest to ("ment" filters by "mentor"; case and accents never matter).
function FilterInput({
  label,
  field,
  value,
  onCommit,
}: {
  label: string;
  field: 'tag' | 'event';
  value: string;
  onCommit: (value: string) => void;
}) {
  const [draft, setDraft] = useDraft(value);
  const [options, setOptions] = useState<string[]>([]);
  const asked = useRef(0);
  const suggest = async (prefix: string): Promise<string[]> => {
    const mine = ++asked.current;
    const found = (await get(`/suggestions${query({ field, prefix: prefix.trim(), limit: 10 })}`)) as string[];
    if (mine === asked.current) setOptions(found);
    return found;
  };
  const commit = async (typed: string) => {
    const wanted = typed.trim();
    if (!wanted) return onCommit('');
    const found = await suggest(wanted).catch(() => [] as string[]);
    const exact = found.find((option) => option.toLowerCase() === wanted.toLowerCase());
    const chosen = exact ?? found[0] ?? wanted;
    setDraft(chosen);
    onCommit(chosen);
  };
  const id = `${field}-suggestions`;
  return (
    <label>
      <span>{label}</span>
      <input
        list={id}
        value={draft}
        autoComplete="off"
        onFocus={() => void suggest(draft).catch(() => undefined)}
        onInput={(inputEvent) => {
          const typed = (inputEvent.target as HTMLInputElement).value;
          setDraft(typed);
          void suggest(typed).catch(() => undefined);
        }}
        onChange={(changeEvent) => void commit((changeEvent.target as HTMLInputElement).value)}
      />
      <datalist id={id} data-testid={id}>
        {options.map((option) => (
          <option key={option} value={option} />
        ))}
      </datalist>
    </label>
  );
}

export function ListPage() {
  const initial = useMemo(readState, []);
  const [text, setText] = useState(initial.q);
  const [sort, setSort] = useState<Sort>(initial.sort);
  const [reversed, setReversed] = useState(initial.reversed);
  const [tag, setTag] = useState(initial.tag);
  const [event, setEvent] = useState(initial.event);
  const [total, setTotal] = useState<number | null>(null);
  const [results, setResults] = useState<Contact[] | null>(null);
  // The query the results shown answer (the e2e suite times keystroke to results by it).
  const [resultsFor, setResultsFor] = useState('');
  const [moreResults, setMoreResults] = useState(false);
  // How many the search finds in all, asked once the first page is full.
  const [found, setFound] = useState<number | null>(null);
  const [rows, setRows] = useState<Map<number, Contact>>(new Map());
  const [selected, setSelected] = useState(initial.row);
  const [scrollTop, setScrollTop] = useState(initial.row * ROW_HEIGHT);
  const [viewHeight, setViewHeight] = useState(600);
  const [error, setError] = useState('');
  const viewport = useRef<HTMLDivElement>(null);
  const search = useRef<HTMLInputElement>(null);
  const loading = useRef(new Set<number>());
  const generation = useRef(0);
  const restoreRow = useRef(initial.row);

  const listQuery = useMemo(() => ({ sort, tag, event }), [sort, tag, event]);
  const firstRow = Math.floor(scrollTop / ROW_HEIGHT);

  // The URL follows the screen (replaced, not pushed: Back leaves the list),
  // once scrolling or typing pauses: browsers throttle rapid URL changes.
  useEffect(() => {
    const timer = setTimeout(() => writeState({ q: text, sort, reversed, tag, event, row: firstRow }), 250);
    return () => clearTimeout(timer);
  }, [text, sort, reversed, tag, event, firstRow]);

  // A new order or filter starts over from the first page.
  useEffect(() => {
    generation.current += 1;
    loading.current.clear();
    setRows(new Map());
    if (restoreRow.current === 0) {
      setSelected(0);
      viewport.current?.scrollTo({ top: 0 });
    }
    const mine = generation.current;
    // From the top, the first page comes with the total: one round trip to the first rows.
    const fromTop = restoreRow.current === 0 && !reversed;
    if (fromTop) loading.current.add(0);
    getWithHeader(
      `/contacts${query({ ...listQuery, limit: fromTop ? PAGE_SIZE : 1, total: true, health: fromTop })}`,
      'X-Total-Count',
    )
      .then(([body, count]) => {
        if (mine !== generation.current) return;
        if (fromTop) {
          const fresh = new Map<number, Contact>();
          (body as Contact[]).forEach((contact, index) => fresh.set(index, contact));
          setRows(fresh);
        }
        setTotal(Number(count ?? 0));
      })
      .catch((failure: Error) => (loading.current.delete(0), setError(failure.message)));
  }, [listQuery]);

  // Back to where the URL says, once the rows exist to scroll to.
  useEffect(() => {
    const element = viewport.current;
    if (!element || total === null || restoreRow.current === 0) return;
    element.scrollTop = restoreRow.current * ROW_HEIGHT;
    restoreRow.current = 0;
  }, [total]);

  // Search as you type: every keystroke asks, the newest answer wins.
  const searchFor = useMemo(() => searchText({ q: text, sort, reversed, tag, event, row: 0 }), [text, tag, event]);
  useEffect(() => {
    if (!text.trim()) {
      setResults(null);
      return;
    }
    let current = true;
    let counting = 0;
    get(`/search${query({ q: searchFor, limit: PAGE_SIZE + 1, health: true })}`)
      .then((body) => {
        if (!current) return;
        const list = body as Contact[];
        setMoreResults(list.length > PAGE_SIZE);
        setResults(list.slice(0, PAGE_SIZE));
        setResultsFor(text);
        setSelected(0);
        setFound(list.length > PAGE_SIZE ? null : list.length);
        if (list.length <= PAGE_SIZE) return;
        // The count is asked once typing pauses, so it never slows the
        // results of the next keystroke.
        counting = window.setTimeout(() => {
          getWithHeader(`/search${query({ q: searchFor, limit: 1, total: true })}`, 'X-Total-Count')
            .then(([, all]) => current && setFound(Number(all ?? 0)))
            .catch(() => undefined);
        }, 400);
      })
      .catch((failure: Error) => current && setError(failure.message));
    return () => {
      current = false;
      clearTimeout(counting);
    };
  }, [searchFor]);

  const showMore = () => {
    if (!results) return;
    get(`/search${query({ q: searchFor, limit: PAGE_SIZE + 1, offset: results.length, health: true })}`)
      .then((body) => {
        const list = body as Contact[];
        setMoreResults(list.length > PAGE_SIZE);
        setResults([...results, ...list.slice(0, PAGE_SIZE)]);
      })
      .catch((failure: Error) => setError(failure.message));
  };

  useEffect(() => {
    const element = viewport.current;
    if (!element) return;
    const observer = new ResizeObserver(() => setViewHeight(element.clientHeight));
    observer.observe(element);
    return () => observer.disconnect();
  }, [total]);

  const count = results ? results.length : (total ?? 0);
  const first = Math.max(0, firstRow - OVERSCAN);
  const last = Math.min(count, Math.ceil((scrollTop + viewHeight) / ROW_HEIGHT) + OVERSCAN);
  // Reversed, row i is the server's row count-1-i: the pages are the same.
  const serverIndex = useCallback(
    (index: number) => (reversed && !results ? count - 1 - index : index),
    [reversed, results, count],
  );

  // Fetch the pages the visible rows fall in, each with its health.
  useEffect(() => {
    if (results || total === null || count === 0) return;
    const mine = generation.current;
    const low = Math.min(serverIndex(first), serverIndex(Math.max(first, last - 1)));
    const high = Math.max(serverIndex(first), serverIndex(Math.max(first, last - 1)));
    for (let page = Math.floor(low / PAGE_SIZE); page * PAGE_SIZE <= high; page++) {
      if (loading.current.has(page)) continue;
      loading.current.add(page);
      get(`/contacts${query({ ...listQuery, limit: PAGE_SIZE, offset: page * PAGE_SIZE, health: true })}`)
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
  }, [first, last, results, listQuery, total, serverIndex]);

  const rowAt = useCallback(
    (index: number): Contact | undefined => (results ? results[index] : rows.get(serverIndex(index))),
    [results, rows, serverIndex],
  );

  // Opening someone writes the URL first, so Back returns to this very place.
  const open = (contact: Contact) => {
    writeState({ q: text, sort, reversed, tag, event, row: firstRow });
    navigate(`/contacts/${contact.id}`);
  };

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
        if (contact) open(contact);
      }
    };
    addEventListener('keydown', onKey);
    return () => removeEventListener('keydown', onKey);
  });

  if (total === 0 && !tag && !event && !text) return <Welcome />;

  const chooseSort = (next: Sort) => {
    if (next === sort) setReversed(!reversed);
    else {
      setSort(next);
      setReversed(false);
    }
    setScrollTop(0);
    setSelected(0);
    viewport.current?.scrollTo({ top: 0 });
  };
  const direction = (column: Column) => {
    if (!column.sort || column.sort !== sort || results) return undefined;
    const natural = naturalOrder[column.sort];
    return reversed ? (natural === 'ascending' ? 'descending' : 'ascending') : natural;
  };

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
        onClick={(clickEvent) => {
          if (!contact || clickEvent.ctrlKey || clickEvent.metaKey) return;
          clickEvent.preventDefault();
          open(contact);
        }}
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
              ) : column.key === 'health' && contact.health ? (
                <span class={`health ${contact.health.label}`} title={contact.health.explanation}>
                  {contact.health.score}
                </span>
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

  const filtered = Boolean(tag || event);
  return (
    <section class="list-page" aria-labelledby="list-title">
      <div class="list-head">
        <h1 id="list-title">People</h1>
        {/* A viewer reads the workspace; the server refuses their writes (403). */}
        {mayWrite() ? (
          <a class="button primary" href="/add">
            Add a person
          </a>
        ) : null}
        <a class="button" href="/duplicates">
          Duplicates
        </a>
        <a class="button" href="/trash">
          Trash
        </a>
      </div>
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
        <FilterInput label="Tag" field="tag" value={tag} onCommit={setTag} />
        <FilterInput label="Event" field="event" value={event} onCommit={setEvent} />
        {filtered && (
          <button type="button" onClick={() => (setTag(''), setEvent(''))}>
            Clear filters
          </button>
        )}
      </div>
      <p class="count" aria-live="polite" data-testid="count">
        {results
          ? moreResults
            ? `Showing ${results.length.toLocaleString()} of ${
                found === null ? 'more' : Math.max(found, results.length + 1).toLocaleString()
              } found${filtered ? ' (filters on)' : ''}`
            : `${results.length.toLocaleString()} found${filtered ? ' (filters on)' : ''}`
          : total === null
            ? 'Loading…'
            : `${total.toLocaleString()} people${filtered ? ' (filters on)' : ''}`}
        {results && moreResults && (
          <>
            {' '}
            <button type="button" class="link" onClick={showMore}>
              Show {found === null ? PAGE_SIZE : Math.min(PAGE_SIZE, Math.max(1, found - results.length))} more
            </button>
          </>
        )}
      </p>
      <ErrorText error={error} />
      <div
        class="grid"
        role="grid"
        aria-rowcount={count + 1}
        aria-labelledby="list-title"
        data-results-for={results ? resultsFor : ''}
      >
        <div role="row" class="row header" aria-rowindex={1}>
          {columns.map((column) => (
            <div role="columnheader" class={`cell ${column.key}`} key={column.key} aria-sort={direction(column)}>
              {column.sort && !results ? (
                <button type="button" onClick={() => chooseSort(column.sort as Sort)}>
                  {column.label}
                  {direction(column) === 'ascending' ? ' ▲' : direction(column) === 'descending' ? ' ▼' : ''}
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
