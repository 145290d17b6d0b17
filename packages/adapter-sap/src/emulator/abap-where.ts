/**
 * The subset of ABAP Open SQL WHERE conditions RFC_READ_TABLE users send in OPTIONS:
 * comparisons (= EQ <> NE < LT > GT <= LE >= GE), [NOT] LIKE with % and _, [NOT] IN (...), [NOT] BETWEEN,
 * AND / OR / NOT, parentheses, '...' literals with doubled quotes. Tokens never span OPTIONS lines.
 */
export type Condition =
  | { kind: 'and' | 'or'; left: Condition; right: Condition }
  | { kind: 'not'; operand: Condition }
  | { kind: 'compare'; field: string; operator: ComparisonOperator; value: string }
  | { kind: 'like'; field: string; pattern: string }
  | { kind: 'in'; field: string; values: string[] }
  | { kind: 'between'; field: string; low: string; high: string };

export type ComparisonOperator = '=' | '<>' | '<' | '>' | '<=' | '>=';

/** A syntax error in OPTIONS; the emulator raises it as OPTION_NOT_VALID. */
export class WhereSyntaxError extends Error {}

type Token = { kind: 'word' | 'literal' | 'symbol'; text: string };

const operatorWords: Record<string, ComparisonOperator> = { EQ: '=', NE: '<>', LT: '<', GT: '>', LE: '<=', GE: '>=' };
const symbolOperators = new Set(['=', '<>', '<', '>', '<=', '>=']);

function tokenizeLine(line: string): Token[] {
  const tokens: Token[] = [];
  let index = 0;
  while (index < line.length) {
    const character = line[index]!;
    if (character === ' ') {
      index++;
    } else if (character === "'") {
      let value = '';
      index++;
      for (;;) {
        if (index >= line.length) throw new WhereSyntaxError(`unterminated literal in line "${line}"`);
        if (line[index] === "'") {
          if (line[index + 1] === "'") {
            value += "'";
            index += 2;
            continue;
          }
          index++;
          break;
        }
        value += line[index++];
      }
      tokens.push({ kind: 'literal', text: value });
    } else if ('(),'.includes(character)) {
      tokens.push({ kind: 'symbol', text: character });
      index++;
    } else if ('<>='.includes(character)) {
      const two = line.slice(index, index + 2);
      const text = symbolOperators.has(two) ? two : character;
      tokens.push({ kind: 'symbol', text });
      index += text.length;
    } else {
      const match = /^[A-Za-z0-9_/~-]+/.exec(line.slice(index));
      if (!match) throw new WhereSyntaxError(`unexpected character "${character}"`);
      tokens.push({ kind: /^-?\d+$/.test(match[0]) ? 'literal' : 'word', text: match[0] });
      index += match[0].length;
    }
  }
  return tokens;
}

