/**
 * Loading HiGHS (WebAssembly) lazily: only the optimal method pays for it.
 * highs ships CJS-style types, so under NodeNext TypeScript sees the module
 * object where the runtime gives the loader function (docs/stack-notes.md §3).
 */
import type highsModule from 'highs';

type Loader = typeof highsModule.default;
export type Highs = Awaited<ReturnType<Loader>>;

export async function loadHighs(): Promise<Highs> {
  const mod = (await import('highs')) as unknown as { default?: Loader | { default?: Loader } };
  const candidate = mod.default;
  const loader = (typeof candidate === 'function' ? candidate : candidate?.default) as Loader | undefined;
  if (typeof loader !== 'function') throw new Error('highs: the module has no loader function');
  return loader();
}
