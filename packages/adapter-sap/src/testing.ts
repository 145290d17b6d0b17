// Fixtures for tests and the demo: the RFC_READ_TABLE emulator and the KNA1/KNB1/KNVV seeder (not the runtime entry).
export * from './emulator/index.js';
