/** The entry esbuild bundles into `file-type.mjs` beside the API bundle (see file-kinds.ts). */
export { fileTypeFromBuffer } from 'file-type';
