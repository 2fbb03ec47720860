/**
 * Restricted score formulas (stack-notes §4): an analyst writes e.g.
 * `0.6 * fei + 0.4 * sei` in the scenario; we parse it once with mathjs,
 * check every node against allow-lists, and evaluate it per project.
 *
 * What is accepted: numbers, the declared variables, + − * / ^ mod,
 * comparisons, and/or/not, `c ? a : b`, parentheses, and the functions
 * min max abs round floor ceil sqrt log exp pow mean sum.
 * Everything else (assignment, function definition, blocks `a; b`, property
 * access `x.y` / `x[1]`, arrays, objects, strings, units, factorial, …) is
 * rejected with a message and, where it can be found, a 1-based column.
 * Exponents are bounded (|exponent| ≤ 1000), nesting is bounded (≤ 50) and
 * every result must be a finite number.
 *
 * Errors are values, never thrown, so `bcid validate` can point at
 * `scenario.yaml:line:col`.
 */
import type { MathNode } from 'mathjs';
import { parseExpression } from './math.js';

export type FormulaResult<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly message: string; readonly column?: number };

export interface CompiledFormula {
  readonly source: string;
  readonly variables: readonly string[];
  /** Evaluates with one value per declared variable; missing or non-finite inputs are errors. */
  evaluate(scope: Readonly<Record<string, number>>): FormulaResult<number>;
}

export const FORMULA_LIMITS = {
  /** Characters; the scenario schema caps the field at 500 as well. */
  maxLength: 500,
  /** Nesting of brackets and of the syntax tree. */
  maxDepth: 50,
  /** Largest |exponent| accepted in `^` or `pow`. */
  maxExponent: 1000,
} as const;

/** Function name → [min, max] number of arguments. */
const FUNCTIONS: Readonly<Record<string, readonly [number, number]>> = {
  min: [1, 64],
  max: [1, 64],
  mean: [1, 64],
  sum: [1, 64],
  abs: [1, 1],
  round: [1, 2],
  floor: [1, 1],
  ceil: [1, 1],
  sqrt: [1, 1],
  exp: [1, 1],
  log: [1, 2],
  pow: [2, 2],
};

/** mathjs operator function names that may appear in an OperatorNode. */
const OPERATORS = new Set([
  'add',
  'subtract',
  'multiply',
  'divide',
  'pow',
  'mod',
  'unaryMinus',
  'unaryPlus',
  'larger',
  'smaller',
  'largerEq',
  'smallerEq',
  'equal',
  'unequal',
  'and',
  'or',
  'not',
]);

