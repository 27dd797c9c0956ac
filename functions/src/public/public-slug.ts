/**
 * The authority's address in `/v1/public/{slug}` routes. Kept apart from the route
 * descriptions so the routes that read it do not carry the OpenAPI text into the API bundle.
 */
import * as v from 'valibot';

export const Slug = v.pipe(v.string(), v.regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'Use the authority’s address, such as northvale'));
