/**
 * Picks the words for a page: the catalogue of its language and, in Welsh, the register
 * its reader is addressed in ("ti" for children and young people, "chi" otherwise).
 */
import type { Audience } from '@waypoint/shared/engagement/audiences';
import type { EngagementLanguage } from '@waypoint/shared/engagement/languages';
import { cyChild } from './cy-child.ts';
import { cy } from './cy.ts';
import { easy } from './easy.ts';
import { en, type MessageKey } from './en.ts';
import { pl } from './pl.ts';
import { ur } from './ur.ts';

export type { MessageKey };

/** How a page speaks to its reader; only Welsh words it differently. */
export type Register = 'adult' | 'child';

export type MessageParams = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: MessageParams) => string;

export const CATALOGUES: Record<EngagementLanguage, Record<MessageKey, string>> = { en, cy, pl, ur, easy };
export const CHILD_OVERRIDES: Partial<Record<EngagementLanguage, Partial<Record<MessageKey, string>>>> = { cy: cyChild };

/** The children's forms address their reader as a child; care leavers and parents as adults. */
export function registerFor(audience: Audience): Register {
  return audience === 'ages-4-7' || audience === 'ages-8-10' || audience === 'ages-11-18' ? 'child' : 'adult';
}

/** Replaces `{name}` with its value; a placeholder without a value is left as it is, so a gap shows in review. */
export function fill(template: string, params: MessageParams = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

export function translator(language: EngagementLanguage, register: Register = 'adult'): Translate {
  const catalogue = CATALOGUES[language];
  const overrides = register === 'child' ? (CHILD_OVERRIDES[language] ?? {}) : {};
  return (key, params) => fill(overrides[key] ?? catalogue[key] ?? en[key], params);
}
