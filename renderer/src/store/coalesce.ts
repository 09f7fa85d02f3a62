/**
 * Wrap a loader so overlapping requests share one run, and a request that arrives while a run
 * is under way causes exactly one more run afterwards (so the latest data always wins).
 */
export function coalesce(run: () => Promise<void>): () => Promise<void> {
  let current: Promise<void> | null = null;
  let again = false;
  return () => {
    if (current) {
      again = true;
      return current;
    }
    current = (async () => {
      try {
        do {
          again = false;
          await run();
        } while (again);
      } finally {
        current = null;
      }
    })();
    return current;
  };
}
