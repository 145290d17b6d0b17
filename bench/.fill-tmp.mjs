import { ensureMariadb, ensureSqlite } from '/work/main/bench/lib/bench-database.mjs';
const log = (m) => console.error(new Date().toISOString(), m);
console.log(await ensureMariadb(log));
console.log(await ensureSqlite(log));
