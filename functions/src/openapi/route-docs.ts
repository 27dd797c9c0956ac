/**
 * The one way a route module describes its routes for the OpenAPI document: the same
 * valibot schemas its handlers validate with, plus who may call it and what it answers.
 */
import type * as v from 'valibot';
import type { StaffRole } from '@waypoint/shared/tenancy/roles';

export type AnySchema = v.GenericSchema<unknown, unknown>;

/** An object schema whose entries become query parameters. */
export type QuerySchema = v.ObjectSchema<v.ObjectEntries, v.ErrorMessage<v.ObjectIssue> | undefined>;

export type Access =
  /** No token needed. */
  | 'public'
  /** Any valid token, the platform operator's included. */
  | 'signed-in'
  /** The platform operator only; every tenant role is refused. */
  | 'operator'
  /** Staff of a tenant in one of these roles. */
  | readonly StaffRole[];

export interface RouteDoc {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** OpenAPI form, with the /v1 prefix: `/v1/teams/{id}`. */
  path: string;
  tag: string;
  summary: string;
  description?: string;
  access: Access;
  params?: Record<string, AnySchema>;
  query?: QuerySchema;
  /** Query parameter notes that the schema cannot say (defaults, bounds after a transform). */
  queryNotes?: Record<string, string>;
  body?: AnySchema;
  /** Routes that change an existing item: If-Match is required (428 without, 412 when stale). */
  ifMatch?: boolean;
  /** Statuses the route can answer beyond those implied by the fields above (e.g. 409). */
  otherErrors?: readonly number[];
  success: {
    status: 200 | 201;
    description: string;
    /** A JSON body; absent when `contentType` says otherwise. */
    schema?: AnySchema;
    contentType?: string;
    etag?: boolean;
    location?: boolean;
  };
}

/** Typed identity: keeps each module's list checked against `RouteDoc`. */
export function describeRoutes(docs: RouteDoc[]): readonly RouteDoc[] {
  return docs;
}
