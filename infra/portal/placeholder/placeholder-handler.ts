/**
 * Stands in for the portal when the CDK app was synthesized without a portal build: every
 * page says so, with a 503, rather than the deployment pretending to work.
 */

const PAGE = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Waypoint portal not deployed</title></head>
<body>
<h1>The Waypoint portal has not been deployed</h1>
<p>This deployment was made without a portal build, so it serves this placeholder.
Build the portal with <code>PORTAL_ADAPTER=lambda npm run build -w portal</code>
and deploy again (see docs/DEPLOY.md). The API is not affected.</p>
</body>
</html>`;

export async function handler(): Promise<{ statusCode: number; headers: Record<string, string>; body: string }> {
  return {
    statusCode: 503,
    headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' },
    body: PAGE,
  };
}
