import { describe, expect, it } from 'vitest';
import { escapeLike, filterStringFor, lookupFilterString, quoteLiteral } from './filter-string.js';

describe('FilterString building', () => {
  it('doubles quotes and brackets LIKE wildcards', () => {
    expect(quoteLiteral("O'Brien")).toBe("'O''Brien'");
    expect(quoteLiteral("' or 1=1 --")).toBe("''' or 1=1 --'");
    expect(escapeLike('100%_[x]')).toBe('100[%][_][[]x]');
  });

  it('puts every filter in, joined with and', () => {
    expect(
      filterStringFor({ codePrefix: 'C_', name: "O'B", phone: '010', category: '01', region: '北京', status: 'active', org: '100002' }),
    ).toBe(
      "FUseOrgId = 100002 and FNumber like 'C[_]%' and FName like '%O''B%' and FTEL like '%010%'" +
        " and (FGroup.FName = '01' or FGroup.FNumber = '01') and (FPROVINCIAL.FDataValue = '北京' or FPROVINCIAL.FNumber = '北京')" +
        " and FForbidStatus <> 'B' and FDocumentStatus not in ('Z','A','B','D')",
    );
  });

  it('bounds dates like matchesFilter: createdTo with a bare date includes the whole day', () => {
    expect(filterStringFor({ createdFrom: '2023-06-30', createdTo: '2023-06-30', updatedSince: '2024-01-01T08:00' })).toBe(
      "FCreateDate >= '2023-06-30T00:00:00' and FCreateDate < '2023-07-01T00:00:00'" +
        " and (FModifyDate >= '2024-01-01T08:00:00' or (FModifyDate is null and FCreateDate >= '2024-01-01T08:00:00'))",
    );
  });

  it('resumes after a (code, org) cursor', () => {
    expect(filterStringFor({}, { code: "K'1", org: '100002' })).toBe("(FNumber > 'K''1' or (FNumber = 'K''1' and FUseOrgId > 100002))");
    expect(filterStringFor({}, { code: 'K1' })).toBe("FNumber > 'K1'");
  });

  it('answers "nothing" without asking when no row can match', () => {
    expect(filterStringFor({ org: "1 or 1=1" })).toBe(false);
    expect(filterStringFor({ status: 'deleted' })).toBe(false);
    expect(lookupFilterString(['A'], 'ORG1')).toBe(false);
  });

  it('looks codes up in the creating org unless an org is given', () => {
    expect(lookupFilterString(['A', "B'"], undefined)).toBe("FNumber in ('A','B''') and FUseOrgId = FCreateOrgId");
    expect(lookupFilterString(['A'], '100003')).toBe("FNumber in ('A') and FUseOrgId = 100003");
  });
});
