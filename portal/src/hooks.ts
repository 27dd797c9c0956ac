/**
 * Hooks SvelteKit runs on the server and would run in the browser (the portal sends no script).
 *
 * Every page is rendered on the server alone (`csr = false` in the root layout). Even so,
 * SvelteKit turns each page's data into script for a browser to pick up, and then leaves that
 * script out of the page. For an audit page that was about a ninth of the portal's CPU. This
 * transport hands it one token for each page's data instead, so nothing is written out.
 *
 * The same data is what `__data.json` would answer, and it answers that token too. Only
 * client-side navigation asks for it, and the portal has none, so no page's data goes out
 * except as the page itself. A page that opted into `csr` would need this taken out first:
 * its script would receive no data.
 */
import type { Transport } from '@sveltejs/kit';

export const transport: Transport = {
  rendered: {
    encode: (value) => typeof value === 'object' && value !== null && 'rendered on the server',
    decode: () => undefined,
  },
};
