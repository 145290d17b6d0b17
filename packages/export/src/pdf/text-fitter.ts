/** The part of a pdfkit document a fitter needs. */
interface MeasuringDocument {
  widthOfString(text: string): number;
}

/**
 * Cuts text to a column width with an ellipsis, for table cells drawn at one font size. Widths are measured
 * per character once and summed (no kerning in CJK tables): measuring every cell with pdfkit is far slower.
 */
export function createTextFitter(document: MeasuringDocument): (text: string, width: number) => string {
  const widths = new Map<string, number>();
  const widthOf = (character: string) => {
    let width = widths.get(character);
    if (width === undefined) {
      width = document.widthOfString(character);
      widths.set(character, width);
    }
    return width;
  };
  return (text, width) => {
    const characters = [...text.replace(/\s+/g, ' ')];
    let total = 0;
    for (const character of characters) total += widthOf(character);
    if (total <= width) return characters.join('');
    const room = width - widthOf('…');
    let used = 0;
    let count = 0;
    while (count < characters.length && used + widthOf(characters[count]!) <= room) used += widthOf(characters[count++]!);
    return `${characters.slice(0, count).join('')}…`;
  };
}
