/** Export of the current search with exactly the columns shown, with progress and a done message. */
import { errorMessageKey, request, sourcePath } from './api.js';
import { byId, h, replaceChildren } from './dom.js';
import { formatBytes } from './format.js';
import { searchParameters } from './list-page.js';
import { shownColumns, state, t } from './state.js';

type Status = { kind: 'progress'; bytes: number } | { kind: 'done'; file: string; bytes: number } | { kind: 'error'; error: unknown };
let status: Status | undefined;

export function renderExportStatus(): void {
  const box = byId('export-status');
  box.hidden = status === undefined;
  if (!status) return;
  if (status.kind === 'progress') replaceChildren(box, h('progress', {}), ' ', t('exporting', { size: formatBytes(status.bytes, state.lang) }));
  else if (status.kind === 'done') replaceChildren(box, t('exported', { file: status.file, size: formatBytes(status.bytes, state.lang) }));
  else replaceChildren(box, h('span', { class: 'error' }, t(errorMessageKey(status.error))));
  box.dataset.state = status.kind;
}

export async function exportFile(): Promise<void> {
  const format = byId<HTMLSelectElement>('export-format').value;
  const file = `${state.source}.${format}`;
  const fields = shownColumns().join(',');
  const path = sourcePath(state.source, `/export?${searchParameters({ format, headers: state.lang === 'zh-CN' ? 'zh' : 'en', fields })}`);
  const button = byId<HTMLButtonElement>('export');
  button.disabled = true;
  status = { kind: 'progress', bytes: 0 };
  renderExportStatus();
  try {
    const response = await request(path);
    // Read as it streams, to show how much has arrived; the file is handed over when it is complete.
    const reader = response.body!.getReader();
    const chunks: Uint8Array[] = [];
    let bytes = 0;
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
      chunks.push(chunk.value);
      bytes += chunk.value.byteLength;
      status = { kind: 'progress', bytes };
      renderExportStatus();
    }
    const link = h('a', { href: URL.createObjectURL(new Blob(chunks as BlobPart[], { type: response.headers.get('content-type') ?? 'application/octet-stream' })), download: file });
    document.body.append(link);
    link.click();
    setTimeout(() => {
      URL.revokeObjectURL(link.href);
      link.remove();
    }, 1000);
    status = { kind: 'done', file, bytes };
  } catch (error) {
    status = { kind: 'error', error };
  }
  button.disabled = false;
  renderExportStatus();
}
