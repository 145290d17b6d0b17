// Types of set-version.mjs, for the TypeScript test that runs it.
/** Sets `version` on every package under `root`/packages and on their dependencies on each other; returns the manifests written. */
export declare function setVersion(root: string, version: string): string[];
