import { kna1Name } from '../mappings/kna1-mapping.js';
import { encodeODataDate, encodeODataTime } from '../odata/odata-date.js';
import type { ODataEntity } from '../odata/odata-entities.js';
import type { SapRow, SapTables } from './ddic.js';

/** The entity sets of the OData emulator: what API_BUSINESS_PARTNER shows of KNA1/KNB1/KNVV and the business partner. */
export interface ODataEntitySets {
  A_Customer: ODataEntity[];
  A_BusinessPartner: ODataEntity[];
  A_CustomerCompany: ODataEntity[];
  A_CustomerSalesArea: ODataEntity[];
}

const value = (row: SapRow, field: string) => (row[field] ?? '').trim();
const dateOf = (dats: string) => (/^\d{8}$/.test(dats) && dats !== '00000000' ? encodeODataDate(`${dats.slice(0, 4)}-${dats.slice(4, 6)}-${dats.slice(6, 8)}`) : null);

/**
 * The same data the RFC emulator serves, as S/4HANA's customer-vendor integration would show it through
 * API_BUSINESS_PARTNER: one business partner per customer (same number), its standard address from the KNA1
 * address fields (STRAS as StreetName), TELF1 as the default phone number. KNA1 has no change date:
 * `lastChanged` (KUNNR → local `YYYY-MM-DDTHH:mm:ss`) gives the business partners' LastChangeDate/Time, else null.
 */
export function odataEntitySetsOf(tables: SapTables, options: { lastChanged?: ReadonlyMap<string, string> } = {}): ODataEntitySets {
  const A_Customer = tables.KNA1.map((row) => ({
    Customer: value(row, 'KUNNR'),
    CustomerName: value(row, 'NAME1'),
    CustomerFullName: kna1Name(row),
    CustomerAccountGroup: value(row, 'KTOKD'),
    CustomerClassification: value(row, 'KUKLA'),
    CreationDate: dateOf(value(row, 'ERDAT')),
    DeletionIndicator: value(row, 'LOEVM') !== '',
    PostingIsBlocked: value(row, 'SPERR') !== '',
    OrderIsBlockedForCustomer: value(row, 'AUFSD'),
    DeliveryIsBlocked: value(row, 'LIFSD'),
    BillingIsBlockedForCustomer: value(row, 'FAKSD'),
    TaxNumber1: value(row, 'STCD1'),
    TaxNumber2: value(row, 'STCD2'),
    TaxNumber3: value(row, 'STCD3'),
    TaxNumber4: value(row, 'STCD4'),
    TaxNumber5: value(row, 'STCD5'),
    VATRegistration: value(row, 'STCEG'),
    AuthorizationGroup: value(row, 'BEGRU'),
  }));
  const A_BusinessPartner = tables.KNA1.map((row) => {
    const kunnr = value(row, 'KUNNR');
    const changed = options.lastChanged?.get(kunnr);
    const phone = value(row, 'TELF1');
    return {
      BusinessPartner: kunnr,
      Customer: kunnr,
      SearchTerm1: value(row, 'SORTL'),
      LastChangeDate: changed ? encodeODataDate(changed.slice(0, 10)) : null,
      LastChangeTime: changed ? encodeODataTime(changed.slice(11, 19) || '00:00:00') : 'PT00H00M00S',
      BusinessPartnerIsBlocked: false,
      to_BusinessPartnerAddress: {
        results: [
          {
            BusinessPartner: kunnr,
            AddressID: '1',
            StreetName: value(row, 'STRAS'),
            HouseNumber: '',
            PostalCode: value(row, 'PSTLZ'),
            CityName: value(row, 'ORT01'),
            Region: value(row, 'REGIO'),
            Country: value(row, 'LAND1'),
            to_PhoneNumber: { results: phone === '' ? [] : [{ AddressID: '1', Person: '', OrdinalNumber: '1', PhoneNumber: phone, PhoneNumberExtension: '', IsDefaultPhoneNumber: true }] },
          },
        ],
      },
    };
  });
  const A_CustomerCompany = (tables.KNB1 ?? []).map((row) => ({
    Customer: value(row, 'KUNNR'),
    CompanyCode: value(row, 'BUKRS'),
    DeletionIndicator: value(row, 'LOEVM') !== '',
    PostingIsBlocked: value(row, 'SPERR') !== '',
  }));
  const A_CustomerSalesArea = (tables.KNVV ?? []).map((row) => ({
    Customer: value(row, 'KUNNR'),
    SalesOrganization: value(row, 'VKORG'),
    DistributionChannel: value(row, 'VTWEG'),
    Division: value(row, 'SPART'),
    DeletionIndicator: value(row, 'LOEVM') !== '',
    OrderIsBlockedForCustomer: value(row, 'AUFSD'),
  }));
  return { A_Customer, A_BusinessPartner, A_CustomerCompany, A_CustomerSalesArea };
}
