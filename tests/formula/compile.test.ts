import { describe, expect, it } from 'vitest';
import { compileFormula, FORMULA_LIMITS } from '../../src/formula/index.js';

const VARS = ['eirr', 'integration', 'fei', 'sei', 'jobs'];

function compiled(source: string) {
  const r = compileFormula(source, VARS);
  if (!r.ok) throw new Error(`expected ${source} to compile: ${r.message}`);
  return r.value;
}

function rejected(source: string, variables: readonly string[] = VARS) {
  const r = compileFormula(source, variables);
  if (r.ok) throw new Error(`expected ${source} to be rejected`);
  return r;
}

const scope = { eirr: 0.12, integration: 0.8, fei: 0.5, sei: 0.25, jobs: 2000 };

describe('compileFormula: accepted formulas', () => {
  it('evaluates the reference example: 0.4*eirr + 0.6*integration = 0.528', () => {
    const r = compiled('0.4*eirr + 0.6*integration').evaluate({ eirr: 0.12, integration: 0.8, fei: 0, sei: 0, jobs: 0 });
    expect(r).toEqual({ ok: true, value: expect.closeTo(0.528, 12) });
  });

  it('compiles once and evaluates for many scopes', () => {
    const f = compiled('0.6 * fei + 0.4 * sei');
    expect(f.evaluate({ ...scope, fei: 1, sei: 0 })).toEqual({ ok: true, value: 0.6 });
    expect(f.evaluate({ ...scope, fei: 0, sei: 1 })).toEqual({ ok: true, value: 0.4 });
  });

  it('allows the listed functions, comparisons and conditionals', () => {
    expect(compiled('max(fei, sei) + min(fei, sei)').evaluate(scope)).toEqual({ ok: true, value: 0.75 });
    expect(compiled('eirr > 0.1 ? 1 : 0').evaluate(scope)).toEqual({ ok: true, value: 1 });
    expect(compiled('sqrt(jobs) / 100 + log(1) + abs(-1) + round(2.4) + floor(1.5) + ceil(0.2)').evaluate(scope)).toEqual({
      ok: true,
      value: expect.closeTo(Math.sqrt(2000) / 100 + 0 + 1 + 2 + 1 + 1, 12),
    });
    expect(compiled('pow(fei, 2) + fei^2 + mean(fei, sei) + sum(fei, sei)').evaluate(scope)).toEqual({
      ok: true,
      value: expect.closeTo(0.25 + 0.25 + 0.375 + 0.75, 12),
    });
  });
});

describe('compileFormula: hostile or invalid formulas are rejected with a message', () => {
  it.each([
    ['import("fs")', /function "import"/],
    ['createUnit("x")', /function "createUnit"/],
    ['a = 5', /assignment/],
    ['eirr = 5', /assignment/],
    ['f(x) = x', /defining a function/],
    ['[].constructor', /property or index access/],
    ['eirr.constructor', /property or index access/],
    ['eirr[1]', /property or index access/],
    ['{a: 1}', /objects/],
    ['[1, 2]', /arrays/],
    ['eirr; fei', /several expressions/],
    ['"abc"', /only numbers/],
    ['5!', /operator "!"/],
    ['eirr to fei', /operator "to"/],
    ['evaluate("1")', /function "evaluate"/],
    ['unknownVar + 1', /unknown variable "unknownVar"/],
    ['foo(eirr)', /unknown or disallowed function "foo"/],
    ['2^100000', /exponent 100000 is out of range/],
    ['pow(2, 5000)', /exponent 5000 is out of range/],
    ['2^(-2000)', /exponent -2000 is out of range/],
    ['0.4*eirr +', /cannot read the formula/],
    ['', /empty/],
  ])('%s', (source, message) => {
    expect(rejected(source).message).toMatch(message);
  });

  it('rejects 500-deep nested parentheses before parsing', () => {
    const r = rejected(`${'('.repeat(500)}eirr${')'.repeat(500)}`);
    expect(r.message).toMatch(/more than 50 levels deep/);
    expect(r.column).toBe(FORMULA_LIMITS.maxDepth + 1);
  });

  it('rejects deep unary chains: each operator applies to the next, so each is a level', () => {
    expect(rejected(`${'-'.repeat(60)}eirr`).message).toMatch(/nested more than 50 levels/);
  });

  it('rejects over-long formulas', () => {
    expect(rejected(`eirr${' + eirr'.repeat(100)}`).message).toMatch(/limit is 500/);
  });

  it('points at the column of the offending name', () => {
    expect(rejected('0.5 * eirr + bogus').column).toBe(14);
    expect(rejected('eirr + bar(1)').column).toBe(8);
    expect(rejected('0.4*eirr +').column).toBe(11);
  });

  it('accepts up to the nesting limit', () => {
    expect(compiled(`${'('.repeat(20)}eirr${')'.repeat(20)}`).evaluate(scope)).toEqual({ ok: true, value: 0.12 });
  });
});

