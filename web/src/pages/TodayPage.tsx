// Today: the day's agenda. Each item kind has a renderer in agendaRenderers;
// the relationship loop registers follow-ups, reconnects and posting there.
import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { get } from '../api';
import type { Agenda, AgendaItem, Opportunity } from '../types';
import { Matches } from './OpportunitiesPage';
import { type AgendaItemProps, agendaHeadings, relationshipRenderers } from './relationship/AgendaItems';

function OpportunityItem({ item }: { item: AgendaItem }) {
  const opportunity = item.opportunity as Opportunity;
  return (
    <div>
      <h3>
        Offer: {opportunity.title}
        {opportunity.deadline ? ` (by ${opportunity.deadline})` : ''}
      </h3>
      <Matches opportunity={opportunity} limit={3} />
    </div>
  );
}

export const agendaRenderers: Record<string, ComponentType<AgendaItemProps>> = {
  ...relationshipRenderers,
  opportunity: OpportunityItem,
};

export function TodayPage() {
  const [agenda, setAgenda] = useState<Agenda | null>(null);
  const [error, setError] = useState('');
  const [hidden, setHidden] = useState<Set<string>>(new Set());
  const load = () =>
    get('/agenda')
      .then((body) => setAgenda(body as Agenda))
      .catch((failure: Error) => setError(failure.message));
  useEffect(() => {
    void load();
  }, []);
  if (error)
    return (
      <p class="error" role="alert">
        {error}
      </p>
    );
  if (!agenda) return <p>Loading…</p>;
  const keyOf = (item: AgendaItem) =>
    `${item.kind}-${String(item.reminder_id ?? item.opportunity_id ?? item.contact_id ?? item.text)}`;
  const hide = (key: string) => (on: boolean) =>
    setHidden((before) => {
      const next = new Set(before);
      if (on) next.add(key);
      else next.delete(key);
      return next;
    });
  const known = agenda.items.filter((item) => agendaRenderers[item.kind] && !hidden.has(keyOf(item)));
  return (
    <section aria-labelledby="today-title">
      <h1 id="today-title">Today, {agenda.date}</h1>
      {known.length === 0 && (
        <p>
          Nothing waiting. When something comes your way, <a href="/opportunities">note an opportunity</a>.
        </p>
      )}
      {[...new Set(known.map((item) => item.kind))].map((kind) => (
        <section key={kind} aria-labelledby={`today-${kind}`}>
          <h2 id={`today-${kind}`}>{agendaHeadings[kind] ?? kind}</h2>
          <ul class="agenda" data-kind={kind}>
            {known
              .filter((item) => item.kind === kind)
              .map((item) => {
                const Renderer = agendaRenderers[item.kind];
                const key = keyOf(item);
                return (
                  <li key={key}>
                    <Renderer item={item} onChange={load} onHide={hide(key)} />
                  </li>
                );
              })}
          </ul>
        </section>
      ))}
      <p class="muted">
        <a href="/devices">Your reminders in your calendar app</a>: subscribe once, they stay current.
      </p>
    </section>
  );
}
