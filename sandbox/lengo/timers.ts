/** The Lengo sandbox's timers and outgoing requests, all stopped when it closes. */
export class Timers {
  private closing = false;
  private readonly pending = new Set<NodeJS.Timeout>();
  private readonly inflight = new AbortController();

  get closed() {
    return this.closing;
  }

  /** Aborts outgoing requests (callbacks) when the sandbox closes. */
  get signal() {
    return this.inflight.signal;
  }

  /** Runs `fn` in `ms` (at once when overdue), unless the sandbox closes first. */
  later(fn: () => void, ms: number) {
    if (this.closing) return;
    const t = setTimeout(
      () => {
        this.pending.delete(t);
        if (!this.closing) fn();
      },
      Math.max(0, ms),
    );
    this.pending.add(t);
  }

  close() {
    this.closing = true;
    for (const t of this.pending) clearTimeout(t);
    this.pending.clear();
    this.inflight.abort();
  }
}
