import { describe, expect, it } from 'vitest';
import { contrastWithWhite, FALLBACK_HEADER_COLOUR, headerColour } from './header-colour.ts';

describe('header colour', () => {
  it('keeps a dark brand colour that white text can sit on', () => {
    expect(headerColour('#1D70B8')).toBe('#1d70b8');
  });

  it('falls back when white text on the brand colour would fail AA', () => {
    expect(headerColour('#ffdd00')).toBe(FALLBACK_HEADER_COLOUR);
  });

  it('falls back for a missing or malformed colour', () => {
    expect(headerColour(undefined)).toBe(FALLBACK_HEADER_COLOUR);
    expect(headerColour('red')).toBe(FALLBACK_HEADER_COLOUR);
  });

  it('computes the WCAG contrast of white on black as 21', () => {
    expect(contrastWithWhite('#000000')).toBeCloseTo(21, 5);
  });

  it('keeps the fallback itself at AA', () => {
    expect(contrastWithWhite(FALLBACK_HEADER_COLOUR)).toBeGreaterThanOrEqual(4.5);
  });
});
