import { type AccessPolicy, createMemoryAccessLog, hashApiKey } from '@custcode/access';
import { type Customer, type CustomerQuery, type CustomerSource, createMemorySource } from '@custcode/core';
import { createCustcodeApp } from '../create-app.js';
import type { ServerSourceEntry } from '../server-options.js';

/** Test-only fixtures: a small customer set over two orgs, three roles with keys, and a request helper. */
export const API_KEYS = { viewer: 'viewer-key-0001', analyst: 'analyst-key-0002', admin: 'admin-key-0003' } as const;

export function fixtureCustomers(): Customer[] {
  const customer = (code: string, name: string, org: string, phone: string, status: Customer['status'] = 'active'): Customer => ({
    source: 'k3', erp: 'kingdee-k3cloud', code, name, shortName: name.slice(0, 4), taxId: `91110108MA01C${code.slice(-4)}1L`, phone, contact: '王小明',
    category: 'A', region: '01', status, org, createdAt: '2024-03-01T09:00:00', raw: { FNUMBER: code, FTEL: phone, FCONTACT: '王小明' },
  });
  return [
    customer('C0001', '北京华信科技有限公司', '100001', '13800000001'),
    customer('C0002', '上海浦东发展有限公司', '100002', '13800000002'),
    customer('C0003', 'Acme Trading Ltd', '100002', '13800000003', 'blocked'),
    customer('C0004', '广州测试贸易公司', '100002', '13800000004'),
    customer('C0005', '深圳前海科技有限公司', '100002', '13800000005'),
  ];
}

export const fixturePolicy: AccessPolicy = {
  roles: {
    viewer: { sources: { k3: { commands: ['get', 'search'], mask: ['taxId', 'phone', 'contact'], filter: { org: '100002' } } } },
    analyst: { sources: { '*': { commands: ['get', 'search', 'export', 'audit'] } } },
    admin: { sources: { '*': { commands: '*' } } },
  },
  users: {
    vera: { role: 'viewer', apiKey: { sha256: hashApiKey(API_KEYS.viewer) } },
    anna: { role: 'analyst', apiKey: { env: 'ANNA_KEY' } },
    root: { role: 'admin', apiKey: { sha256: hashApiKey(API_KEYS.admin) } },
  },
};

export const entryOf = (source: CustomerSource, label?: string): ServerSourceEntry => ({ erp: source.erp, ...(label === undefined ? {} : { label }), open: async () => ({ source, secrets: [] }) });

export function fixtureApp(options: { policy?: AccessPolicy | undefined; sources?: Record<string, ServerSourceEntry> } = {}) {
  const accessLog = createMemoryAccessLog();
  const sources = options.sources ?? { k3: entryOf(createMemorySource({ name: 'k3', erp: 'kingdee-k3cloud', customers: fixtureCustomers(), pageSize: 2 }), 'Kingdee K/3 Cloud (T_BD_CUSTOMER)') };
  const custcode = createCustcodeApp({
    sources,
    ...('policy' in options ? (options.policy ? { policy: options.policy } : {}) : { policy: fixturePolicy }),
    accessLog,
    env: { ANNA_KEY: API_KEYS.analyst },
    views: { 'active-100002': { source: 'k3', org: '100002', status: 'active' } },
    allowedHosts: ['custcode.test'],
  });
  const request = async (path: string, init: RequestInit & { key?: string } = {}) => {
    const { key, ...rest } = init;
    const headers = new Headers(rest.headers);
    if (key !== undefined) headers.set('authorization', `Bearer ${key}`);
    return custcode.fetch(new Request(`http://custcode.test${path}`, { ...rest, headers }));
  };
  return { custcode, accessLog, request };
}

/**
 * A memory source whose search hands over the first record, then waits for `release` before the rest:
 * a request is under way, by a known point, when the test acts. `waiting` resolves once it waits.
 */
export function gatedSource(customers: Customer[]) {
  const memory = createMemorySource({ name: 'k3', erp: 'kingdee-k3cloud', customers });
  let release: () => void = () => undefined;
  let arrived: () => void = () => undefined;
  const gate = new Promise<void>((resolve) => (release = resolve));
  const waiting = new Promise<void>((resolve) => (arrived = resolve));
  const source: CustomerSource = {
    ...memory,
    search: (query?: CustomerQuery) => (async function* () {
      let index = 0;
      for await (const customer of memory.search(query)) {
        if (index++ === 1) {
          arrived();
          await gate;
        }
        yield customer;
      }
    })(),
  };
  return { source, release, waiting };
}
