import type { DeviceEvent } from '../../shared/schemas/events';
import type { Journal } from '../db/scan-journal';

/** Writes events into the store the push replication reads; an id already there counts as written. */
export type WriteEvents = (events: readonly DeviceEvent[]) => Promise<void>;

const RETRY_MS = 2000;
/**
 * Forwarded events leave the journal when scanning pauses (one transaction
 * for many scans): a trim between two scans would make the next scan's
 * journal write wait for it. A long run of scans trims every so many.
 */
const TRIM_IDLE_MS = 3000;
const TRIM_AFTER = 500;

/**
 * Moves journaled events into RxDB's `events` collection, in the order they
 * were scanned, and trims the journal behind it. An event is removed from
 * the journal only after RxDB durably holds it, so a crash at any point
 * loses nothing and, events being keyed by id, duplicates nothing.
 */
export class EventForwarder {
  private chain: Promise<void> = Promise.resolve();
  private waiting: DeviceEvent[] = [];
  private forwarded: string[] = [];
  private trimTimer: ReturnType<typeof setTimeout> | null = null;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly journal: Journal,
    private readonly write: WriteEvents,
    private readonly failed: (err: unknown) => void = () => undefined,
  ) {}

  /** Start-up: what the journal still holds (the app stopped before forwarding it) goes over first. */
  async recover(): Promise<number> {
    const left = await this.journal.all();
    if (left.length === 0) return 0;
    left.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    await this.write(left);
    await this.journal.remove(left.map((e) => e.id));
    return left.length;
  }

  /** Stores the event durably in the journal; resolves once it is on disk (the scan may be confirmed). */
  async append(event: DeviceEvent): Promise<void> {
    await this.journal.put(event);
    this.waiting.push(event);
    this.pump();
  }

  /** Resolves when every journaled event so far is in RxDB and the journal is trimmed (quit, tests). */
  async settle(): Promise<void> {
    await this.chain;
    await this.trim();
  }

  private pump(): void {
    this.chain = this.chain.then(async () => {
      const batch = this.waiting;
      if (batch.length === 0) return;
      this.waiting = [];
      try {
        await this.write(batch);
      } catch (err) {
        // Still in the journal: tried again shortly (and at the next start in any case).
        this.waiting = [...batch, ...this.waiting];
        this.failed(err);
        this.retryTimer ??= setTimeout(() => {
          this.retryTimer = null;
          this.pump();
        }, RETRY_MS);
        return;
      }
      for (const e of batch) this.forwarded.push(e.id);
      if (this.trimTimer !== null) clearTimeout(this.trimTimer);
      this.trimTimer = this.forwarded.length >= TRIM_AFTER ? null : setTimeout(() => void this.trim(), TRIM_IDLE_MS);
      if (this.trimTimer === null) await this.trim();
    });
  }

  private async trim(): Promise<void> {
    if (this.trimTimer !== null) clearTimeout(this.trimTimer);
    this.trimTimer = null;
    const ids = this.forwarded;
    if (ids.length === 0) return;
    this.forwarded = [];
    try {
      await this.journal.remove(ids);
    } catch (err) {
      // Left in the journal: moved over again at the next start, which changes nothing.
      this.failed(err);
    }
  }
}
