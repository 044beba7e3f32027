// Today: the day's agenda. Each item kind has a renderer in agendaRenderers;
// the relationship loop registers follow-ups, reconnects and posting there.
import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { get } from '../api';
import type { Agenda, AgendaItem, Opportunity } from '../types';
import { Matches } from './OpportunitiesPage';

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

export const agendaRenderers: Record<string, ComponentType<{ item: AgendaItem }>> = {
  opportunity: OpportunityItem,
};

export function TodayPage() {
  const [agenda, setAgenda] = useState<Agenda | null>(null);
  const [error, setError] = useState('');
  useEffect(() => {
    get('/today')
      .then((body) => setAgenda(body as Agenda))
      .catch((failure: Error) => setError(failure.message));
  }, []);
  if (error)
    return (
      <p class="error" role="alert">
        {error}
      </p>
    );
  if (!agenda) return <p>Loading…</p>;
  const known = agenda.items.filter((item) => agendaRenderers[item.kind]);
  return (
    <section aria-labelledby="today-title">
      <h1 id="today-title">Today, {agenda.date}</h1>
      {known.length === 0 && (
        <p>
          Nothing waiting. When something comes your way, <a href="/opportunities">note an opportunity</a>.
        </p>
      )}
      <ul class="agenda">
        {known.map((item, index) => {
          const Renderer = agendaRenderers[item.kind];
          return (
            <li key={index}>
              <Renderer item={item} />
            </li>
          );
        })}
      </ul>
    </section>
  );
}
