/**
 * Test vectors for 统一社会信用代码 (USCC, GB 32100-2015), copied exactly from:
 * - arthurdejong/python-stdnum tests/test_cn_uscc.doctest ("These have been found online and should
 *   all be valid numbers"), LGPL-2.1, © Arthur de Jong and contributors;
 * - ntnyq/uscc-utils README (MIT) for 91110108551385082Q;
 * - winjs-dev/cloud-utils src/isUnifiedSocialCreditCode.ts for 91230184MA1BUFLT44 and 92371000MA3MXH0E3W
 *   (their checksums confirmed independently).
 * Collected in the project's identifier-validation research (anchors, §3.2).
 */
export const VALID_USCC_VECTORS: readonly string[] = [
  '91110000600037341L',
  '121200004013590816',
  '91110000710926094P',
  '91120224064012553U',
  '91152201078371135X',
  '9115220107837757XE',
  '91310115MA1K3BTP2B',
  '9144030071526726XG',
  '91420684MA4927PJ7B',
  '911522010783762860',
  '91340600MA2PBP2120',
  '91340621MA2PBPM870',
  '9162010558590643X0',
  '91620105L015101280',
  '92340603MA2UK1TD00',
  '92340603MA2UK2TA90',
  '92340604MA2PENA300',
  '92340621MA2UK3PJXE',
  '91110108551385082Q',
  '91230184MA1BUFLT44',
  '92371000MA3MXH0E3W',
];

/** Invalid or edge cases from the python-stdnum doctest and koblas/stdnum-js src/cn/uscc.spec.ts (MIT). */
export const INVALID_USCC_VECTORS: readonly { code: string; kind: 'check' | 'charset' | 'length' }[] = [
  { code: '91110000600037341N', kind: 'check' },
  { code: '9111000060003IOZSV', kind: 'charset' },
  { code: '12345', kind: 'length' },
  { code: '91110000600037342L', kind: 'check' },
  // Hard-coded as an accepted exception by 02020/vite learn/utils/validateSocialCreditCode.js, yet fails the checksum.
  { code: '91350203M0001QAY9B', kind: 'check' },
];

/** Valid only after compacting (python-stdnum `compact()` strips spaces and '-'). */
export const SPACED_USCC_VECTOR = '91 110000 600037341L';
