/**
 * Removes spaces and hyphens and upper-cases, as python-stdnum's `compact()` does, keeping for every
 * kept character its index in the input so errors can point at what the user typed.
 */
export function compactIdentifier(input: string): { text: string; origin: number[] } {
  let text = '';
  const origin: number[] = [];
  for (let index = 0; index < input.length; index++) {
    const character = input[index] as string;
    if (character === ' ' || character === '-' || character === '\u3000') continue;
    text += character.toUpperCase();
    origin.push(index);
  }
  return { text, origin };
}
