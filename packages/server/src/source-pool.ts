import type { CustomerSource } from '@custcode/core';
import { NotFoundError } from './http-error.js';
import type { ServerSourceEntry } from './server-options.js';

/** The answer for a source that does not exist, and (the same, so that names cannot be probed) for one the caller may not use. */
export const sourceNotFound = (name: string): NotFoundError =>
  new NotFoundError('SOURCE_NOT_FOUND', `No source named "${name}".`, 'GET /sources lists the sources you may use.');

/** Opens each configured source once, on first use, and shares it between requests. */
export class SourcePool {
  private readonly opened = new Map<string, Promise<CustomerSource>>();
  /** Secrets of every opened source, scrubbed from error messages. */
  readonly secrets: string[] = [];

  constructor(private readonly entries: Readonly<Record<string, ServerSourceEntry>>) {}

  names(): string[] {
    return Object.keys(this.entries);
  }

  has(name: string): boolean {
    return Object.hasOwn(this.entries, name);
  }

  erpOf(name: string): string | undefined {
    return Object.hasOwn(this.entries, name) ? this.entries[name]?.erp : undefined;
  }

  /** The product label of a source: the one it was configured with, else its ERP value. */
  labelOf(name: string): string | undefined {
    const entry = Object.hasOwn(this.entries, name) ? this.entries[name] : undefined;
    return entry && (entry.label ?? entry.erp);
  }

  get(name: string): Promise<CustomerSource> {
    const entry = Object.hasOwn(this.entries, name) ? this.entries[name] : undefined;
    if (!entry) {
      return Promise.reject(sourceNotFound(name));
    }
    let source = this.opened.get(name);
    if (!source) {
      source = entry.open().then((opened) => {
        this.secrets.push(...opened.secrets);
        return opened.source;
      });
      // A failed open is retried by the next request instead of being cached.
      source.catch(() => this.opened.delete(name));
      this.opened.set(name, source);
    }
    return source;
  }

  async close(): Promise<void> {
    const sources = [...this.opened.values()];
    this.opened.clear();
    await Promise.all(sources.map(async (source) => (await source.catch(() => undefined))?.close().catch(() => undefined)));
  }
}