/** Parses OPTIONS lines (already checked for length) into a condition; undefined when there is none. */
export function parseWhere(lines: string[]): Condition | undefined {
  const tokens = lines.flatMap(tokenizeLine);
  if (tokens.length === 0) return undefined;
  let position = 0;
  const peek = () => tokens[position];
  const isWord = (word: string) => peek()?.kind === 'word' && peek()!.text.toUpperCase() === word;
  const next = () => {
    const token = tokens[position++];
    if (!token) throw new WhereSyntaxError('condition ends too early');
    return token;
  };
  const expectSymbol = (symbol: string) => {
    const token = next();
    if (token.kind !== 'symbol' || token.text !== symbol) throw new WhereSyntaxError(`expected "${symbol}", found "${token.text}"`);
  };
  const literal = () => {
    const token = next();
    if (token.kind !== 'literal') throw new WhereSyntaxError(`expected a literal, found "${token.text}"`);
    return token.text;
  };

  function orExpression(): Condition {
    let left = andExpression();
    while (isWord('OR')) {
      position++;
      left = { kind: 'or', left, right: andExpression() };
    }
    return left;
  }
  function andExpression(): Condition {
    let left = notExpression();
    while (isWord('AND')) {
      position++;
      left = { kind: 'and', left, right: notExpression() };
    }
    return left;
  }
  function notExpression(): Condition {
    if (isWord('NOT')) {
      position++;
      return { kind: 'not', operand: notExpression() };
    }
    const token = peek();
    if (token?.kind === 'symbol' && token.text === '(') {
      position++;
      const inner = orExpression();
      expectSymbol(')');
      return inner;
    }
    return predicate();
  }
  function predicate(): Condition {
    const fieldToken = next();
    if (fieldToken.kind !== 'word') throw new WhereSyntaxError(`expected a field name, found "${fieldToken.text}"`);
    const field = fieldToken.text.toUpperCase();
    let negated = false;
    if (isWord('NOT')) {
      negated = true;
      position++;
    }
    const wrap = (condition: Condition): Condition => (negated ? { kind: 'not', operand: condition } : condition);
    const operatorToken = next();
    const word = operatorToken.kind === 'word' ? operatorToken.text.toUpperCase() : '';
    if (word === 'LIKE') return wrap({ kind: 'like', field, pattern: literal() });
    if (word === 'BETWEEN') {
      const low = literal();
      if (!isWord('AND')) throw new WhereSyntaxError('BETWEEN needs AND');
      position++;
      return wrap({ kind: 'between', field, low, high: literal() });
    }
    if (word === 'IN') {
      expectSymbol('(');
      const values = [literal()];
      while (peek()?.kind === 'symbol' && peek()!.text === ',') {
        position++;
        values.push(literal());
      }
      expectSymbol(')');
      return wrap({ kind: 'in', field, values });
    }
    if (negated) throw new WhereSyntaxError(`NOT must be followed by LIKE, IN or BETWEEN after ${field}`);
    const operator = operatorWords[word] ?? (operatorToken.kind === 'symbol' && symbolOperators.has(operatorToken.text) ? (operatorToken.text as ComparisonOperator) : undefined);
    if (!operator) throw new WhereSyntaxError(`expected an operator after ${field}, found "${operatorToken.text}"`);
    return { kind: 'compare', field, operator, value: literal() };
  }

  const condition = orExpression();
  if (position < tokens.length) throw new WhereSyntaxError(`unexpected "${tokens[position]!.text}"`);
  return condition;
}

/** Every field a condition names, to check them against the table. */
export function conditionFields(condition: Condition | undefined): string[] {
  if (!condition) return [];
  switch (condition.kind) {
    case 'and':
    case 'or':
      return [...conditionFields(condition.left), ...conditionFields(condition.right)];
    case 'not':
      return conditionFields(condition.operand);
    default:
      return [condition.field];
  }
}

/** ABAP compares character fields as if the shorter one were padded with blanks. */
export function compareCharacters(left: string, right: string): number {
  const width = Math.max(left.length, right.length);
  const a = left.padEnd(width, ' ');
  const b = right.padEnd(width, ' ');
  return a < b ? -1 : a > b ? 1 : 0;
}

const likeCache = new Map<string, RegExp>();

function likeToRegExp(pattern: string): RegExp {
  const cached = likeCache.get(pattern);
  if (cached) return cached;
  if (likeCache.size > 1000) likeCache.clear();
  let source = '';
  for (const character of pattern.trimEnd()) {
    source += character === '%' ? '.*' : character === '_' ? '.' : character.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  }
  const expression = new RegExp(`^${source}$`, 's');
  likeCache.set(pattern, expression);
  return expression;
}

/** Evaluates a condition on one row; `value(field)` gives the field's content in internal form. */
export function evaluateWhere(condition: Condition | undefined, value: (field: string) => string): boolean {
  if (!condition) return true;
  switch (condition.kind) {
    case 'and':
      return evaluateWhere(condition.left, value) && evaluateWhere(condition.right, value);
    case 'or':
      return evaluateWhere(condition.left, value) || evaluateWhere(condition.right, value);
    case 'not':
      return !evaluateWhere(condition.operand, value);
    case 'like':
      return likeToRegExp(condition.pattern).test(value(condition.field).trimEnd());
    case 'in':
      return condition.values.some((candidate) => compareCharacters(value(condition.field), candidate) === 0);
    case 'between': {
      const current = value(condition.field);
      return compareCharacters(current, condition.low) >= 0 && compareCharacters(current, condition.high) <= 0;
    }
    case 'compare': {
      const order = compareCharacters(value(condition.field), condition.value);
      switch (condition.operator) {
        case '=':
          return order === 0;
        case '<>':
          return order !== 0;
        case '<':
          return order < 0;
        case '>':
          return order > 0;
        case '<=':
          return order <= 0;
        case '>=':
          return order >= 0;
      }
    }
  }
}
