import { describe, expect, it } from 'vitest';
import { platformActivitySentence } from './platform-activity-words.ts';

const entry = { actor: { id: 'op-1' }, tenant: { id: 't-1', name: 'Eastbrook' } };

describe('the platform activity log in words', () => {
  it('says who added an authority and which fields they gave, never their values', () => {
    expect(platformActivitySentence({ ...entry, action: 'created', changes: ['adminEmail', 'name', 'slug'] }, { id: 'op-1' })).toEqual({
      who: 'You',
      verb: 'Added',
      authority: { id: 't-1', name: 'Eastbrook' },
      fields: 'Given: first administrator’s email, name and web address',
    });
  });

  it('names another operator and an authority no longer listed plainly', () => {
    const said = platformActivitySentence({ actor: { id: 'op-2' }, tenant: { id: 't-2', name: null }, action: 'offboarding-started', changes: ['leavesOn', 'status'] }, { id: 'op-1' });
    expect(said).toMatchObject({ who: 'Another operator', verb: 'Started offboarding', authority: { name: 'an authority no longer listed' }, fields: 'Changed: leaving day and status' });
  });
});

describe('what the offboarding job did', () => {
  it('is said to be Waypoint’s doing, in words', () => {
    const said = platformActivitySentence({ actor: { id: 'offboarding-job' }, tenant: { id: 't-3', name: 'Southmoor' }, action: 'deleted', changes: [] }, { id: 'op-1' });
    expect(said).toEqual({ who: 'Waypoint', verb: 'Finished deleting the data of', authority: { id: 't-3', name: 'Southmoor' }, fields: null });
  });
});
