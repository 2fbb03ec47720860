import { vi } from 'vitest';

/**
 * Runs `render` twice with the wall clock an hour apart (far past the ZIP format's
 * 2-second resolution), faking only `Date`: the renderers' streams need real timers.
 * Replaces real sleeps in the "byte-identical, even seconds apart" tests.
 */
export async function renderAnHourApart<T>(render: () => Promise<T>): Promise<[T, T]> {
  vi.useFakeTimers({ toFake: ['Date'] });
  try {
    vi.setSystemTime(new Date('2026-03-01T10:00:00Z'));
    const first = await render();
    vi.setSystemTime(new Date('2026-03-01T11:00:03Z'));
    const second = await render();
    return [first, second];
  } finally {
    vi.useRealTimers();
  }
}
