/** Width of a label in half-width units: a CJK character is two, as wide as two Latin letters. */
export function labelUnits(label: string): number {
  let units = 0;
  for (const character of label) units += character.charCodeAt(0) > 0x2e80 ? 2 : 1;
  return units;
}

/** The label cut to `maxUnits` with an ellipsis, so that it never runs over its neighbour or off the chart. */
export function clipLabel(label: string, maxUnits: number): string {
  if (labelUnits(label) <= maxUnits) return label;
  let kept = '';
  for (const character of label) {
    if (labelUnits(`${kept}${character}`) > maxUnits - 1) break;
    kept += character;
  }
  return `${kept}…`;
}
