/** The engagement area sends no JavaScript at all: it must work on a cheap phone with scripts off. */
export const csr = false;
