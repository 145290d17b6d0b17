import { type AdapterDescriptor, ConfigError, type ErpKind } from '@custcode/core';
import { z } from 'zod';
import { REGISTERED_ERPS } from '../sources/adapter-registry.js';
import { CONFIG_KEYS, VIEW_KEYS } from './config-schema.js';
import { didYouMean } from './nearest-key.js';

type Path = ReadonlyArray<PropertyKey>;

const dotted = (path: Path) => path.map(String).join('.');

/** The keys of the object schema at `path` inside `schema` (through optional and nullable wrappers). */
function shapeKeysAt(schema: z.ZodType, path: Path): readonly string[] {
  let current: unknown = schema;
  for (const key of [...path, undefined]) {
    while (current instanceof z.ZodOptional || current instanceof z.ZodNullable) current = current.unwrap();
    if (!(current instanceof z.ZodObject)) return [];
    if (key === undefined) return Object.keys(current.shape);
    current = (current.shape as Record<string, unknown>)[String(key)];
  }
  return [];
}

/** The keys allowed at a place in the config, for suggestions; a source's come from its product's descriptor. */
function keysAt(path: Path, raw: unknown, descriptors: ReadonlyMap<ErpKind, AdapterDescriptor>): readonly string[] {
  if (path.length === 0) return CONFIG_KEYS;
  if (path[0] === 'views' && path.length === 2) return VIEW_KEYS;
  if (path[0] === 'sources' && path.length >= 2) {
    const erp = (raw as { sources?: Record<string, { erp?: string }> }).sources?.[String(path[1])]?.erp as ErpKind;
    const descriptor = descriptors.get(erp);
    return descriptor === undefined ? [] : shapeKeysAt(descriptor.optionsSchema, path.slice(2));
  }
  return [];
}

/** Checks each source's `erp` first, so a typo there gets a suggestion instead of a union error. */
export function checkErpValues(raw: unknown, file: string): void {
  const sources = (raw as { sources?: unknown }).sources;
  if (typeof sources !== 'object' || sources === null || Array.isArray(sources)) return;
  for (const [name, source] of Object.entries(sources)) {
    const erp = (source as { erp?: unknown } | null)?.erp;
    if (typeof erp === 'string' && (REGISTERED_ERPS as readonly string[]).includes(erp)) continue;
    throw new ConfigError({
      message:
        erp === undefined
          ? `${file}: sources.${name}: missing key "erp".`
          : `${file}: sources.${name}.erp: unknown ERP "${String(erp)}".${typeof erp === 'string' ? didYouMean(erp, REGISTERED_ERPS) : ''}`,
      hint: `"erp" is one of: ${REGISTERED_ERPS.join(', ')}.`,
    });
  }
}

/** Turns the first zod issue into a ConfigError that names the key, what was expected, and the nearest valid key. */
export function configIssueError(issue: z.core.$ZodIssue, raw: unknown, file: string, descriptors: ReadonlyMap<ErpKind, AdapterDescriptor> = new Map()): ConfigError {
  const where = issue.path.length === 0 ? '' : ` ${dotted(issue.path)}:`;
  if (issue.code === 'unrecognized_keys') {
    const allowed = keysAt(issue.path, raw, descriptors);
    const key = issue.keys[0]!;
    return new ConfigError({
      message: `${file}:${where || ' (top level):'} unknown key "${key}".${didYouMean(key, allowed)}`,
      hint: allowed.length > 0 ? `Valid keys here: ${allowed.join(', ')}.` : 'Remove the key.',
    });
  }
  const missing = issue.code === 'invalid_type' && /received undefined/.test(issue.message);
  const key = issue.path[issue.path.length - 1];
  return new ConfigError({
    message: missing
      ? `${file}:${issue.path.length > 1 ? ` ${dotted(issue.path.slice(0, -1))}:` : ''} missing required key "${String(key)}".`
      : `${file}:${where} ${issue.message}.`,
    hint:
      issue.path.some((part) => part === 'password' || part === 'passwd')
        ? 'Secrets are written as { "env": "VARIABLE_NAME" } and read from the environment.'
        : 'See DESIGN.md §CLI for the config shape, or run `custcode demo` for a working example.',
  });
}
