import { describe, expect, it } from 'vitest';
import { copyBodyFromForm } from './copy-form.ts';

describe('the copy form', () => {
  it('copies the newest version under a new id and name', () => {
    expect(copyBodyFromForm('journey-of-the-child', { templateId: 'neglect-audit', name: 'Neglect audit', description: 'Thematic.' })).toEqual({
      ok: true,
      body: { templateId: 'neglect-audit', copyOf: 'journey-of-the-child', name: 'Neglect audit', description: 'Thematic.' },
    });
  });

  it('explains what an id may contain', () => {
    const result = copyBodyFromForm('journey-of-the-child', { templateId: 'Neglect Audit', name: 'Neglect audit', description: 'Thematic.' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors).toEqual([{ field: 'templateId', message: 'Use lower-case letters, digits and hyphens (at most 64)' }]);
  });

  it('asks for each field left blank', () => {
    const result = copyBodyFromForm('journey-of-the-child', { templateId: '', name: ' ', description: '' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.map((e) => e.field)).toEqual(['templateId', 'name', 'description']);
  });
});
