/**
 * The one hardened mathjs instance used to evaluate analysts' score formulas
 * (docs/stack-notes.md §4). `parse` is captured before the dangerous functions are
 * disabled; the allow-list walk in `compile.ts` is the real defence, this is
 * defence in depth. After hardening, `math.import` throws, so nothing can be
 * added back, not even from JavaScript.
 */
import { all, create, type MathNode } from 'mathjs';

// `all!`: mathjs types + noUncheckedIndexedAccess give `| undefined`.
// `predictable: true` makes sqrt(-1) and log(-1) NaN instead of Complex,
// which the finiteness guard then rejects.
const math = create(all!, { number: 'number', predictable: true });

/** The parser, captured before `parse` is disabled on the instance. */
export const parseExpression: (source: string) => MathNode = math.parse.bind(math) as (source: string) => MathNode;

const off = (name: string) => () => {
  throw new Error(`Function ${name} is disabled`);
};

math.import(
  {
    import: off('import'),
    createUnit: off('createUnit'),
    reviver: off('reviver'),
    evaluate: off('evaluate'),
    parse: off('parse'),
    compile: off('compile'),
    simplify: off('simplify'),
    simplifyConstant: off('simplifyConstant'),
    simplifyCore: off('simplifyCore'),
    derivative: off('derivative'),
    resolve: off('resolve'),
    rationalize: off('rationalize'),
    chain: off('chain'),
  },
  { override: true },
);
