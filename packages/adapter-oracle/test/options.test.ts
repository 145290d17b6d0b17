import { describe, expect, it } from 'vitest';
import { expectConfigErrors } from '../../../test-support/config-errors.js';
import { createOracleEbsSource, type OracleEbsOptions } from '../src/index.js';

describe('createOracleEbsSource options', () => {
  it('rejects bad options with a ConfigError naming the key, never echoing values', () => {
    const cases: Array<[unknown, string]> = [
      [{ connection: 'oracle://apps@h/EBS' }, 'name'],
      [{ name: 'ebs', connection: 'oracle://apps@h/EBS', nameColumn: 'CUSTOMER_NAME' }, 'nameColumn'],
      [{ name: 'ebs', connection: 'oracle://apps@h/EBS', org: 'Vision Operations' }, 'org'],
      [{ name: 'ebs', connection: 'oracle://apps@h/EBS', shortNameColumn: 'KNOWN_AS; DROP' }, 'shortNameColumn'],
      [{ name: 'ebs', connection: 'oracle://apps@h/EBS', password: 'S3cr3t-pw', orgId: '204' }, ''],
    ];
    expectConfigErrors((options) => createOracleEbsSource(options as OracleEbsOptions), cases);
  });

  it('describes an Oracle source without connecting: operating-unit scope, change tracking, thin-mode driver', () => {
    const description = createOracleEbsSource({ name: 'ebs', connection: 'oracle://apps@ebs.example:1521/EBSPROD' }).describe();
    expect(description.erp).toBe('oracle-ebs');
    expect(description.orgScope.kind).toBe('operating-unit');
    expect(description.changeTracking).toBe('modified-column');
    expect(description.details.dialect).toBe('oracle');
    expect(description.fields).not.toContain('shortName');
    expect(description.unsupportedFilters).toContain('region');
    // ACCOUNT_NAME is another name (often the short one): masking the name or short name masks it.
    expect(description.rawColumns).toEqual({
      code: ['ACCOUNT_NUMBER'],
      name: ['PARTY_NAME', 'ACCOUNT_NAME'],
      category: ['CUSTOMER_CLASS_CODE'],
      org: ['ORG_ID'],
      shortName: ['ACCOUNT_NAME'],
    });
  });

  it('a client without a dialect is taken to be oracledb', () => {
    const source = createOracleEbsSource({ name: 'ebs', connection: { client: { execute: async () => ({ rows: [] }) } } });
    expect(source.describe().details.dialect).toBe('oracle');
  });
});
