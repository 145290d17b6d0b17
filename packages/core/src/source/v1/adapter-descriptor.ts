import { z } from 'zod';
import type { Customer } from '../../customer/customer-schema.js';
import type { ErpKind } from '../../customer/erp-kind.js';
import type { SeedCustomer } from '../../fixtures/seed-customer.js';
import type { CustomerSource } from './customer-source.js';

/** A secret in a config file is never the value: it names the environment variable that holds it. */
export const secretRefSchema = z.object({ env: z.string().min(1) }).strict();
export type SecretRef = z.infer<typeof secretRefSchema>;

/**
 * What the host that read the config file (the CLI) resolves for `create`: adapters never read the
 * environment or the file system's idea of "relative to the config" themselves.
 */
export interface AdapterContext {
  /** The configured source name (`Customer.source`). */
  name: string;
  /** The value of a `{ env }` reference (kept so messages can be scrubbed of it); `key` names it in errors. */
  secret(ref: SecretRef | undefined, key: string): string | undefined;
  /** A database URL from the config: refused when it holds a secret, a file path made absolute. */
  connectionUrl(url: string, key: string): string;
  /** An HTTP URL from the config, refused when it holds a secret (`secretKey` is where the secret belongs). */
  endpointUrl(url: string, key: string, secretKey: string): string;
  /** A file path from the config, made absolute against the config file's directory. */
  path(file: string): string;
}

/** Where a configured source reads from, without secrets (`custcode sources`). */
export interface SourceTarget {
  target: string;
  /**
   * Files the source reads besides a database URL's, as the config names them (relative to the config file),
   * and what each is ("the SAP emulator data"): never written over.
   */
  files?: Array<{ path: string; what: string }>;
}

/** One authorization the backend user needs, and whether it has it (SAP: S_RFC, S_TABU_NAM). */
export interface AuthorizationCheck {
  object: string;
  values: Record<string, string>;
  neededFor: string;
  required: boolean;
  status: 'granted' | 'missing' | 'failed' | 'not probed';
  exception?: string;
}

/** `sources --check` for products whose backend grants reads per object: what the user needs and has. */
export interface AuthorizationReport {
  /** The read interface checked (SAP: the function module). */
  functionModule: string;
  user?: string;
  checks: AuthorizationCheck[];
}

/**
 * Where a seeder writes: an open database in the product's table layout (`target` is a SeedTarget of
 * @custcode/sql; `url` is how a config names it) or a data file (`configPath` is how a config names it).
 */
export type SeedFixture = { kind: 'database'; target: unknown; url: string } | { kind: 'file'; path: string; configPath: string };

export interface SeededFixture {
  /** The config-file options (with `erp`) of a source that reads the fixture. */
  options: { erp: ErpKind } & Record<string, unknown>;
  /** The records such a source gives, in code order. */
  records: Customer[];
}

/** Fixtures of a product for tests and the demo; the code behind them loads from the package's `/testing` subpath. */
export interface AdapterTesting {
  /** What `seed` writes into: a database (`{ kind: 'database' }`) or a data file (`{ kind: 'file' }`). */
  fixture: SeedFixture['kind'];
  /** The demo's source name and file name for this product. */
  demo: { source: string; file: string };
  seed(fixture: SeedFixture, customers: SeedCustomer[], options: { source: string }): Promise<SeededFixture>;
  /** The product's backend in process, where there is one (SAP: an RFC client over seeded tables). */
  emulator?(...args: never[]): Promise<unknown>;
}

/**
 * One ERP product as a config file names it (`"erp": "yonyou-u8"`): everything a host needs to validate a
 * config entry, open it, list it, check it and seed a demo of it. Adapter packages export one per product;
 * the CLI keeps a registry line per descriptor.
 */
export interface AdapterDescriptor<Options extends { erp: ErpKind } = { erp: ErpKind } & Record<string, unknown>> {
  erp: ErpKind;
  /** The product as a person names it: "Yonyou U8", "Kingdee K/3 Cloud". */
  label: string;
  /** The config-file entry (`erp` included; secrets as `{ env }`, URLs as written): a strict zod object. */
  optionsSchema: z.ZodObject<{ erp: z.ZodLiteral<Options['erp']> } & z.core.$ZodShape, z.core.$strict>;
  /** The dialect a connection is assumed to speak when it names none (U8: mssql, NC: oracle). */
  defaultDialect?: string;
  create(options: Options, context: AdapterContext): CustomerSource | Promise<CustomerSource>;
  describe(options: Options): SourceTarget;
  /** `sources --check`: the authorizations the backend user needs, probed. */
  checkAuthorizations?(options: Options, context: AdapterContext): Promise<AuthorizationReport>;
  testing: AdapterTesting;
}
