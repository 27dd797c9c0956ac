/** Chooses the header colour from the tenant's brand, keeping white text at WCAG AA contrast. */

/** Used when a tenant's colour is missing or too light for white text. */
export const FALLBACK_HEADER_COLOUR = '#1d4e89';
const MIN_CONTRAST = 4.5;

function channel(hex: string): number {
  const c = parseInt(hex, 16) / 255;
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

/** WCAG 2 relative luminance of a `#rrggbb` colour. */
export function relativeLuminance(colour: string): number {
  const hex = colour.slice(1);
  return 0.2126 * channel(hex.slice(0, 2)) + 0.7152 * channel(hex.slice(2, 4)) + 0.0722 * channel(hex.slice(4, 6));
}

export function contrastWithWhite(colour: string): number {
  return 1.05 / (relativeLuminance(colour) + 0.05);
}

/** The tenant's primary colour if white text on it meets AA, else a dark fallback. */
export function headerColour(primary: string | undefined): string {
  if (!primary || !/^#[0-9a-fA-F]{6}$/.test(primary)) return FALLBACK_HEADER_COLOUR;
  return contrastWithWhite(primary) >= MIN_CONTRAST ? primary.toLowerCase() : FALLBACK_HEADER_COLOUR;
}
