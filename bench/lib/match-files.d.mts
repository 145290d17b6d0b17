import type { Customer } from '@custcode/core';
import type { IndexedTruth } from './match-data.mjs';

export function matchDataDir(perSource: number, seed?: number): string;
export function writeMatchData(options: { perSource: number; seed?: number; sources?: number; dir?: string }): Promise<string>;
export function readCustomers(file: string): AsyncGenerator<Customer>;
export function readMatchData(dir: string, sources?: number): { sources: Array<{ name: string; customers: AsyncGenerator<Customer> }>; truth: IndexedTruth };
