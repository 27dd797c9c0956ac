/**
 * Who sees a shadowing and what they read of it. Only its two people see it at all (to
 * anyone else, in this authority or another, it does not exist: 404), and each reads what
 * the other wrote only once it is revealed (`feedbackRevealed`), so the API never hands
 * over what the page would hide.
 */
import { feedbackOpensOn, feedbackRevealed, movesFor, whyNot } from '@waypoint/shared/shadowing/shadowing-moves';
import type { Shadowing, ShadowingMove, ShadowingSide, ShadowingView, WithheldWriting } from '@waypoint/shared/shadowing/shadowing-schemas';
import type { StaffCaller, TenantContext } from '../platform/auth/caller.ts';
import { ApiError, forbidden, notFound } from '../platform/http/api-error.ts';
import { getUserNames } from '../users/user-store.ts';
import { getShadowing } from './shadowing-store.ts';

export function sideOf(shadowing: Pick<Shadowing, 'shadowerId' | 'practitionerId'>, userId: string): ShadowingSide | undefined {
  if (shadowing.shadowerId === userId) return 'shadower';
  if (shadowing.practitionerId === userId) return 'practitioner';
  return undefined;
}

export async function findOwnShadowing(tenant: TenantContext, staff: StaffCaller, id: string): Promise<{ shadowing: Shadowing; side: ShadowingSide }> {
  const shadowing = await getShadowing(tenant, id);
  const side = shadowing && sideOf(shadowing, staff.userId);
  if (!shadowing || !side) throw notFound('shadowing');
  return { shadowing, side };
}

/** 403 when the move belongs to the other side, 409 when it cannot be made now. */
export function requireMove(options: { shadowing: Shadowing; side: ShadowingSide; move: ShadowingMove; today: string }): void {
  const { shadowing, side, move, today } = options;
  if ((move === 'agree' || move === 'decline') && side !== 'practitioner') throw forbidden('Only the practitioner answers a request to shadow them');
  if ((move === 'observe' || move === 'cancel') && side !== 'shadower') throw forbidden('Only the person shadowing does this');
  if (!movesFor(shadowing, side, today).includes(move)) throw new ApiError('conflict', whyNot(shadowing, move, today));
}

function withheld(writing: { writtenAt?: string; recordedAt?: string } | undefined): WithheldWriting | undefined {
  return writing === undefined ? undefined : { withheld: true, writtenAt: writing.writtenAt ?? writing.recordedAt ?? '' };
}

/** The shadowing as one side reads it today: the other side's writing withheld until revealed. */
export function viewFor(shadowing: Shadowing, side: ShadowingSide, today: string, people: Record<string, string>): ShadowingView {
  const revealed = feedbackRevealed(shadowing, today);
  const { observation, shadowerFeedback, practitionerFeedback, ...rest } = shadowing;
  const hideShadowers = side === 'practitioner' && !revealed;
  const hidePractitioners = side === 'shadower' && !revealed;
  return {
    ...rest,
    side,
    ...(observation === undefined ? {} : { observation: hideShadowers ? withheld(observation)! : observation }),
    ...(shadowerFeedback === undefined ? {} : { shadowerFeedback: hideShadowers ? withheld(shadowerFeedback)! : shadowerFeedback }),
    ...(practitionerFeedback === undefined ? {} : { practitionerFeedback: hidePractitioners ? withheld(practitionerFeedback)! : practitionerFeedback }),
    revealed,
    feedbackOpensOn: feedbackOpensOn(shadowing),
    moves: movesFor(shadowing, side, today),
    people,
  };
}

export async function namesOf(tenant: TenantContext, shadowings: readonly Shadowing[]): Promise<Record<string, string>> {
  const ids = shadowings.flatMap((s) => [s.shadowerId, s.practitionerId, s.consent?.recordedById, s.withdrawal?.recordedById].filter((id): id is string => id !== undefined));
  return Object.fromEntries(await getUserNames(tenant, ids));
}
