/**
 * The portal's address on one machine, which links in emails start with: `PORTAL_URL` when
 * set, else the port the portal was started on, else the one `npm start` serves it on.
 */
export const DEFAULT_PORTAL_PORT = 5173;

export function localPortalUrl(port?: number): string {
  return process.env.PORTAL_URL || `http://localhost:${port ?? (Number(process.env.PORTAL_PORT) || DEFAULT_PORTAL_PORT)}`;
}
