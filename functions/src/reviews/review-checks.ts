/** What a review's set-up must name: a lead who may lead, a review template, reviewers who are active staff, a day still to come. */
import { REVIEW_LEADS, REVIEWERS } from '@waypoint/shared/reviews/review-roles';
import { REVIEW_TEMPLATE_ID } from '@waypoint/shared/reviews/review-template';
import type { TemplateVersion } from '@waypoint/shared/templates/template-schemas';
import { clock } from '@waypoint/shared/time/clock';
import { today } from '../audits/audit-checks.ts';
import type { TenantContext } from '../platform/auth/caller.ts';
import { ApiError, type FieldError } from '../platform/http/api-error.ts';
import { ensureBuiltInTemplates } from '../templates/built-in-templates.ts';
import { getLatestTemplateVersion } from '../templates/template-store.ts';
import { getUsers } from '../users/user-store.ts';

/** The newest version of a review template; an authority set up before reviews existed is given the built-in one first. */
export async function reviewTemplate(tenant: TenantContext, templateId: string | undefined, errors: FieldError[]): Promise<TemplateVersion | undefined> {
  const id = templateId ?? REVIEW_TEMPLATE_ID;
  let found = await getLatestTemplateVersion(tenant, id);
  if (!found && id === REVIEW_TEMPLATE_ID) {
    await ensureBuiltInTemplates(tenant, clock.nowIso());
    found = await getLatestTemplateVersion(tenant, id);
  }
  if (!found || found.kind !== 'review') {
    errors.push({ path: 'templateId', message: 'No such review template' });
    return undefined;
  }
  return found;
}

export async function checkPeople(tenant: TenantContext, body: { leadId?: string; reviewerIds?: readonly string[] }, errors: FieldError[]): Promise<void> {
  const ids = [...(body.leadId ? [body.leadId] : []), ...(body.reviewerIds ?? [])];
  if (ids.length === 0) return;
  const people = new Map((await getUsers(tenant, ids)).map((u) => [u.id, u]));
  if (body.leadId) {
    const lead = people.get(body.leadId);
    if (!lead?.active || !REVIEW_LEADS.includes(lead.role)) errors.push({ path: 'leadId', message: 'The lead must be an active QA officer or senior manager' });
  }
  (body.reviewerIds ?? []).forEach((id, i) => {
    const person = people.get(id);
    if (!person?.active || !REVIEWERS.includes(person.role)) errors.push({ path: `reviewerIds.${i}`, message: 'A reviewer must be an active practitioner, team manager, QA officer or senior manager' });
  });
}

export function checkDueBy(casesDueBy: string | undefined, errors: FieldError[]): void {
  if (casesDueBy !== undefined && casesDueBy < today()) errors.push({ path: 'casesDueBy', message: 'The day cases are due by cannot be in the past' });
}

export function throwIfAny(errors: FieldError[], what = 'The review'): void {
  if (errors.length) throw new ApiError('validation', `${what} has ${errors.length} problem${errors.length === 1 ? '' : 's'}`, { errors });
}
