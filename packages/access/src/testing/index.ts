// Data and oracles of the access matrices (row filters and masks on every path), for each package's matrix tests.
export { accessMatrixSeed, leakedNeedles, maskNeedles, ROW_FILTER_CASES, type RowFilterCase } from './access-matrix.js';