/** What each rejected node type means to an analyst, and a character that usually marks it. */
const REJECTED: Readonly<Record<string, { readonly what: string; readonly mark?: RegExp }>> = {
  AssignmentNode: { what: 'assignment (=) is not allowed', mark: /(?<![<>=!])=(?!=)/ },
  FunctionAssignmentNode: { what: 'defining a function is not allowed', mark: /(?<![<>=!])=(?!=)/ },
  BlockNode: { what: 'several expressions (; or new line) are not allowed: write one expression', mark: /[;\n]/ },
  AccessorNode: { what: 'property or index access (x.y, x[i]) is not allowed', mark: /[.[](?!\d)/ },
  IndexNode: { what: 'indexing is not allowed', mark: /\[/ },
  ArrayNode: { what: 'arrays ([…]) are not allowed', mark: /\[/ },
  ObjectNode: { what: 'objects ({…}) are not allowed', mark: /\{/ },
  RangeNode: { what: 'ranges (a:b) are not allowed', mark: /:/ },
  RelationalNode: { what: 'chained comparisons are not allowed' },
};

const fail = (message: string, column?: number): { ok: false; message: string; column?: number } =>
  column === undefined ? { ok: false, message } : { ok: false, message, column };

/** 1-based column of the first whole-word occurrence of `name`, if any. */
function columnOfWord(source: string, name: string): number | undefined {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const m = new RegExp(`(?<![A-Za-z0-9_])${escaped}(?![A-Za-z0-9_])`).exec(source);
  return m ? m.index + 1 : undefined;
}

function columnOf(source: string, re: RegExp | undefined): number | undefined {
  if (!re) return undefined;
  const m = re.exec(source);
  return m ? m.index + 1 : undefined;
}

/** Bracket depth, checked on the text so the parser never recurses too deep. */
function checkBrackets(source: string): FormulaResult<true> {
  let depth = 0;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '(' || c === '[' || c === '{') {
      depth++;
      if (depth > FORMULA_LIMITS.maxDepth) {
        return fail(`formula nests brackets more than ${FORMULA_LIMITS.maxDepth} deep`, i + 1);
      }
    } else if (c === ')' || c === ']' || c === '}') {
      depth--;
    }
  }
  return { ok: true, value: true };
}

interface Walk {
  readonly source: string;
  readonly variables: ReadonlySet<string>;
}

function isConstantSubtree(node: MathNode): boolean {
  let constant = true;
  node.traverse((n) => {
    if (n.type === 'SymbolNode') constant = false;
  });
  return constant;
}

function exponentProblem(exponent: MathNode, w: Walk): FormulaResult<true> {
  if (!isConstantSubtree(exponent)) return { ok: true, value: true };
  let value: unknown;
  try {
    value = exponent.compile().evaluate();
  } catch (e) {
    return fail(`the exponent cannot be evaluated: ${(e as Error).message}`);
  }
  if (typeof value !== 'number' || !Number.isFinite(value) || Math.abs(value) > FORMULA_LIMITS.maxExponent) {
    return fail(
      `exponent ${String(value)} is out of range: |exponent| must be at most ${FORMULA_LIMITS.maxExponent}`,
      columnOf(w.source, /\^|pow\s*\(/),
    );
  }
  return { ok: true, value: true };
}

function check(node: MathNode, depth: number, w: Walk): FormulaResult<true> {
  if (depth > FORMULA_LIMITS.maxDepth) {
    return fail(`formula is nested more than ${FORMULA_LIMITS.maxDepth} levels deep`);
  }
  const children: MathNode[] = [];
  switch (node.type) {
    case 'ConstantNode': {
      const value = (node as MathNode & { value: unknown }).value;
      if (typeof value !== 'number') {
        const shown = typeof value === 'string' ? `"${value}"` : String(value);
        return fail(`only numbers are allowed as constants, got ${shown}`, columnOf(w.source, /["'`]|true|false|null|undefined/));
      }
      if (!Number.isFinite(value)) return fail(`number ${String(value)} is not finite`);
      return { ok: true, value: true };
    }
    case 'SymbolNode': {
      const name = (node as MathNode & { name: string }).name;
      if (!w.variables.has(name)) {
        return fail(
          `unknown variable "${name}"; allowed variables: ${[...w.variables].join(', ')}`,
          columnOfWord(w.source, name),
        );
      }
      return { ok: true, value: true };
    }
    case 'ParenthesisNode':
      children.push((node as MathNode & { content: MathNode }).content);
      break;
    case 'ConditionalNode': {
      const c = node as MathNode & { condition: MathNode; trueExpr: MathNode; falseExpr: MathNode };
      children.push(c.condition, c.trueExpr, c.falseExpr);
      break;
    }
    case 'OperatorNode': {
      const op = node as MathNode & { fn: string; op: string; args: MathNode[] };
      if (!OPERATORS.has(op.fn)) {
        return fail(`operator "${op.op}" (${op.fn}) is not allowed`, columnOf(w.source, new RegExp(escapeRe(op.op))));
      }
      if (op.fn === 'pow' && op.args[1]) {
        const p = exponentProblem(op.args[1], w);
        if (!p.ok) return p;
      }
      children.push(...op.args);
      break;
    }
    case 'FunctionNode': {
      const f = node as MathNode & { fn: MathNode & { name?: string }; args: MathNode[] };
      if (f.fn.type !== 'SymbolNode' || typeof f.fn.name !== 'string') {
        return fail('only calls of named functions are allowed');
      }
      const name = f.fn.name;
      const arity = FUNCTIONS[name];
      if (!arity) {
        return fail(
          `unknown or disallowed function "${name}"; allowed functions: ${Object.keys(FUNCTIONS).join(', ')}`,
          columnOfWord(w.source, name),
        );
      }
      if (f.args.length < arity[0] || f.args.length > arity[1]) {
        const expected = arity[0] === arity[1] ? `${arity[0]}` : `${arity[0]} to ${arity[1]}`;
        return fail(`function ${name} takes ${expected} argument(s), got ${f.args.length}`, columnOfWord(w.source, name));
      }
      if (name === 'pow' && f.args[1]) {
        const p = exponentProblem(f.args[1], w);
        if (!p.ok) return p;
      }
      children.push(...f.args);
      break;
    }
    default: {
      const r = REJECTED[node.type];
      return fail(
        `${r?.what ?? `expression of kind ${node.type} is not allowed`}`,
        columnOf(w.source, r?.mark),
      );
    }
  }
  for (const child of children) {
    const r = check(child, depth + 1, w);
    if (!r.ok) return r;
  }
  return { ok: true, value: true };
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Variable exponents are checked when evaluated: every `^` and `pow` in the
 * accepted tree is rewritten to call this guard. It is passed in the scope
 * under a name that is not on the function allow-list, so an analyst cannot
 * call it directly (the check runs before the rewrite).
 */
const GUARDED_POW = '__bcid_pow';

function guardedPow(base: unknown, exponent: unknown): number {
  if (typeof base !== 'number' || typeof exponent !== 'number') {
    throw new Error('pow expects numbers');
  }
  if (!(Math.abs(exponent) <= FORMULA_LIMITS.maxExponent)) {
    throw new Error(`exponent ${exponent} is out of range: |exponent| must be at most ${FORMULA_LIMITS.maxExponent}`);
  }
  return Math.pow(base, exponent);
}

function guardPowers(root: MathNode): MathNode {
  return root.transform((node) => {
    const isPowOperator = node.type === 'OperatorNode' && (node as MathNode & { fn: string }).fn === 'pow';
    const isPowCall =
      node.type === 'FunctionNode' && (node as MathNode & { fn: { name?: string } }).fn.name === 'pow';
    if (!isPowOperator && !isPowCall) return node;
    const args = (node as MathNode & { args: MathNode[] }).args;
    // Rebuild as a call to the guard, reusing the FunctionNode constructor of this tree.
    const template = parseExpression(`${GUARDED_POW}(0, 0)`) as MathNode & { args: MathNode[] };
    const call = template.clone() as MathNode & { args: MathNode[] };
    call.args = [guardPowers(args[0]!), guardPowers(args[1]!)];
    return call;
  });
}

/**
 * Parses and checks `source` once. The result evaluates the formula for one
 * set of variable values; each evaluation is independent and pure.
 */
export function compileFormula(source: string, variables: readonly string[]): FormulaResult<CompiledFormula> {
  const brackets = checkBrackets(source);
  if (!brackets.ok) return brackets;
  if (source.length > FORMULA_LIMITS.maxLength) {
    return fail(`formula is ${source.length} characters long; the limit is ${FORMULA_LIMITS.maxLength}`);
  }
  if (source.trim() === '') return fail('formula is empty');
  let tree: MathNode;
  try {
    tree = parseExpression(source);
  } catch (e) {
    const err = e as Error & { char?: number };
    return fail(`cannot read the formula: ${err.message}`, typeof err.char === 'number' ? Math.max(1, err.char) : undefined);
  }
  const declared = new Set(variables);
  const checked = check(tree, 0, { source, variables: declared });
  if (!checked.ok) return checked;

  let code: { evaluate: (scope: Map<string, unknown>) => unknown };
  try {
    code = guardPowers(tree).compile();
  } catch (e) {
    return fail(`cannot compile the formula: ${(e as Error).message}`);
  }

  const evaluate = (scope: Readonly<Record<string, number>>): FormulaResult<number> => {
    const map = new Map<string, unknown>();
    for (const name of declared) {
      const v = scope[name];
      if (typeof v !== 'number' || !Number.isFinite(v)) {
        return fail(`variable "${name}" has no finite value (${String(v)})`);
      }
      map.set(name, v);
    }
    map.set(GUARDED_POW, guardedPow);
    let value: unknown;
    try {
      value = code.evaluate(map);
    } catch (e) {
      return fail(`formula could not be evaluated: ${(e as Error).message}`);
    }
    if (typeof value === 'boolean') value = value ? 1 : 0;
    if (typeof value !== 'number') return fail(`formula must give a number, got ${typeof value}`);
    if (!Number.isFinite(value)) return fail(`formula gives ${value}, not a finite number (division by zero, overflow or log of a negative?)`);
    return { ok: true, value };
  };

  return { ok: true, value: { source, variables: [...variables], evaluate } };
}
