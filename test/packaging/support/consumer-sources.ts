/**
 * The files a user of the published packages writes: a lookup script (ESM and CommonJS) and TypeScript
 * modules that import every entry of every package.
 */
import { specifierOf, type WorkspacePackage } from './workspace-packages.js';

/** `node lookup DATABASE CODE`: the U8 customer with that code, and whether a bad option is a typed error. */
const lookupBody = `
let typedError = false;
try {
  createYonyouSource({ name: 'bad', product: 'u9', connection: 'sqlite:' + database });
} catch (error) {
  typedError = isCustcodeError(error, 'CONFIG_INVALID');
}
const u8 = createYonyouSource({ name: 'u8', product: 'u8', connection: 'sqlite:' + database });
async function lookup() {
  try {
    const customer = await u8.get(code);
    console.log(JSON.stringify({ code: customer?.code, name: customer?.name, erp: customer?.erp, typedError }));
  } finally {
    await u8.close();
  }
}
`;

const esmScript = `import { createYonyouSource } from '@custcode/adapter-yonyou';
import { isCustcodeError } from '@custcode/core';

const [database, code] = process.argv.slice(2);
${lookupBody}
await lookup();
`;

const cjsScript = `const { createYonyouSource } = require('@custcode/adapter-yonyou');
const { isCustcodeError } = require('@custcode/core');

const [database, code] = process.argv.slice(2);
${lookupBody}
lookup().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
`;

/** Every `exports` subpath of every package, with whether it has a `require` condition. */
function entries(packages: readonly WorkspacePackage[]): Array<{ specifier: string; requirable: boolean }> {
  return packages.flatMap(({ manifest }) =>
    Object.entries(manifest.exports).map(([subpath, conditions]) => ({ specifier: specifierOf(manifest.name, subpath), requirable: conditions.require !== undefined })),
  );
}

/** An ES module (the project is `"type": "module"`): the `import` conditions' types. */
function typescriptEsm(packages: readonly WorkspacePackage[]): string {
  const all = entries(packages);
  return `${all.map(({ specifier }, index) => `import * as entry${index} from '${specifier}';`).join('\n')}
import { createMemorySource, type Customer, type CustomerSource } from '@custcode/core';
import { createYonyouSource } from '@custcode/adapter-yonyou';

const source: CustomerSource = createMemorySource({ name: 'crm', erp: 'generic-sql', customers: [] });
const customer: Customer | undefined = await source.get('KH202401');
// @ts-expect-error a Customer has no such field: the types are the real ones, not any
const missing: string = customer?.noSuchField;
// @ts-expect-error U8 and NC are the Yonyou products
createYonyouSource({ name: 'u9', product: 'u9', connection: 'sqlite:u9.sqlite' });

export const loaded = [${all.map((_, index) => `entry${index}`).join(', ')}, missing];
`;
}

/** A CommonJS module (`.cts`): the `require` conditions' types. */
function typescriptCjs(packages: readonly WorkspacePackage[]): string {
  const requirable = entries(packages).filter((entry) => entry.requirable);
  return `${requirable.map(({ specifier }, index) => `import entry${index} = require('${specifier}');`).join('\n')}
import core = require('@custcode/core');

const source: core.CustomerSource = core.createMemorySource({ name: 'crm', customers: [] });
// @ts-expect-error a memory source needs its customers
core.createMemorySource({ name: 'crm' });

export = [${requirable.map((_, index) => `entry${index}`).join(', ')}, source];
`;
}

export const consumerSources = { esmScript, cjsScript, typescriptEsm, typescriptCjs };
