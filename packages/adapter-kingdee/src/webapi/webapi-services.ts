/** Service paths below the K/3 Cloud base URL (`http://host/k3cloud/`). */
export const WEBAPI_SERVICES = {
  validateUser: 'Kingdee.BOS.WebApi.ServicesStub.AuthService.ValidateUser.common.kdsvc',
  loginByAppSecret: 'Kingdee.BOS.WebApi.ServicesStub.AuthService.LoginByAppSecret.common.kdsvc',
  executeBillQuery: 'Kingdee.BOS.WebApi.ServicesStub.DynamicFormService.ExecuteBillQuery.common.kdsvc',
} as const;

/** The largest `Limit` K/3 Cloud serves per ExecuteBillQuery page. */
export const MAX_PAGE_ROWS = 2000;

export interface BillQuery {
  FormId: string;
  FieldKeys: string;
  FilterString: string;
  OrderString: string;
  TopRowCount: number;
  StartRow: number;
  Limit: number;
  SubSystemId: string;
}
