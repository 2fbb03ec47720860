/**
 * Restricted score formulas (docs/stack-notes.md §4): an analyst writes e.g.
 * `0.6 * fei + 0.4 * sei` in the scenario; we parse it once with mathjs,
 * check every node against allow-lists, and evaluate it per project.
 *
 * What is accepted: numbers, the declared variables, + − * / ^ mod,
 * comparisons, and/or/not, `c ? a : b`, parentheses, and the functions
 * min max abs round floor ceil sqrt log exp pow mean sum.
 * Everything else (assignment, function definition, blocks `a; b`, property
 * access `x.y` / `x[1]`, arrays, objects, strings, units, factorial, …) is
 * rejected with a message and, where it can be found, a 1-based column.
 *
 * Order matters: the whole syntax tree is checked against the allow-lists
 * before anything in it is evaluated (so `fei^(f(x)=1)` or `fei^(1:1e7)` is
 * rejected without defining a function or building a 10-million-element
 * range). Only then are the constant parts evaluated, once: a constant
 * exponent out of range, or a constant part that is not a finite number
 * (`10^309`, `1/0`, `log(-1)`), is a compile error, so `bcid validate` and
 * `bcid run` give the same verdict and message. The limits, with their units,
 * are in FORMULA_LIMITS; with no ranges, arrays or strings, every value is a
 * number and one evaluation takes at most `maxNodes` steps.
 *
 * Errors are values, never thrown, so `bcid validate` can point at
 * `scenario.yaml:line:col`.
 */
import type { MathNode } from 'mathjs';
import { parseExpression } from './math.js';

export type FormulaResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly message: string; readonly column?: number };

export interface CompiledFormula {
  readonly source: string;
  readonly variables: readonly string[];
  /** Evaluates with one value per declared variable; missing or non-finite inputs are errors. */
  evaluate(scope: Readonly<Record<string, number>>): FormulaResult<number>;
}

export const FORMULA_LIMITS = {
  /** Length of the formula, in characters; the scenario schema caps the field at 500 as well. */
  maxLength: 500,
  /**
   * Nesting, in levels: brackets inside brackets, calls inside calls, operators
   * applied to operators. A chain of the same kind of operator (`a + b - c + …`,
   * `a * b / c`) is one level, however long: it is flat, not nested.
   */
  maxDepth: 50,
  /** Size of the syntax tree, in nodes (each number, name, operator and call is one). */
  maxNodes: 250,
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
        return fail(`formula nests brackets more than ${FORMULA_LIMITS.maxDepth} levels deep`, i + 1);
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
  /** Nodes seen so far, against FORMULA_LIMITS.maxNodes. */
  nodes: number;
}

/** Binary operators of one precedence group: a left-nested chain of them (`a + b - c`) is flat. */
const CHAIN_GROUP: Readonly<Record<string, string>> = {
  add: 'sum',
  subtract: 'sum',
  multiply: 'product',
  divide: 'product',
  mod: 'product',
  and: 'and',
  or: 'or',
};

type Operator = MathNode & { fn: string; op: string; args: MathNode[] };

function chainGroup(node: MathNode): string | undefined {
  if (node.type !== 'OperatorNode') return undefined;
  const op = node as Operator;
  return op.args.length === 2 ? CHAIN_GROUP[op.fn] : undefined;
}

/**
 * The allow-list walk: every node of the tree, nothing evaluated. Returns the
 * first problem, or ok when the whole tree uses only what is allowed.
 */
