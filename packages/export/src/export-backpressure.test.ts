import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { Customer } from '@custcode/core';
import { writeCsv, writeJson, writeNdjson } from './index.js';
import { writeXlsx } from './xlsx/index.js';

const TOTAL = 20_000;

/** A destination that accepts nothing until released, like a slow disk or a full pipe. */
function stalledOutput() {
  const waiting: Array<() => void> = [];
  let released = false;
  const output = new Writable({
    highWaterMark: 4096,
    write(_chunk, _encoding, callback) {
      if (released) callback();
      else waiting.push(() => callback());
    },
  });
  return {
    output,
    release() {
      released = true;
      for (const callback of waiting.splice(0)) callback();
    },
  };
}

async function* rows(counter: { produced: number }): AsyncGenerator<Customer> {
  for (let index = 0; index < TOTAL; index++) {
    counter.produced += 1;
    yield { source: 's', erp: 'file', code: `C${String(index).padStart(8, '0')}`, name: `北京测试客户${index}有限公司`, status: 'active', raw: {} };
  }
}

const settle = async () => {
  for (let tick = 0; tick < 50; tick++) await new Promise((resolve) => setTimeout(resolve, 2));
};

const writers = {
  csv: writeCsv,
  json: writeJson,
  ndjson: writeNdjson,
  xlsx: writeXlsx,
} as const;

describe('export writers respect back-pressure', () => {
  for (const [format, write] of Object.entries(writers)) {
    it(`${format}: stops reading rows while the output is full, then finishes`, async () => {
      const counter = { produced: 0 };
      const { output, release } = stalledOutput();
      const done = write(rows(counter), output);
      await settle();
      // Without back-pressure the whole source would have been read into buffers by now.
      expect(counter.produced).toBeLessThan(TOTAL / 2);
      release();
      expect(await done).toBe(TOTAL);
    });
  }
});
