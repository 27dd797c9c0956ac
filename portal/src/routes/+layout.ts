/**
 * Pages are rendered on the server and sent without client-side JavaScript. Every flow
 * must work with scripts off anyway, and without hydration nothing can overwrite what a
 * user typed before the scripts arrived. A page that needs a script can opt in with csr,
 * once the transport in hooks.ts lets its data through.
 */
export const csr = false;
