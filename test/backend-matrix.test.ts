/**
 * The backend matrix: every backend reachable here × every adapter and ERP table layout. For each pair
 * the adapter runs the conformance suite of @custcode/core (seeded with the canonical customers) and,
 * once per layout, reads a small hand-written table whose expected records were written from the ERP's
 * documentation (test-support/expected-records). MariaDB and PostgreSQL run when CUSTCODE_MARIADB_URL /
 * CUSTCODE_POSTGRES_URL are set; otherwise their suites register as skipped with the reason printed.
 */
import { testCustomerSource } from '@custcode/core/testing';
import { testBackends } from '../test-support/backends.js';
import { GENERIC_SQL_ENTRIES, GENERIC_SQL_GOLDEN } from '../test-support/backend-matrix/generic-sql.js';
import { KINGDEE_ENTRIES, KINGDEE_GOLDEN } from '../test-support/backend-matrix/kingdee.js';
import { emulatorBackend, sqlMatrixBackend, type GoldenEntry, type MatrixBackend, type MatrixEntry } from '../test-support/backend-matrix/matrix-backend.js';
import { ORACLE_ENTRIES, ORACLE_GOLDEN } from '../test-support/backend-matrix/oracle-ebs.js';
import { SAP_ENTRIES, SAP_GOLDEN } from '../test-support/backend-matrix/sap.js';
import { SAP_ODATA_ENTRIES, SAP_ODATA_GOLDEN } from '../test-support/backend-matrix/sap-odata.js';
import { testExpectedRecords } from '../test-support/backend-matrix/test-expected-records.js';
import { YONYOU_ENTRIES, YONYOU_GOLDEN } from '../test-support/backend-matrix/yonyou.js';

const BACKENDS: MatrixBackend[] = [
  // SQLite always; MariaDB and PostgreSQL when their URL is set.
  ...testBackends().map(sqlMatrixBackend),
  // SAP's RFC_READ_TABLE and K/3 Cloud's ExecuteBillQuery, emulated in-process; SAP's API_BUSINESS_PARTNER on a local HTTP port.
  emulatorBackend('sap-rfc-emulator'),
  emulatorBackend('sap-odata-emulator'),
  emulatorBackend('k3cloud-webapi-emulator'),
];

/**
 * Adapter × layout: SAP KNA1 (RFC and OData), EBS TCA, U8 Customer, NC bd_customer, K/3 Cloud T_BD_CUSTOMER (SQL and
 * WebAPI), K/3 WISE t_Organization, generic-sql. Each entry names the backends it runs on.
 */
const ENTRIES: MatrixEntry[] = [...SAP_ENTRIES, ...SAP_ODATA_ENTRIES, ...ORACLE_ENTRIES, ...YONYOU_ENTRIES, ...KINGDEE_ENTRIES, ...GENERIC_SQL_ENTRIES];
const EXPECTED_RECORDS: GoldenEntry[] = [...SAP_GOLDEN, ...SAP_ODATA_GOLDEN, ...ORACLE_GOLDEN, ...YONYOU_GOLDEN, ...KINGDEE_GOLDEN, ...GENERIC_SQL_GOLDEN];

for (const backend of BACKENDS) {
  for (const entry of ENTRIES) {
    if (!entry.runsOn.includes(backend.name)) continue;
    // A backend that is not reachable is still listed: its suite is registered as skipped with the reason.
    testCustomerSource({ ...entry.conformance(backend), name: `${entry.label} on ${backend.name}`, unavailable: backend.unavailable });
  }
  for (const entry of EXPECTED_RECORDS) if (entry.runsOn.includes(backend.name)) testExpectedRecords(entry, backend);
}
