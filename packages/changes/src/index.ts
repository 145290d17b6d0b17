export {
  CHANGE_KINDS, SNAPSHOT_FIELDS, hasChanges,
  type ChangeKind, type ChangeList, type ChangedCustomer, type FieldChange, type ModifiedCustomer, type SnapshotEntry, type SnapshotField,
} from './change-types.js';
export { parseSnapshot, writeSnapshot, writeSnapshotEntries, toSnapshotEntry, viewSnapshot, type Snapshot, type SnapshotHeader } from './snapshot.js';
export { diffSnapshot, type DiffOptions } from './diff-snapshot.js';
export { changesSince, CHANGE_DOCUMENT_LIMITATIONS, SINCE_LIMITATIONS } from './changes-since.js';
export { postWebhook, appendChangeLine, signBody, SIGNATURE_HEADER, type WebhookOptions } from './notify.js';
