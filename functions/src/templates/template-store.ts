/**
 * Template versions in DynamoDB. Versions are immutable, so a pinned version read once is
 * kept in memory; the head item per template names the newest version for lists.
 */
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { TemplateDefinition, TemplateKind, TemplateSummary, TemplateVersion } from '@waypoint/shared/templates/template-schemas';
import type { TenantContext } from '../platform/auth/caller.ts';
import { readAllWithPrefix } from '../platform/database/partition-queries.ts';
import { getItem, withoutKeys } from '../platform/database/versioned-items.ts';
import { ApiError } from '../platform/http/api-error.ts';

/** Immutable, so caching can never serve a stale answer; bounded so memory stays small. */
const versionCache = new Map<string, TemplateVersion>();
const CACHE_LIMIT = 200;

export async function getTemplateVersion(tenant: TenantContext, templateId: string, version: number): Promise<TemplateVersion | undefined> {
  const cacheKey = `${tenant.tenantId}|${templateId}|${version}`;
  const cached = versionCache.get(cacheKey);
  if (cached) return cached;
  const found = await getItem<TemplateVersion>(tenant, tenant.keys.templateVersion(templateId, version));
  if (found) {
    if (versionCache.size >= CACHE_LIMIT) versionCache.delete(versionCache.keys().next().value!);
    versionCache.set(cacheKey, found);
  }
  return found;
}

/** Forgets the versions read so far: for a test stack whose data was put back as seeded, where a version number can be reused. */
export function forgetTemplateVersions(): void {
  versionCache.clear();
}

/** The newest stored version, read from the versions themselves (the head can lag a crashed publish). */
export async function getLatestTemplateVersion(tenant: TenantContext, templateId: string): Promise<TemplateVersion | undefined> {
  const { Items } = await tenant.db.send(
    new QueryCommand({
      TableName: tenant.tableName,
      KeyConditionExpression: 'PK = :pk',
      ExpressionAttributeValues: { ':pk': tenant.keys.templateVersionsPartition(templateId) },
      ScanIndexForward: false,
      Limit: 1,
    }),
  );
  return Items?.[0] ? withoutKeys<TemplateVersion>(Items[0]) : undefined;
}

export function getTemplateSummary(tenant: TenantContext, templateId: string): Promise<TemplateSummary | undefined> {
  return getItem<TemplateSummary>(tenant, tenant.keys.template(templateId));
}

/** An authority has tens of templates: one query reads every head. */
export async function listTemplateSummaries(tenant: TenantContext, kind?: TemplateKind): Promise<TemplateSummary[]> {
  const found = await readAllWithPrefix<TemplateSummary>(tenant, tenant.keys.templatesPrefix());
  return found.filter((t) => kind === undefined || t.kind === kind).sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * Publishes the next version: the version item first (conditional on absence, so two
 * publishers cannot both take a number: the second gets 409), then the head, which only
 * ever moves forward. A crash between the two leaves a version the next publish skips past.
 */
export async function publishTemplateVersion(options: {
  tenant: TenantContext;
  definition: TemplateDefinition;
  publishedBy: string;
  at: string;
  builtIn?: boolean;
  /** Publish exactly this number (the seed's version 1); otherwise the next after the newest. */
  version?: number;
  /** Refuse (409) when the number is taken; the default unless `version` is given, when the seed keeps what is there. */
  refuseTaken?: boolean;
}): Promise<TemplateVersion> {
  const { tenant, definition, at } = options;
  const number = options.version ?? ((await getLatestTemplateVersion(tenant, definition.templateId))?.version ?? 0) + 1;
  const version: TemplateVersion = { ...definition, version: number, publishedAt: at, publishedBy: options.publishedBy };
  try {
    await tenant.db.send(
      new PutCommand({
        TableName: tenant.tableName,
        Item: { ...version, ...tenant.keys.templateVersion(definition.templateId, number) },
        ConditionExpression: 'attribute_not_exists(PK)',
      }),
    );
  } catch (error) {
    if (!(error instanceof ConditionalCheckFailedException)) throw error;
    if (options.refuseTaken ?? options.version === undefined) throw new ApiError('conflict', 'Someone published a version of this template at the same time; read it again');
  }
  await moveHeadForward({ tenant, version, at, builtIn: options.builtIn ?? false });
  return version;
}

async function moveHeadForward(options: { tenant: TenantContext; version: TemplateVersion; at: string; builtIn: boolean }): Promise<void> {
  const { tenant, version } = options;
  try {
    await tenant.db.send(
      new UpdateCommand({
        TableName: tenant.tableName,
        Key: tenant.keys.template(version.templateId),
        UpdateExpression: 'SET templateId = :id, kind = :kind, #name = :name, description = :description, latestVersion = :version, updatedAt = :at, createdAt = if_not_exists(createdAt, :at), builtIn = if_not_exists(builtIn, :builtIn)',
        ConditionExpression: 'attribute_not_exists(latestVersion) OR latestVersion < :version',
        ExpressionAttributeNames: { '#name': 'name' },
        ExpressionAttributeValues: {
          ':id': version.templateId,
          ':kind': version.kind,
          ':name': version.name,
          ':description': version.description,
          ':version': version.version,
          ':at': options.at,
          ':builtIn': options.builtIn,
        },
      }),
    );
  } catch (error) {
    // A newer version already moved the head on: nothing to do.
    if (!(error instanceof ConditionalCheckFailedException)) throw error;
  }
}
