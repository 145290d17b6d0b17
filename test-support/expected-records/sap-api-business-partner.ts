/**
 * SAP S/4HANA's API_BUSINESS_PARTNER (OData V2), written by hand from the service's entity types (the SAP
 * Cloud SDK's generated Customer / CustomerCompany / BusinessPartner / BusinessPartnerAddress /
 * AddressPhoneNumber types) and the adapter README's field table — not from the mapping or the emulator's
 * seeder. Read per company code (A_CustomerCompany). Edm.DateTime values are `/Date(ms)/` of the date at
 * 00:00 UTC (how Gateway writes an ABAP date); LastChangeTime is Edm.Time. Booleans are JSON booleans.
 * The service has no account-group or region texts, so category and region are the codes.
 */
import type { ExpectedRecords } from '../backend-matrix/matrix-backend.js';

const customer = (values: Record<string, unknown>) => ({
  CustomerName: '',
  CustomerFullName: '',
  CustomerAccountGroup: 'KUNA',
  CustomerClassification: '',
  CreationDate: null,
  DeletionIndicator: false,
  PostingIsBlocked: false,
  OrderIsBlockedForCustomer: '',
  DeliveryIsBlocked: '',
  BillingIsBlockedForCustomer: '',
  TaxNumber1: '',
  TaxNumber2: '',
  TaxNumber3: '',
  TaxNumber4: '',
  TaxNumber5: '',
  VATRegistration: '',
  AuthorizationGroup: '',
  ...values,
});

const phone = (OrdinalNumber: string, PhoneNumber: string, IsDefaultPhoneNumber: boolean, PhoneNumberExtension = '') => ({ AddressID: '1', Person: '', OrdinalNumber, PhoneNumber, PhoneNumberExtension, IsDefaultPhoneNumber });

const partner = (Customer: string, values: Record<string, unknown>, addresses: Array<Record<string, unknown>>) => ({
  BusinessPartner: Customer.replace(/^0+/, '').padStart(10, '0'),
  Customer,
  SearchTerm1: '',
  LastChangeDate: null,
  LastChangeTime: 'PT00H00M00S',
  BusinessPartnerIsBlocked: false,
  ...values,
  to_BusinessPartnerAddress: { results: addresses.map((address) => ({ StreetName: '', HouseNumber: '', PostalCode: '', CityName: '', Region: '', Country: 'CN', to_PhoneNumber: { results: [] }, ...address })) },
});

const xingchen = {
  source: 'sap',
  erp: 'sap' as const,
  code: '1000',
  name: '北京星辰科技有限公司',
  shortName: '星辰',
  taxId: '91110108MA01ABCD1X',
  // The default number of the standard address, with its extension (as KNA1-TELF1 holds it).
  phone: '010-62880001-8',
  // Street and house number, then postal code and city.
  address: '中关村大街 27号, 100080 北京市',
  category: 'KUNA',
  region: '110',
  createdAt: '2024-08-01T00:00:00',
  // LastChangeDate 2024-09-01 + LastChangeTime 14:30:05, the ERP's local time.
  updatedAt: '2024-09-01T14:30:05',
};

