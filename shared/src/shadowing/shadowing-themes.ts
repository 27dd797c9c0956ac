/**
 * The themes a shadowing observation is tagged with. The learning view counts them across
 * the authority; a fixed list keeps the counts comparable from one observation to the next.
 */
export const SHADOWING_THEMES = ['hearing-the-child', 'relationships-with-families', 'family-strengths', 'risk-and-safety', 'working-with-partners', 'recording', 'workload-and-time', 'supervision-and-support', 'systems-and-tools'] as const;
export type ShadowingTheme = (typeof SHADOWING_THEMES)[number];

export const SHADOWING_THEME_LABELS: Record<ShadowingTheme, string> = {
  'hearing-the-child': 'Hearing the child',
  'relationships-with-families': 'Relationships with families',
  'family-strengths': 'Building on family strengths',
  'risk-and-safety': 'Risk and safety',
  'working-with-partners': 'Working with partners',
  recording: 'Recording',
  'workload-and-time': 'Workload and time',
  'supervision-and-support': 'Supervision and support',
  'systems-and-tools': 'Systems and tools',
};
