/**
 * The FilterString subset the emulator understands, evaluated the way SQL Server would: three-valued
 * logic (NULL compares as unknown), LIKE with `%`, `_` and `[…]` and case-insensitive (Chinese_PRC_CI_AS),
 * other comparisons binary. Anything else is a parse error, as a real server's SQL error would be.
 */
export type Value = string | number | null;
export type Truth = boolean | null;

type Operand = { field: string } | { literal: Value };
export type Predicate =
  | { kind: 'and' | 'or'; left: Predicate; right: Predicate }
  | { kind: 'not'; operand: Predicate }
  | { kind: 'compare'; operator: '=' | '<>' | '<' | '<=' | '>' | '>='; left: Operand; right: Operand }
  | { kind: 'like'; negated: boolean; left: Operand; pattern: string }
  | { kind: 'in'; negated: boolean; left: Operand; list: Value[] }
  | { kind: 'null'; negated: boolean; left: Operand };

const tokenPattern = /\s*(?:('(?:[^']|'')*')|(\d+(?:\.\d+)?)|([A-Za-z_][\w.]*)|(<>|!=|<=|>=|=|<|>|\(|\)|,))/y;

function tokenize(text: string): string[] {
  const tokens: string[] = [];
  tokenPattern.lastIndex = 0;
  while (tokenPattern.lastIndex < text.length) {
    if (/^\s*$/.test(text.slice(tokenPattern.lastIndex))) break;
    const at = tokenPattern.lastIndex;
    const match = tokenPattern.exec(text);
    if (!match) throw new Error(`FilterString syntax error near "${text.slice(at, at + 20)}"`);
    tokens.push(match[0].trim());
  }
  return tokens;
}

export function parseFilterString(text: string): Predicate | undefined {
  const tokens = tokenize(text);
  if (tokens.length === 0) return undefined;
  let position = 0;
  const peek = () => tokens[position]?.toLowerCase();
  const next = () => {
    const token = tokens[position++];
    if (token === undefined) throw new Error('FilterString ends too early');
    return token;
  };
  const expect = (token: string) => {
    if (next().toLowerCase() !== token) throw new Error(`FilterString: expected "${token}" at token ${position}`);
  };
  const literal = (token: string): Value => {
    if (token.startsWith("'")) return token.slice(1, -1).replace(/''/g, "'");
    if (/^\d/.test(token)) return Number(token);
    if (token.toLowerCase() === 'null') return null;
    throw new Error(`FilterString: expected a value, got "${token}"`);
  };
  const operand = (): Operand => {
    const token = next();
    return /^[A-Za-z_]/.test(token) && token.toLowerCase() !== 'null' ? { field: token } : { literal: literal(token) };
  };
  const binary = (kind: 'and' | 'or', inner: () => Predicate): Predicate => {
    let left = inner();
    while (peek() === kind) {
      position++;
      left = { kind, left, right: inner() };
    }
    return left;
  };
  const unary = (): Predicate => {
    if (peek() === 'not') {
      position++;
      return { kind: 'not', operand: unary() };
    }
    if (peek() === '(') {
      position++;
      const inner = expression();
      expect(')');
      return inner;
    }
    const left = operand();
    let negated = false;
    if (peek() === 'not') {
      position++;
      negated = true;
    }
    const operator = next().toLowerCase();
    if (operator === 'like') return { kind: 'like', negated, left, pattern: String(literal(next())) };
    if (operator === 'in') {
      expect('(');
      const list: Value[] = [literal(next())];
      while (peek() === ',') {
        position++;
        list.push(literal(next()));
      }
      expect(')');
      return { kind: 'in', negated, left, list };
    }
    if (operator === 'is') {
      const isNot = peek() === 'not';
      if (isNot) position++;
      expect('null');
      return { kind: 'null', negated: isNot, left };
    }
    if (negated) throw new Error(`FilterString: "not ${operator}" is not supported`);
    const normalized = operator === '!=' ? '<>' : operator;
    if (!['=', '<>', '<', '<=', '>', '>='].includes(normalized)) throw new Error(`FilterString: unknown operator "${operator}"`);
    return { kind: 'compare', operator: normalized as '=', left, right: operand() };
  };
  const expression = (): Predicate => binary('or', () => binary('and', unary));
  const result = expression();
  if (position !== tokens.length) throw new Error(`FilterString: unexpected "${tokens[position]}"`);
  return result;
}

function likeRegExp(pattern: string): RegExp {
  let source = '';
  for (let index = 0; index < pattern.length; index++) {
    const character = pattern[index]!;
    if (character === '%') source += '[\\s\\S]*';
    else if (character === '_') source += '[\\s\\S]';
    else if (character === '[') {
      const close = pattern.indexOf(']', index + 2);
      if (close < 0) throw new Error('FilterString: unclosed [ in LIKE pattern');
      const set = pattern.slice(index + 1, close);
      source += `[${set.replace(/[\\[\]^-]/g, '\\$&')}]`;
      index = close;
    } else source += character.replace(/[.*+?^${}()|\\\]]/g, '\\$&');
  }
  return new RegExp(`^${source}$`, 'iu');
}

const compareValues = (left: string | number, right: string | number) => {
  if (typeof left === 'number' || typeof right === 'number') {
    const a = Number(left);
    const b = Number(right);
    return a < b ? -1 : a > b ? 1 : 0;
  }
  return left < right ? -1 : left > right ? 1 : 0;
};

export function evaluate(predicate: Predicate | undefined, field: (key: string) => Value): Truth {
  if (!predicate) return true;
  const value = (operand: Operand) => ('field' in operand ? field(operand.field) : operand.literal);
  const flip = (truth: Truth, negated: boolean): Truth => (truth === null ? null : negated ? !truth : truth);
  switch (predicate.kind) {
    case 'and': {
      const left = evaluate(predicate.left, field);
      const right = evaluate(predicate.right, field);
      return left === false || right === false ? false : left === null || right === null ? null : true;
    }
    case 'or': {
      const left = evaluate(predicate.left, field);
      const right = evaluate(predicate.right, field);
      return left === true || right === true ? true : left === null || right === null ? null : false;
    }
    case 'not':
      return flip(evaluate(predicate.operand, field), true);
    case 'null':
      return flip(value(predicate.left) === null, predicate.negated);
    case 'like': {
      const left = value(predicate.left);
      return left === null ? null : flip(likeRegExp(predicate.pattern).test(String(left)), predicate.negated);
    }
    case 'in': {
      const left = value(predicate.left);
      if (left === null) return null;
      return flip(predicate.list.some((item) => item !== null && compareValues(left, item) === 0), predicate.negated);
    }
    case 'compare': {
      const left = value(predicate.left);
      const right = value(predicate.right);
      if (left === null || right === null) return null;
      const order = compareValues(left, right);
      const results = { '=': order === 0, '<>': order !== 0, '<': order < 0, '<=': order <= 0, '>': order > 0, '>=': order >= 0 };
      return results[predicate.operator];
    }
  }
}
