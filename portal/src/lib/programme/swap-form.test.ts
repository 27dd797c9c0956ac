import { describe, expect, it } from 'vitest';
import { swapBodyFromForm, swapValuesFromForm } from './swap-form.ts';

const form = (entries: Record<string, string>) => {
  const data = new FormData();
  for (const [k, value] of Object.entries(entries)) data.set(k, value);
  return data;
};

describe('the swap form', () => {
  it('reads the reference typed without the spaces around it', () => {
    expect(swapValuesFromForm(form({ out: 'NV-00003', in: ' NV-00021 ', reason: 'Holder on leave' }))).toEqual({ out: 'NV-00003', in: 'NV-00021', reason: 'Holder on leave' });
  });

  it('sends the swap with its reason', () => {
    expect(swapBodyFromForm({ out: 'NV-00003', in: 'NV-00021', reason: '  Holder on leave. ' })).toEqual({ ok: true, body: { out: 'NV-00003', in: 'NV-00021', reason: 'Holder on leave.' } });
  });

  it('asks for each missing part on its own field', () => {
    const result = swapBodyFromForm({ out: '', in: '', reason: ' ' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.map((e) => e.field)).toEqual(['out', 'in', 'reason']);
  });

  it('refuses something that is not a case reference before asking the API', () => {
    const result = swapBodyFromForm({ out: 'NV-00003', in: 'not a ref!', reason: 'Because' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]!.field).toBe('in');
  });
});
