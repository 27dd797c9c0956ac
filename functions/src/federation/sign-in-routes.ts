/**
 * `/v1/sign-in/discovery`: the sign-in page's first step. Given an email address, says whether
 * its domain signs in through a council's own provider (and which, by the sign-in service's name
 * for it) or with a password. It tells nothing about the person; the tenant is decided later,
 * from the provider that signed the person in, never from what was typed here.
 */
import { Hono } from 'hono';
import * as v from 'valibot';
import { emailDomainOf, SignInDiscoveryBody, type SignInRoute } from '@waypoint/shared/federation/connection-schemas';
import type { AppEnv } from '../api/app-env.ts';
import { describeRoutes } from '../openapi/route-docs.ts';
import { readJsonBody } from '../platform/http/validation.ts';
import { domainOwner } from './connection-store.ts';

export const signInRoutes = new Hono<AppEnv>();

signInRoutes.post('/discovery', async (c) => {
  const { deps } = c.var;
  const { email } = await readJsonBody(c, SignInDiscoveryBody);
  const domain = emailDomainOf(email);
  const owner = domain ? await domainOwner({ db: deps.platformClient, tableName: deps.tableName }, domain) : undefined;
  const route: SignInRoute = owner ? { method: 'federated', providerName: owner.providerName } : { method: 'password' };
  return c.json(route);
});

const SignInRouteResource = v.pipe(v.variant('method', [v.object({ method: v.literal('password') }), v.object({ method: v.literal('federated'), providerName: v.string() })]), v.title('SignInRoute'));

export const signInRouteDocs = describeRoutes([
  {
    method: 'post',
    path: '/v1/sign-in/discovery',
    tag: 'Sign-in',
    summary: 'Find how an email address signs in',
    description: 'The address is in the body so that it stays out of URLs and access logs. An address whose domain no authority has connected signs in with a password.',
    access: 'public',
    body: SignInDiscoveryBody,
    success: { status: 200, description: 'Password, or the council provider to send the person to', schema: SignInRouteResource },
  },
]);
