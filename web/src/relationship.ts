// The relationship loop's JSON shapes (relationship_json.h) and the calls
// the screens make: one function per app action.
import { get, post, put } from './api';
import type { Contact, LedgerEntry } from './types';

export interface Reminder {
  id: number;
  contact_id: number;
  kind: 'follow-up' | 'reconnect' | 'custom';
  due: string;
  snoozed_until: string | null;
  shows_on: string;
  note: string;
  state: 'open' | 'done' | 'dismissed';
  closed_on: string | null;
  event_id: number | null;
  created_on: string;
}

export interface Interaction {
  id: number;
  contact_id: number;
  kind: string;
  on: string;
  summary: string;
  they_talked: number | null;
  // Who logged it ("" on a personal server) and whether only they see it.
  author: string;
  private: boolean;
}

export interface Fact {
  id: number;
  contact_id: number;
  kind: 'personal' | 'professional';
  key: string;
  value: string;
  learned_on: string;
  interaction_id: number | null;
  author: string;
  private: boolean;
}

export interface Health {
  score: number;
  label: string;
  explanation: string;
  parts: { name: string; points: number; max_points: number; why: string }[];
}

export interface Brief {
  contact: Contact;
  how_met: string;
  days_since_contact: number | null;
  personal: Fact[];
  professional: Fact[];
  goals: Fact[];
  recent: Interaction[];
  open_reminders: Reminder[];
  ledger: LedgerEntry[];
  starters: string[];
  health: Health;
  listening: { conversations: number; average_they_talked: number | null; goal_percent: number; trend: string };
}

export interface FollowUpDraft {
  contact: { id: number; name: string };
  follow_up: Reminder | null;
  to: string;
  subject: string;
  body: string;
  mailto: string;
  eml: string;
}

export interface EventSummary {
  id: number;
  name: string;
  on: string;
  place: string;
  notes: string;
  met: number;
  followed_up: number;
  follow_up_rate_percent: number;
}

export interface EventReport extends EventSummary {
  people: { id: number; name: string; company: string; followed_up: boolean; follow_up: Reminder | null }[];
}

export interface MetPerson {
  id: number;
  name: string;
  added: boolean;
  follow_up: Reminder | null;
  contact: Contact;
}

export interface NewFact {
  kind: 'personal' | 'professional';
  key: string;
  value: string;
  private?: boolean;
}

export interface LogRequest {
  kind: string;
  on?: string;
  summary?: string;
  they_talked?: number;
  facts?: NewFact[];
  promise?: string;
  // Only its author sees it, and the fact learned in it (a team's server).
  private?: boolean;
}

export const draftFollowUp = (contactId: number) => get(`/contacts/${contactId}/followup`) as Promise<FollowUpDraft>;
export const emlUrl = (contactId: number) => `/api/v1/contacts/${contactId}/followup.eml`;
export const completeFollowUp = (contactId: number) => post(`/contacts/${contactId}/followup/done`);
export const snooze = (reminderId: number, days: number) => post(`/reminders/${reminderId}/snooze`, { days });
export const completeReminder = (reminderId: number) => post(`/reminders/${reminderId}/done`);
export const dismissReminder = (reminderId: number) => post(`/reminders/${reminderId}/dismiss`);
export const logInteraction = (contactId: number, request: LogRequest) =>
  post(`/contacts/${contactId}/interactions`, request);
export const setFact = (contactId: number, fact: NewFact) => put(`/contacts/${contactId}/facts`, fact);
