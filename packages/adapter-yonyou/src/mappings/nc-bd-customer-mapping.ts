import type { ColumnRef, TableMapping } from '@custcode/sql';

/**
 * `bd_customer` columns that erp-schemas.md §5 does NOT confirm for customers (they are seen on the NC
 * supplier VO). Each is mapped only when configured, so a database without them still works.
 */
export interface NcOptionalColumns {
  shortName?: string;
  taxId?: string;
  phone?: string;
  createdAt?: string;
  updatedAt?: string;
  /** Pinyin mnemonic column; `text` is pushed down to it. */
  mnemonic?: string;
}

/** The likely NC 6.x names (by analogy with the supplier VO); check them on the target system. */
export const NC_LIKELY_COLUMNS: Readonly<Required<NcOptionalColumns>> = Object.freeze({
  shortName: 'shortname',
  taxId: 'taxpayerid',
  phone: 'tel1',
  createdAt: 'creationtime',
  updatedAt: 'modifiedtime',
  mnemonic: 'mnecode',
});

export interface NcMappingOptions {
  schema?: string;
  columns?: NcOptionalColumns;
}

/**
 * NC 客户基本信息. Live rows have `COALESCE(dr,0)=0`; rows with another `dr` are reported as 'deleted'.
 * `enablestate` 2 = enabled (启用); any other value (未启用, 已停用) is 'blocked'. `pk_org` is the owning org.
 */
export function ncBdCustomerMapping(options: NcMappingOptions = {}): TableMapping {
  const columns = options.columns ?? {};
  const column = (name: string | undefined): ColumnRef | undefined => (name === undefined ? undefined : `c.${name}`);
  const fields: TableMapping['fields'] = { name: 'c.name' };
  for (const field of ['shortName', 'taxId', 'phone', 'createdAt', 'updatedAt'] as const) {
    const ref = column(columns[field]);
    if (ref !== undefined) fields[field] = ref;
  }
  const mnemonic = column(columns.mnemonic);
  const optionalRaw = [fields.shortName, fields.taxId, fields.phone, fields.createdAt, fields.updatedAt, mnemonic].filter(
    (ref): ref is ColumnRef => typeof ref === 'string',
  );
  return {
    erp: 'yonyou-nc',
    table: options.schema ? `${options.schema}.bd_customer` : 'bd_customer',
    alias: 'c',
    code: 'c.code',
    codeForm: 'as-is',
    fields,
    ...(mnemonic === undefined ? {} : { mnemonic }),
    status: {
      deleted: { all: [{ column: 'c.dr', isNotNull: true }, { column: 'c.dr', notEquals: 0 }] },
      blocked: { column: 'c.enablestate', notEquals: 2 },
    },
    org: {
      kind: 'column',
      column: 'c.pk_org',
      scope: 'org',
      withoutOrgDescription: 'every org: bd_customer holds one row per customer, owned by its pk_org',
    },
    raw: [
      'c.pk_customer',
      'c.code',
      'c.name',
      'c.pk_group',
      'c.pk_org',
      'c.pk_custclass',
      'c.enablestate',
      'c.dr',
      ...optionalRaw,
    ],
  };
}
