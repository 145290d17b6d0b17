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

/**
 * What a call without S_RFC for the module raises: AUTHORITY_CHECK_RFC's RFC_NO_AUTHORITY ends the call in a
 * runtime error (SAP help, "Checking RFC Authorizations"). The node-rfc shape (RFC_ABAP_RUNTIME_FAILURE,
 * code 3, key = the runtime error) follows node-rfc's ABAPError for other runtime errors; not confirmed for this one.
 */
export function rfcNoAuthority(user: string, functionModule: string, functionGroup: string | undefined): Error {
  const target = functionGroup === undefined ? `function module ${functionModule}` : `function group ${functionGroup}`;
  const error = new Error(`User ${user} has no RFC authorization for ${target}.`);
  Object.assign(error, { name: 'ABAPError', group: 2, code: 3, codeString: 'RFC_ABAP_RUNTIME_FAILURE', key: 'RFC_NO_AUTHORITY' });
  return error;
}
