import * as fc from 'fast-check';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { Text, TEXT_MESSAGES } from './text-schemas.ts';

const oneLine = Text({ max: 80, required: 'Enter a name' });
const paragraphs = Text({ max: 2000, lines: 'many' });

const messageOf = (schema: v.GenericSchema, input: unknown) => {
  const result = v.safeParse(schema, input, { abortPipeEarly: true });
  return result.success ? undefined : result.issues[0].message;
};

describe('Text', () => {
  it('refuses NUL and other control characters, on one line or many', () => {
    for (const bad of ['Assess\u0000ment', '\u0007bell', 'del\u007f', 'c1\u0085', 'esc\u001b[31m']) {
      expect(messageOf(oneLine, bad), JSON.stringify(bad)).toBe(TEXT_MESSAGES.hidden);
      expect(messageOf(paragraphs, bad), JSON.stringify(bad)).toBe(TEXT_MESSAGES.hidden);
    }
  });

  it('allows tabs and line breaks only in text that may run over several lines', () => {
    expect(v.parse(paragraphs, 'First line\r\n\tSecond line')).toBe('First line\r\n\tSecond line');
    expect(messageOf(oneLine, 'Child\nProtection')).toBe(TEXT_MESSAGES.oneLine);
    expect(messageOf(oneLine, 'Child\tProtection')).toBe(TEXT_MESSAGES.oneLine);
    // A line break at either end is trimmed away, as a form pasted into would send it.
    expect(v.parse(oneLine, '  Child Protection\n')).toBe('Child Protection');
  });

  it('refuses a lone surrogate but keeps characters made of a pair', () => {
    expect(messageOf(oneLine, 'half \uD83D of a face')).toBe(TEXT_MESSAGES.broken);
    expect(messageOf(paragraphs, 'trailing \uDE00')).toBe(TEXT_MESSAGES.broken);
    expect(v.parse(oneLine, 'Team 😀 ✓ ښه')).toBe('Team 😀 ✓ ښه');
  });

  it('removes direction overrides, embeddings and isolates but keeps the direction marks', () => {
    expect(v.parse(paragraphs, 'We \u202Efixed\u202C the \u2067bus\u2069 times\u202A\u202B\u202D\u2066\u2068')).toBe('We fixed the bus times');
    expect(v.parse(paragraphs, 'English \u200Fاردو\u200E \u061C')).toBe('English \u200Fاردو\u200E \u061C');
  });

  it('treats text that is nothing but direction controls as empty', () => {
    expect(messageOf(oneLine, ' \u202E \u2066 ')).toBe('Enter a name');
    expect(v.parse(Text({ max: 5 }), ' \u202Eabc\u202C ')).toBe('abc');
    expect(messageOf(Text({ max: 3 }), 'abcd')).toBe('Use at most 3 characters');
  });

  it('never lets a control character, lone surrogate or direction control through, whatever it is given', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (input) => {
        const result = v.safeParse(paragraphs, input);
        if (!result.success) return;
        expect(result.output).not.toMatch(/[^\P{Cc}\t\n\r]|\p{Cs}|[\u202A-\u202E\u2066-\u2069]/u);
      }),
      { numRuns: 500 },
    );
  });
});
