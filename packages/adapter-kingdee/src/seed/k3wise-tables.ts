import { pinyinInitials } from '@custcode/core/adapter';
import { projectSeedCustomer, type SeedCustomer } from '@custcode/core/fixtures';
import { type Customer, type CustomerField } from '@custcode/core';
import {
  K3WISE_CUSTOMER_ITEM_CLASS,
  K3WISE_ITEM_PROPERTY_TYPE,
  K3WISE_STATUS_IN_USE,
} from '../mappings/k3wise-organization-mapping.js';
import type { TableRows } from './k3cloud-tables.js';

export interface K3WiseSeedOptions {
  /** `Customer.source` of the expected records. */
  source?: string;
}

export interface K3WiseSeedData {
  tables: { t_Item: TableRows; t_Organization: TableRows; t_BaseProperty: TableRows; t_SubMessage: TableRows };
  expected: Customer[];
}

/** Fields a K/3 WISE source fills: no org (one account set per database). */
const K3WISE_FIELDS: CustomerField[] = ['source', 'erp', 'code', 'name', 'shortName', 'taxId', 'phone', 'contact', 'address', 'category', 'region', 'status', 'createdAt', 'updatedAt'];
/** A status other than 使用 (1072); the seeder writes it for blocked customers. */
const STATUS_FROZEN = 1074;
/** t_SubMessage type of regions (区域) in the seeded account set. */
const REGION_MESSAGE_TYPE = 26;
/** Item class of materials: one is seeded with a customer's number to prove the class filter. */
const MATERIAL_ITEM_CLASS = 4;

/**
 * Builds the K/3 WISE rows: one group item (FDetail = 0) per category, the customers below it
 * (FDetail = 1), `t_Organization` beside each (FTaxNum NULL or '' when there is no tax number),
 * `t_BaseProperty` only when a date is known, regions in `t_SubMessage`. Deleted customers stay, with
 * FDeleted = 1. FHelpCode holds the pinyin initials.
 */
export function buildK3WiseSeedData(customers: SeedCustomer[], options: K3WiseSeedOptions = {}): K3WiseSeedData {
  const tables: K3WiseSeedData['tables'] = { t_Item: [], t_Organization: [], t_BaseProperty: [], t_SubMessage: [] };
  const expected: Customer[] = [];
  const groups = new Map<string, number>();
  const regions = new Map<string, number>();
  let nextItemId = 1001;

  const groupId = (category: { code: string; name: string }) => {
    let id = groups.get(category.code);
    if (id === undefined) {
      id = nextItemId++;
      groups.set(category.code, id);
      tables.t_Item.push(itemRow(id, category.code, category.name, { parent: 0, detail: 0, deleted: 0 }));
    }
    return id;
  };
  const regionId = (region: { code: string; name: string }) => {
    let id = regions.get(region.code);
    if (id === undefined) {
      id = 40_001 + regions.size;
      regions.set(region.code, id);
      tables.t_SubMessage.push({ FInterID: id, FID: region.code, FName: region.name, FParentID: 0, FTypeID: REGION_MESSAGE_TYPE, FDeleted: 0 });
    }
    return id;
  };

  for (const [index, seed] of customers.entries()) {
    const parent = seed.category ? groupId(seed.category) : 0;
    const id = nextItemId++;
    const deleted = seed.status === 'deleted' ? 1 : 0;
    const status = seed.status === 'blocked' ? STATUS_FROZEN : K3WISE_STATUS_IN_USE;
    const helpCode = pinyinInitials(seed.name);
    tables.t_Item.push(itemRow(id, seed.code, seed.name, { parent, detail: 1, deleted }));
    tables.t_Organization.push({
      FItemID: id,
      FNumber: seed.code,
      FName: seed.name,
      FShortName: seed.shortName ?? null,
      // Without a tax number K/3 WISE rows hold NULL or an empty string; both read as no taxId.
      FTaxNum: seed.taxId ?? (index % 2 === 0 ? null : ''),
      FAddress: seed.address ?? null,
      FStatus: status,
      FRegionID: seed.region ? regionId(seed.region) : 0,
      FContact: seed.contact ?? null,
      FPhone: seed.phone ?? null,
      FHelpCode: helpCode,
      FDeleted: deleted,
    });
    if (seed.createdAt !== undefined || seed.updatedAt !== undefined) {
      tables.t_BaseProperty.push({
        FTypeID: K3WISE_ITEM_PROPERTY_TYPE,
        FItemID: id,
        FCreateDate: seed.createdAt ?? null,
        FCreateUser: 'administrator',
        FLastModDate: seed.updatedAt ?? null,
        FLastModUser: seed.updatedAt === undefined ? null : 'administrator',
      });
    }
    expected.push(projectSeedCustomer(seed, { source: options.source ?? 'k3wise', erp: 'kingdee-k3wise', fields: K3WISE_FIELDS }));
  }
  const first = customers[0];
  if (first) {
    // A material sharing a customer's number: only the item-class filter keeps it out.
    tables.t_Item.push({ ...itemRow(nextItemId++, first.code, `物料 ${first.name}`, { parent: 0, detail: 1, deleted: 0 }), FItemClassID: MATERIAL_ITEM_CLASS });
  }
  return { tables, expected };
}

function itemRow(id: number, number: string, name: string, shape: { parent: number; detail: number; deleted: number }) {
  return {
    FItemID: id,
    FItemClassID: K3WISE_CUSTOMER_ITEM_CLASS,
    FNumber: number,
    FName: name,
    FFullNumber: number,
    FShortNumber: number,
    FParentID: shape.parent,
    FLevel: shape.parent === 0 ? 1 : 2,
    FDetail: shape.detail,
    FDeleted: shape.deleted,
  };
}
