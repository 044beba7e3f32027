// The screens, by path. A new screen (event mode for a phone, a contact's
// brief) is one more entry; `nav` puts it in the top bar (the tab bar at the
// bottom of a phone).
import type { ComponentType } from 'preact';
import { AddPage } from './AddPage';
import { ContactPage } from './ContactPage';
import { DevicesPage } from './DevicesPage';
import { DuplicatesPage } from './DuplicatesPage';
import { EventPage } from './EventPage';
import { ImportPage } from './ImportPage';
import { ListPage } from './ListPage';
import { MembersPage } from './MembersPage';
import { MePage } from './MePage';
import { OpportunitiesPage } from './OpportunitiesPage';
import { ScanPage } from './ScanPage';
import { TodayPage } from './TodayPage';
import { TrashPage } from './TrashPage';

export interface Page {
  path: string;
  title: string;
  nav?: string;
  // A shorter label for the phone's tab bar, when `nav` does not fit.
  short?: string;
  // The tab a screen belongs to, when it has none of its own.
  section?: string;
  component: ComponentType<{ params: Record<string, string> }>;
}

export const pages: Page[] = [
  { path: '/', title: 'The running list', nav: 'People', component: ListPage },
  { path: '/today', title: 'Today', nav: 'Today', component: TodayPage },
  { path: '/event', title: 'Event mode', nav: 'Event', component: EventPage },
  { path: '/opportunities', title: 'Opportunities', nav: 'Opportunities', short: 'Give', component: OpportunitiesPage },
  { path: '/import', title: 'Import and export', nav: 'Import', component: ImportPage },
  { path: '/trash', title: 'Trash', section: '/', component: TrashPage },
  { path: '/duplicates', title: 'Duplicates', section: '/', component: DuplicatesPage },
  { path: '/add', title: 'Add a person', section: '/', component: AddPage },
  { path: '/scan', title: 'Scan a card', nav: 'Scan', component: ScanPage },
  { path: '/me', title: 'Your card', section: '/scan', component: MePage },
  { path: '/devices', title: 'Devices', section: '/import', component: DevicesPage },
  { path: '/members', title: 'Members', section: '/members', component: MembersPage },
  { path: '/contacts/:id', title: 'A contact', section: '/', component: ContactPage },
];
