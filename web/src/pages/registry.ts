// The screens, by path. A new screen (event mode for a phone, a contact's
// brief) is one more entry; `nav` puts it in the top bar.
import type { ComponentType } from 'preact';
import { AddPage } from './AddPage';
import { ContactPage } from './ContactPage';
import { EventPage } from './EventPage';
import { ImportPage } from './ImportPage';
import { ListPage } from './ListPage';
import { OpportunitiesPage } from './OpportunitiesPage';
import { ScanPage } from './ScanPage';
import { TodayPage } from './TodayPage';

export interface Page {
  path: string;
  title: string;
  nav?: string;
  component: ComponentType<{ params: Record<string, string> }>;
}

export const pages: Page[] = [
  { path: '/', title: 'The running list', nav: 'People', component: ListPage },
  { path: '/today', title: 'Today', nav: 'Today', component: TodayPage },
  { path: '/event', title: 'Event mode', nav: 'Event', component: EventPage },
  { path: '/opportunities', title: 'Opportunities', nav: 'Opportunities', component: OpportunitiesPage },
  { path: '/import', title: 'Import and export', nav: 'Import', component: ImportPage },
  { path: '/add', title: 'Add a person', component: AddPage },
  { path: '/scan', title: 'Scan a card', nav: 'Scan', component: ScanPage },
  { path: '/contacts/:id', title: 'A contact', component: ContactPage },
];
