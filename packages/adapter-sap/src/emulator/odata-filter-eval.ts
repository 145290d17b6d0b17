import type { ODataEntity } from '../odata/odata-entities.js';

/** A $filter the emulator does not understand: answered 400 in SAP's error shape. */
export class ODataFilterError extends Error {}

type Value = string | number | boolean | null;
export type ODataFilterNode = Node;
type Node =
  | { kind: 'literal'; value: Value }
  | { kind: 'property'; name: string }
  | { kind: 'call'; name: string; args: Node[] }
  | { kind: 'binary'; op: string; left: Node; right: Node }
  | { kind: 'not'; operand: Node };

const DATE = /^\/Date\((-?\d+)(?:[+-]\d{4})?\)\/$/;

function tokenize(text: string): string[] {
  const tokens: string[] = [];
  let i = 0;
  while (i < text.length) {
    const char = text[i]!;
    if (char === ' ') {
      i++;
      continue;
    }
    if (char === '(' || char === ')' || char === ',') {
      tokens.push(char);
      i++;
      continue;
    }
    const quoted = /^(datetime|datetimeoffset|time)?'/.exec(text.slice(i));
    if (quoted) {
      let j = i + quoted[0].length;
      let value = '';
      for (;;) {
        if (j >= text.length) throw new ODataFilterError(`unterminated literal at position ${i}`);
        if (text[j] === "'") {
          if (text[j + 1] === "'") {
            value += "'";
            j += 2;
            continue;
          }
          break;
        }
        value += text[j++];
      }
      tokens.push(`${quoted[1] ?? ''}'${value}`);
      i = j + 1;
      continue;
    }
    const word = /^[A-Za-z0-9_./-]+/.exec(text.slice(i));
    if (!word) throw new ODataFilterError(`unexpected "${char}" at position ${i}`);
    tokens.push(word[0]);
    i += word[0].length;
  }
  return tokens;
}

const COMPARISONS = new Set(['eq', 'ne', 'gt', 'ge', 'lt', 'le']);
const FUNCTIONS = new Set(['startswith', 'endswith', 'substringof', 'tolower', 'toupper']);

/** Parses the subset of OData V2 $filter the emulator serves: comparisons, and/or/not, parentheses, startswith, endswith, substringof, tolower/toupper. */
export function parseODataFilter(text: string): Node {
  const tokens = tokenize(text);
  let at = 0;
  const peek = () => tokens[at];
  const take = (expected?: string) => {
    const token = tokens[at++];
    if (token === undefined || (expected !== undefined && token !== expected)) throw new ODataFilterError(`expected ${expected ?? 'more'} at token ${at}`);
    return token;
  };
  const operand = (): Node => {
    const token = take();
    if (token === '(') {
      const inner = or();
      take(')');
      return inner;
    }
    if (token.includes("'")) {
      const [prefix, value] = [token.slice(0, token.indexOf("'")), token.slice(token.indexOf("'") + 1)];
      if (prefix === 'datetime') return { kind: 'literal', value: Date.parse(`${value}Z`) };
      if (prefix !== '') throw new ODataFilterError(`${prefix} literals are not supported`);
      return { kind: 'literal', value };
    }
    if (token === 'true' || token === 'false') return { kind: 'literal', value: token === 'true' };
    if (token === 'null') return { kind: 'literal', value: null };
    if (/^-?\d+(\.\d+)?$/.test(token)) return { kind: 'literal', value: Number(token) };
    if (FUNCTIONS.has(token)) {
      take('(');
      const args = [or()];
      while (peek() === ',') {
        take(',');
        args.push(or());
      }
      take(')');
      return { kind: 'call', name: token, args };
    }
    if (/^[A-Za-z_][A-Za-z0-9_/]*$/.test(token)) return { kind: 'property', name: token };
    throw new ODataFilterError(`unexpected "${token}"`);
  };
  const comparison = (): Node => {
    if (peek() === 'not') {
      take();
      return { kind: 'not', operand: comparison() };
    }
    const left = operand();
    const op = peek();
    if (op !== undefined && COMPARISONS.has(op)) {
      take();
      return { kind: 'binary', op, left, right: operand() };
    }
    return left;
  };
  const and = (): Node => {
    let node = comparison();
    while (peek() === 'and') {
      take();
      node = { kind: 'binary', op: 'and', left: node, right: comparison() };
    }
    return node;
  };
  function or(): Node {
    let node = and();
    while (peek() === 'or') {
      take();
      node = { kind: 'binary', op: 'or', left: node, right: and() };
    }
    return node;
  }
  const tree = or();
  if (at !== tokens.length) throw new ODataFilterError(`unexpected "${tokens[at]}"`);
  return tree;
}

/** A property value as compared: /Date(ms)/ as its milliseconds, others as they are. */
function comparable(value: unknown): Value {
  if (typeof value === 'string') {
    const date = DATE.exec(value);
    return date ? Number(date[1]) : value;
  }
  return value === undefined ? null : (value as Value);
}

function evaluate(node: Node, entity: ODataEntity, properties: ReadonlySet<string>): Value {
  switch (node.kind) {
    case 'literal':
      return node.value;
    case 'property':
      if (!properties.has(node.name)) throw new ODataFilterError(`Property ${node.name} not found`);
      return comparable(entity[node.name]);
    case 'not':
      return !evaluate(node.operand, entity, properties);
    case 'call': {
      const args = node.args.map((arg) => evaluate(arg, entity, properties));
      const [a, b] = args.map((arg) => String(arg ?? ''));
      // Case-sensitive, as SAP Gateway's translation into a database LIKE is.
      if (node.name === 'startswith') return a!.startsWith(b!);
      if (node.name === 'endswith') return a!.endsWith(b!);
      if (node.name === 'substringof') return b!.includes(a!);
      return node.name === 'tolower' ? a!.toLowerCase() : a!.toUpperCase();
    }
    case 'binary': {
      if (node.op === 'and') return Boolean(evaluate(node.left, entity, properties)) && Boolean(evaluate(node.right, entity, properties));
      if (node.op === 'or') return Boolean(evaluate(node.left, entity, properties)) || Boolean(evaluate(node.right, entity, properties));
      const left = evaluate(node.left, entity, properties);
      const right = evaluate(node.right, entity, properties);
      if (node.op === 'eq') return left === right;
      if (node.op === 'ne') return left !== right;
      if (left === null || right === null) return false;
      if (node.op === 'gt') return left > right;
      if (node.op === 'ge') return left >= right;
      if (node.op === 'lt') return left < right;
      return left <= right;
    }
  }
}

/** The predicate of a parsed $filter over entities with these properties (an unknown property is an error, as in SAP). */
export const filterPredicate = (tree: Node, properties: ReadonlySet<string>) => (entity: ODataEntity) => Boolean(evaluate(tree, entity, properties));
