/**
 * Evidence file records: one item per file in its parent's file partition
 * (`TENANT#<t>#FILES#<PARENT>#<id>`), holding the name the person gave it (shown, and used only
 * encoded in a download's Content-Disposition), its object key (ids only) and where it is in
 * upload → content check → malware check. Status moves are conditional, so two confirmations
 * of one upload cannot both win.
 */
import { DeleteCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { TenantContext } from '../platform/auth/caller.ts';
import { createItem, getItem, withoutKeys } from '../platform/database/versioned-items.ts';

export type FileParentType = 'action' | 'audit-section' | 'reflection';
export type FileStatus = 'uploading' | 'checking' | 'clean' | 'threat';

export interface EvidenceFile {
  id: string;
  parentType: FileParentType;
  parentId: string;
  filename: string;
  key: string;
  status: FileStatus;
  /** Declared at the start of the upload; the stored size once confirmed. */
  size: number;
  /** Set from the content once confirmed. */
  mime?: string;
  kind?: string;
  createdAt: string;
  createdById: string;
  confirmedAt?: string;
}

function partition(tenant: TenantContext, parentType: FileParentType, parentId: string): string {
  return `TENANT#${tenant.tenantId}#FILES#${parentType.toUpperCase()}#${parentId}`;
}

const keyOf = (tenant: TenantContext, file: Pick<EvidenceFile, 'parentType' | 'parentId' | 'id'>) => ({ PK: partition(tenant, file.parentType, file.parentId), SK: `FILE#${file.id}` });

export function putNewFile(tenant: TenantContext, file: EvidenceFile): Promise<void> {
  return createItem({ tenant, key: keyOf(tenant, file), item: { ...file }, what: 'file' });
}

export function getFile(tenant: TenantContext, parentType: FileParentType, parentId: string, id: string): Promise<EvidenceFile | undefined> {
  return getItem<EvidenceFile>(tenant, keyOf(tenant, { parentType, parentId, id }));
}

export async function listFiles(tenant: TenantContext, parentType: FileParentType, parentId: string): Promise<EvidenceFile[]> {
  const { Items } = await tenant.db.send(
    new QueryCommand({
      TableName: tenant.tableName,
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :file)',
      ExpressionAttributeValues: { ':pk': partition(tenant, parentType, parentId), ':file': 'FILE#' },
    }),
  );
  return (Items ?? []).map((item) => withoutKeys<EvidenceFile>(item)).sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}

/** Moves a file from one status to the next; false when someone else moved it first. */
export async function moveFile(tenant: TenantContext, file: EvidenceFile, from: FileStatus, changes: Partial<EvidenceFile> & { status: FileStatus }): Promise<boolean> {
  const entries = Object.entries(changes);
  try {
    await tenant.db.send(
      new UpdateCommand({
        TableName: tenant.tableName,
        Key: keyOf(tenant, file),
        UpdateExpression: `SET ${entries.map((_, i) => `#a${i} = :v${i}`).join(', ')}`,
        ConditionExpression: '#status = :from',
        ExpressionAttributeNames: { '#status': 'status', ...Object.fromEntries(entries.map(([name], i) => [`#a${i}`, name])) },
        ExpressionAttributeValues: { ':from': from, ...Object.fromEntries(entries.map(([, value], i) => [`:v${i}`, value])) },
      }),
    );
    return true;
  } catch (error) {
    if ((error as { name?: string }).name === 'ConditionalCheckFailedException') return false;
    throw error;
  }
}

export async function deleteFileRecord(tenant: TenantContext, file: EvidenceFile): Promise<void> {
  await tenant.db.send(new DeleteCommand({ TableName: tenant.tableName, Key: keyOf(tenant, file) }));
}
