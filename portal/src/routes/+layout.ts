/**
 * Pages are rendered on the server and sent without client-side JavaScript. Every flow
 * must work with scripts off anyway, and without hydration nothing can overwrite what a
 * user typed before the scripts arrived. A page that needs a script can opt in with csr.
 */
export const csr = false;