describe('compileFormula: evaluation guards', () => {
  it('rejects non-finite results', () => {
    expect(compiled('1 / (eirr - eirr)').evaluate(scope)).toMatchObject({ ok: false, message: expect.stringMatching(/not a finite number/) });
    expect(compiled('sqrt(0 - jobs)').evaluate(scope)).toMatchObject({ ok: false });
    expect(compiled('log(eirr - eirr)').evaluate(scope)).toMatchObject({ ok: false });
  });

  it('bounds exponents that come from variables', () => {
    expect(compiled('2^jobs').evaluate(scope)).toMatchObject({ ok: false, message: expect.stringMatching(/exponent 2000 is out of range/) });
    expect(compiled('pow(1.0001, jobs)').evaluate(scope)).toMatchObject({ ok: false });
    expect(compiled('2^(jobs / 4)').evaluate(scope)).toEqual({ ok: true, value: 2 ** 500 });
  });

  it('requires every declared variable to have a finite value', () => {
    expect(compiled('eirr').evaluate({ ...scope, fei: Number.NaN })).toMatchObject({ ok: false, message: expect.stringMatching(/"fei"/) });
  });

  it('cannot reach the guard function by name', () => {
    expect(rejected('__bcid_pow(2, 3)').message).toMatch(/unknown or disallowed function/);
  });

  it('is deterministic', () => {
    const f = compiled('0.3 * eirr + 0.7 * sei');
    expect(f.evaluate(scope)).toEqual(f.evaluate(scope));
  });
});

// Issue 12, items 10–12: each of these failed on the code before the fix.
describe('compileFormula: the whole tree is checked before anything is evaluated', () => {
  it('rejects a range in an exponent fast, with a short message (fei^(1:1e7) took 54 s and 1.65 GB)', () => {
    const t0 = performance.now();
    const r = rejected('fei^(1:1e7)');
    expect(performance.now() - t0).toBeLessThan(500);
    expect(r.message).toBe('ranges (a:b) are not allowed');
    expect(r.column).toBe(7);
  });

  it('rejects a function definition in an exponent without defining it or printing mathjs source', () => {
    const r = rejected('fei^(f(x)=1)');
    expect(r.message).toBe('defining a function is not allowed');
    expect(r.message).not.toMatch(/=>|\{|return/);
  });

  it.each(['fei^[1, 2]', 'pow(fei, 1:3)', 'fei^(a = 2)', 'fei^("x")'])('rejects %s before folding its exponent', (source) => {
    expect(rejected(source).message).not.toMatch(/exponent|cannot be evaluated/);
  });
});

describe('compileFormula: constant parts must be finite numbers (validate and run agree)', () => {
  it.each([
    ['10^309', '10 ^ 309 gives Infinity'],
    ['1/0', '1 / 0 gives Infinity'],
    ['log(-1)', 'log(-1) gives NaN'],
    ['fei + 1/0', '1 / 0 gives Infinity'],
  ])('%s is a compile error', (source, message) => {
    expect(rejected(source).message).toBe(`${message}, not a finite number (division by zero, overflow or log of a negative?)`);
  });

  it('a non-finite result from the data is an evaluation error with the same wording', () => {
    expect(compiled('1 / (fei - fei)').evaluate(scope)).toEqual({
      ok: false,
      message: 'formula gives Infinity, not a finite number (division by zero, overflow or log of a negative?)',
    });
  });
});

describe('compileFormula: each limit has its unit', () => {
  it('a flat sum of 60 terms is one level deep, not 60', () => {
    const source = Array.from({ length: 60 }, () => 'fei').join(' + ');
    expect(compiled(source).evaluate(scope)).toEqual({ ok: true, value: expect.closeTo(30, 12) });
    expect(compiled(Array.from({ length: 60 }, () => 'fei').join(' * ')).evaluate({ ...scope, fei: 1 })).toEqual({ ok: true, value: 1 });
  });

  it('counts brackets inside brackets as levels: 50 pass, 51 do not', () => {
    expect(compiled(`${'('.repeat(50)}fei${')'.repeat(50)}`).evaluate(scope)).toEqual({ ok: true, value: 0.5 });
    expect(rejected(`${'('.repeat(51)}fei${')'.repeat(51)}`).message).toBe('formula nests brackets more than 50 levels deep');
  });

  it('caps the syntax tree in nodes', () => {
    const source = Array.from({ length: 130 }, () => '1').join('+');
    expect(source.length).toBeLessThanOrEqual(FORMULA_LIMITS.maxLength);
    expect(rejected(source).message).toBe('formula has more than 250 parts (numbers, names, operators and calls): simplify it');
  });

  it('states the limits with their units', () => {
    expect(FORMULA_LIMITS).toEqual({ maxLength: 500, maxDepth: 50, maxNodes: 250, maxExponent: 1000 });
    expect(rejected(`fei${' + fei'.repeat(100)}`).message).toBe('formula is 603 characters long; the limit is 500');
  });
});
