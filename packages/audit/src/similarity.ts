/** Reused rows for the edit-distance matrix: no allocation per comparison. */
let previousRow = new Int32Array(64);
let currentRow = new Int32Array(64);

/** 1 − Levenshtein distance / longer length, in 0..1; returns 0 early when it cannot reach `minimum`. */
export function editSimilarity(a: string, b: string, minimum = 0): number {
  if (a === b) return 1;
  const longer = Math.max(a.length, b.length);
  if (longer === 0) return 1;
  const budget = Math.floor((1 - minimum) * longer + 1e-9);
  if (Math.abs(a.length - b.length) > budget) return 0;
  if (b.length + 1 > previousRow.length) {
    previousRow = new Int32Array(b.length * 2 + 2);
    currentRow = new Int32Array(b.length * 2 + 2);
  }
  for (let column = 0; column <= b.length; column++) previousRow[column] = column;
  for (let row = 1; row <= a.length; row++) {
    currentRow[0] = row;
    let rowMinimum = row;
    const character = a.charCodeAt(row - 1);
    for (let column = 1; column <= b.length; column++) {
      const cost = character === b.charCodeAt(column - 1) ? 0 : 1;
      const value = Math.min(previousRow[column]! + 1, currentRow[column - 1]! + 1, previousRow[column - 1]! + cost);
      currentRow[column] = value;
      if (value < rowMinimum) rowMinimum = value;
    }
    if (rowMinimum > budget) return 0;
    const swap = previousRow;
    previousRow = currentRow;
    currentRow = swap;
  }
  return 1 - previousRow[b.length]! / longer;
}
