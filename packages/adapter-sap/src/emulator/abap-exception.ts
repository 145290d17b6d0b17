/**
 * An ABAP exception as node-rfc rejects it: an Error with `name: 'ABAPError'`, `code: 5`,
 * `codeString: 'RFC_ABAP_EXCEPTION'` and `key` = the exception name (shape of node-rfc 2.x/3.x `ABAPError`;
 * no real SAP system was available to confirm it, see the README).
 */
export interface AbapExceptionShape {
  name: 'ABAPError';
  group: number;
  code: number;
  codeString: string;
  key: string;
  message: string;
  abapMsgClass: string;
  abapMsgType: string;
  abapMsgNumber: string;
  abapMsgV1: string;
  abapMsgV2: string;
  abapMsgV3: string;
  abapMsgV4: string;
}

export function abapException(key: string): Error & AbapExceptionShape {
  const error = new Error(key) as Error & AbapExceptionShape;
  Object.assign(error, {
    name: 'ABAPError',
    group: 5,
    code: 5,
    codeString: 'RFC_ABAP_EXCEPTION',
    key,
    abapMsgClass: '',
    abapMsgType: '',
    abapMsgNumber: '000',
    abapMsgV1: '',
    abapMsgV2: '',
    abapMsgV3: '',
    abapMsgV4: '',
  });
  return error;
}

/** What node-rfc reports when the function module does not exist in the called system. */
export function functionNotFound(functionModule: string): Error {
  const error = new Error(`ID:FL Type:E Number:046 ${functionModule}`);
  Object.assign(error, { name: 'RfcLibError', group: 3, code: 17, codeString: 'RFC_NOT_FOUND', key: 'FU_NOT_FOUND' });
  return error;
}
