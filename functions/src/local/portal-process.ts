/** Runs the built portal (`portal/build`) as a child process and waits until it answers. */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const PORTAL_ENTRY = fileURLToPath(new URL('../../../portal/build/index.js', import.meta.url));
const PORTAL_CHILD = fileURLToPath(new URL('./portal-child.mjs', import.meta.url));

export interface PortalProcess {
  url: string;
  stop(): Promise<void>;
}

export async function startPortal(options: { port: number; env: Record<string, string>; quiet?: boolean }): Promise<PortalProcess> {
  if (!existsSync(PORTAL_ENTRY)) throw new Error('The portal is not built yet: run `npm run build` first');
  const url = `http://localhost:${options.port}`;
  const child: ChildProcess = spawn(process.execPath, [PORTAL_CHILD, PORTAL_ENTRY], {
    env: { ...process.env, ...options.env, PORT: String(options.port), HOST: '127.0.0.1', ORIGIN: url },
    // The IPC channel is how the child knows its parent has gone (portal-child.mjs).
    stdio: options.quiet ? ['ignore', 'ignore', 'ignore', 'ipc'] : ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  // The channel itself must not keep this process alive; the child's handle does, as before.
  child.channel?.unref();
  let exited = false;
  child.once('exit', () => (exited = true));
  for (let attempt = 0; attempt < 200; attempt++) {
    if (exited) throw new Error('The portal exited while starting');
    try {
      await fetch(`${url}/signin`, { redirect: 'manual', signal: AbortSignal.timeout(1000) });
      break;
    } catch {
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  return {
    url,
    stop: () =>
      new Promise<void>((resolve) => {
        if (exited) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 3000).unref();
      }),
  };
}
