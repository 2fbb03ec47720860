import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';

/**
 * The YAML parser recurses once per nesting level: thousands of `[` overflow
 * the stack before the loader's own depth check can run, and the parser
 * returns "Maximum call stack size exceeded" as if it were a syntax error.
 * That message means the nesting limit, and is reported as such.
 */
export function isStackOverflow(message: string): boolean {
  return /maximum call stack size exceeded|too much recursion/i.test(message);
}

export function yamlTooDeep(file: string, maxDepth: number, line = 1, column = 1): Diagnostic {
  return diagnostic({
    file,
    line,
    column,
    code: 'yaml-too-deep',
    message: `the YAML is nested more than ${maxDepth} levels deep`,
    hint: 'a scenario is at most a few levels deep; see scenarios/baseline.yaml',
  });
}