export const SAP_ODATA_EXPECTED_RECORDS: ExpectedRecords = {
  layout: 'sap-api-business-partner',
  tables: {
    A_Customer: [
      // An 18-character USCC is the VAT registration number; TaxNumber1 is empty.
      customer({ Customer: '0000001000', CustomerName: '北京星辰科技有限公司', CustomerFullName: '北京星辰科技有限公司', VATRegistration: '91110108MA01ABCD1X', CreationDate: '/Date(1722470400000)/' }),
      customer({ Customer: 'C-200', CustomerName: "O'Brien Trading Co., Ltd.", CustomerFullName: "O'Brien Trading Co., Ltd.", CustomerAccountGroup: 'KUAU', TaxNumber1: 'IE6388047V', DeletionIndicator: true, CreationDate: '/Date(1647475200000)/' }),
      customer({ Customer: '0000001002', CustomerName: 'ＡＢＣ商贸有限公司', CustomerFullName: 'ＡＢＣ商贸有限公司', OrderIsBlockedForCustomer: '01', CreationDate: '/Date(1683244800000)/' }),
      // Not extended to any company code: no record in a company-code scope.
      customer({ Customer: '0000001003', CustomerName: '仅销售视图客户', CustomerFullName: '仅销售视图客户', PostingIsBlocked: true }),
    ],
    A_BusinessPartner: [
      partner('0000001000', { SearchTerm1: '星辰', LastChangeDate: '/Date(1725148800000)/', LastChangeTime: 'PT14H30M05S' }, [
        { AddressID: '1', StreetName: '中关村大街', HouseNumber: '27号', PostalCode: '100080', CityName: '北京市', Region: '110', to_PhoneNumber: { results: [phone('1', '010-11111111', false), phone('2', '010-62880001', true, '8')] } },
      ]),
      // Two addresses: the standard one has the lowest AddressID.
      partner('C-200', { SearchTerm1: 'OBRIEN' }, [
        { AddressID: '7', StreetName: 'Harbour Road', HouseNumber: '3', PostalCode: 'D02', CityName: 'Dublin', Country: 'IE' },
        { AddressID: '2', StreetName: "O'Connell Street", HouseNumber: '12', CityName: 'Dublin', Country: 'IE', to_PhoneNumber: { results: [phone('1', '+353 1 555 0100', false)] } },
      ]),
      partner('0000001002', { SearchTerm1: 'ＡＢＣ' }, []),
      partner('0000001003', {}, []),
    ],
    A_CustomerCompany: [
      { Customer: '0000001000', CompanyCode: '1000', DeletionIndicator: false, PostingIsBlocked: false },
      { Customer: '0000001000', CompanyCode: '2000', DeletionIndicator: false, PostingIsBlocked: true },
      { Customer: 'C-200', CompanyCode: '1000', DeletionIndicator: false, PostingIsBlocked: false },
      { Customer: '0000001002', CompanyCode: '1000', DeletionIndicator: false, PostingIsBlocked: false },
      { Customer: '0000001002', CompanyCode: '3000', DeletionIndicator: true, PostingIsBlocked: false },
    ],
    A_CustomerSalesArea: [{ Customer: '0000001003', SalesOrganization: '1000', DistributionChannel: '10', Division: '00', DeletionIndicator: false, OrderIsBlockedForCustomer: '' }],
  },
  customers: [
    { ...xingchen, status: 'active', org: '1000' },
    // Posting block in company code 2000 only.
    { ...xingchen, status: 'blocked', org: '2000' },
    // Deleted centrally; the only phone is not marked default, so it is the one; no change date: no updatedAt.
    { source: 'sap', erp: 'sap', code: 'C-200', name: "O'Brien Trading Co., Ltd.", shortName: 'OBRIEN', taxId: 'IE6388047V', phone: '+353 1 555 0100', address: "O'Connell Street 12, Dublin", category: 'KUAU', status: 'deleted', createdAt: '2022-03-17T00:00:00', org: '1000' },
    { source: 'sap', erp: 'sap', code: '1002', name: 'ＡＢＣ商贸有限公司', shortName: 'ＡＢＣ', category: 'KUNA', status: 'blocked', createdAt: '2023-05-05T00:00:00', org: '1000' },
    // Central order block, and marked for deletion in company code 3000: deleted there.
    { source: 'sap', erp: 'sap', code: '1002', name: 'ＡＢＣ商贸有限公司', shortName: 'ＡＢＣ', category: 'KUNA', status: 'deleted', createdAt: '2023-05-05T00:00:00', org: '3000' },
  ],
  lookups: [
    { code: '1000', org: '1000' },
    { code: '1002', org: '1000' },
    { code: 'C-200', org: '1000' },
  ],
  rawChecks: [
    { code: '1000', org: '1000', raw: { Customer: '0000001000', VATRegistration: '91110108MA01ABCD1X', 'A_BusinessPartnerAddress-Region': '110', 'A_CustomerCompany-CompanyCode': '1000' } },
    { code: 'C-200', org: '1000', raw: { Customer: 'C-200', DeletionIndicator: 'true', 'A_BusinessPartner-SearchTerm1': 'OBRIEN' } },
  ],
};
