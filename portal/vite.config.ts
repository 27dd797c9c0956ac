/** Vite build for the portal: just SvelteKit. */
import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [sveltekit()],
  server: { port: 5173, strictPort: true },
  // Kit's own adapter step dominates the build; rolldown's timing report about it is noise. The size
  // report's gzip of every chunk costs CPU on every build and changes nothing that is written.
  build: { reportCompressedSize: false, rolldownOptions: { checks: { pluginTimings: false } } },
});
