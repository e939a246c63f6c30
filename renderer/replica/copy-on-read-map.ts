/**
 * A Map over a read-only base that clones a base entry the first time it is
 * read, so code that mutates what it gets (the shared ledger's
 * applyMovement adds to a balance row in place) never touches the base.
 * Building the optimistic view this way costs nothing per untouched row.
 */
export class CopyOnReadMap<V extends object> extends Map<string, V> {
  constructor(
    private readonly base: ReadonlyMap<string, V>,
    private readonly baseKey: (key: string) => string = (k) => k,
  ) {
    super();
  }

  override get(key: string): V | undefined {
    const own = super.get(key);
    if (own !== undefined) return own;
    const from = this.base.get(this.baseKey(key));
    if (from === undefined) return undefined;
    const copy = { ...from };
    super.set(key, copy);
    return copy;
  }

  override has(key: string): boolean {
    return super.has(key) || this.base.has(this.baseKey(key));
  }
}
