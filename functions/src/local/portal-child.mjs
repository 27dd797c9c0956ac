/**
 * Runs the built portal in a child process that ends with its parent. A parent killed outright
 * (a test worker stopped by its runner, a terminal closed) never gets to stop its children, and
 * the portal would live on holding its port; the IPC channel closes whenever the parent goes,
 * however it goes, so the child leaves then.
 */
import { pathToFileURL } from 'node:url';

process.once('disconnect', () => process.exit(0));
await import(pathToFileURL(process.argv[2]).href);
