/** SvelteKit configuration: Node server by default, AWS Lambda when PORTAL_ADAPTER=lambda. */
import adapterNode from '@sveltejs/adapter-node';
import adapterLambda from 'svelte-kit-sst';

const onLambda = process.env.PORTAL_ADAPTER === 'lambda';

/** @type {import('@sveltejs/kit').Config} */
const config = {
  kit: {
    // adapter-node writes portal/build; svelte-kit-sst writes .svelte-kit/svelte-kit-sst for the CDK stack.
    adapter: onLambda ? adapterLambda() : adapterNode({ out: 'build', precompress: false }),
    csp: {
      mode: 'auto',
      directives: {
        'default-src': ['self'],
        // Every page works without JavaScript and none is sent (csr is off at the root), so no script may
        // run at all: an injected one is refused, and a browser with scripts on sees what one without sees.
        'script-src': ['none'],
        // Svelte sets style attributes at run time; no stylesheet comes from elsewhere.
        'style-src': ['self', 'unsafe-inline'],
        'img-src': ['self', 'data:'],
        'font-src': ['self'],
        'connect-src': ['self'],
        'object-src': ['none'],
        'base-uri': ['self'],
        'frame-ancestors': ['none'],
      },
    },
    // Cookie-authenticated form posts must come from our own origin.
    csrf: { trustedOrigins: [] },
  },
};

export default config;
