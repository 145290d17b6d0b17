import { lstatSync, readlinkSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';

/** Symlink hops followed before giving up (a loop). */
const MAX_LINKS = 40;

/**
 * The path with every symbolic link resolved — also for a file that does not exist yet (its directory is
 * resolved and the name kept) and for a dangling link (followed to where it would write).
 */
export function canonicalPath(path: string, hops = 0): string {
  try {
    return realpathSync(path);
  } catch {
    // Missing, or a dangling link: resolved below.
  }
  if (hops > MAX_LINKS) return path;
  try {
    if (lstatSync(path).isSymbolicLink()) return canonicalPath(resolve(dirname(path), readlinkSync(path)), hops + 1);
  } catch {
    // Nothing at this name.
  }
  const parent = dirname(path);
  return parent === path ? path : join(canonicalPath(parent, hops + 1), basename(path));
}

/** What makes two names the same file: the canonical path, and for an existing file its device and inode (hard links). */
export interface FileIdentity {
  path: string;
  device?: number;
  inode?: number;
}

export function fileIdentity(path: string): FileIdentity {
  const canonical = canonicalPath(path);
  try {
    const stats = statSync(canonical);
    return { path: canonical, device: stats.dev, inode: stats.ino };
  } catch {
    return { path: canonical };
  }
}

export function sameFile(a: FileIdentity, b: FileIdentity): boolean {
  if (a.path === b.path) return true;
  // Some file systems report inode 0 for every file: no proof of anything.
  return a.inode !== undefined && a.inode !== 0 && a.inode === b.inode && a.device === b.device;
}