function check(node: MathNode, depth: number, w: Walk): FormulaResult<true> {
  w.nodes += 1;
  if (w.nodes > FORMULA_LIMITS.maxNodes) {
    return fail(`formula has more than ${FORMULA_LIMITS.maxNodes} parts (numbers, names, operators and calls): simplify it`);
  }
  if (depth > FORMULA_LIMITS.maxDepth) {
    return fail(`formula is nested more than ${FORMULA_LIMITS.maxDepth} levels deep (brackets, calls or operators inside one another)`);
  }
  const children: (readonly [MathNode, number])[] = [];
  const nested = (child: MathNode) => children.push([child, depth + 1] as const);
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
        return fail(`unknown variable "${name}"; allowed variables: ${[...w.variables].join(', ')}`, columnOfWord(w.source, name));
      }
      return { ok: true, value: true };
    }
    case 'ParenthesisNode':
      nested((node as MathNode & { content: MathNode }).content);
      break;
    case 'ConditionalNode': {
      const c = node as MathNode & { condition: MathNode; trueExpr: MathNode; falseExpr: MathNode };
      nested(c.condition);
      nested(c.trueExpr);
      nested(c.falseExpr);
      break;
    }
    case 'OperatorNode': {
      const op = node as Operator;
      if (!OPERATORS.has(op.fn)) {
        return fail(`operator "${op.op}" (${op.fn}) is not allowed`, columnOf(w.source, new RegExp(escapeRe(op.op))));
      }
      const group = chainGroup(op);
      op.args.forEach((arg, i) => {
        // The left operand of `a + b` continuing the same chain stays on this level.
        if (i === 0 && group !== undefined && chainGroup(arg) === group) children.push([arg, depth] as const);
        else nested(arg);
      });
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
        return fail(`unknown or disallowed function "${name}"; allowed functions: ${Object.keys(FUNCTIONS).join(', ')}`, columnOfWord(w.source, name));
      }
      if (f.args.length < arity[0] || f.args.length > arity[1]) {
        const expected = arity[0] === arity[1] ? `${arity[0]}` : `${arity[0]} to ${arity[1]}`;
        return fail(`function ${name} takes ${expected} argument(s), got ${f.args.length}`, columnOfWord(w.source, name));
      }
      f.args.forEach(nested);
      break;
    }
    default: {
      const r = REJECTED[node.type];
      return fail(`${r?.what ?? `expression of kind ${node.type} is not allowed`}`, columnOf(w.source, r?.mark));
    }
  }
  for (const [child, childDepth] of children) {
    const r = check(child, childDepth, w);
    if (!r.ok) return r;
  }
  return { ok: true, value: true };
}

/** True when no variable occurs in `node` (the name of a called function is not a variable). */
function isConstantSubtree(node: MathNode): boolean {
  let constant = true;
  node.traverse((n, path, parent) => {
    if (n.type === 'SymbolNode' && !(parent?.type === 'FunctionNode' && path === 'fn')) constant = false;
  });
  return constant;
}

/** The exponent of a `^` or `pow` node, if it is one. */
function exponentOf(node: MathNode): MathNode | undefined {
  if (node.type === 'OperatorNode' && (node as Operator).fn === 'pow') return (node as Operator).args[1];
  if (node.type === 'FunctionNode' && (node as MathNode & { fn: { name?: string } }).fn.name === 'pow') return (node as Operator).args[1];
  return undefined;
}

/** Evaluates a checked, variable-free subtree with the same guards as a full evaluation. */
function evaluateConstant(node: MathNode): FormulaResult<unknown> {
  try {
    return {
      ok: true,
      value: guardPowers(node)
        .compile()
        .evaluate(new Map<string, unknown>([[GUARDED_POW, guardedPow]])),
    };
  } catch (e) {
    return fail((e as Error).message);
  }
}

/**
 * After the allow-list walk only: each constant exponent must be in range, and
 * each constant part that is an operation or call must give a finite number.
 */
function checkConstants(node: MathNode, w: Walk): FormulaResult<true> {
  const exponent = exponentOf(node);
  if (exponent !== undefined && isConstantSubtree(exponent)) {
    const value = evaluateConstant(exponent);
    if (!value.ok) return fail(`the exponent ${exponent.toString()} cannot be evaluated: ${value.message}`, columnOf(w.source, /\^|pow\s*\(/));
    if (typeof value.value !== 'number' || !(Math.abs(value.value) <= FORMULA_LIMITS.maxExponent)) {
      return fail(
        `exponent ${String(value.value)} is out of range: |exponent| must be at most ${FORMULA_LIMITS.maxExponent}`,
        columnOf(w.source, /\^|pow\s*\(/),
      );
    }
  }
  if (node.type !== 'ConstantNode' && node.type !== 'ParenthesisNode' && isConstantSubtree(node)) {
    const value = evaluateConstant(node);
    if (!value.ok) return fail(`${node.toString()} cannot be evaluated: ${value.message}`);
    if (typeof value.value === 'number' && !Number.isFinite(value.value)) return fail(notFinite(node.toString(), value.value));
  }
  let problem: FormulaResult<true> = { ok: true, value: true };
  node.forEach((child) => {
    if (problem.ok) problem = checkConstants(child, w);
  });
  return problem;
}

/** The one wording of a non-finite value, at compile time and at evaluation. */
function notFinite(what: string, value: number): string {
  return `${what} gives ${value}, not a finite number (division by zero, overflow or log of a negative?)`;
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
    const isPowCall = node.type === 'FunctionNode' && (node as MathNode & { fn: { name?: string } }).fn.name === 'pow';
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
  const walk: Walk = { source, variables: declared, nodes: 0 };
  const checked = check(tree, 0, walk);
  if (!checked.ok) return checked;
  const constants = checkConstants(tree, walk);
  if (!constants.ok) return constants;

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
    if (!Number.isFinite(value)) return fail(notFinite('formula', value));
    return { ok: true, value };
  };

  return { ok: true, value: { source, variables: [...variables], evaluate } };
}
