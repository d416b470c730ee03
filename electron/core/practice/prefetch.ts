/**
 * Background prefetch: keeps one validated exercise ready per active concept, one job at a time
 * (validation runs code in a sandbox process; the machine has few cores and the learner's own
 * runs come first). A concept already queued or running is not queued twice.
 */
export interface PrefetchJob {
  key: string;
  /** Makes and stores one exercise; resolves when done. */
  work: () => Promise<void>;
}

export class Prefetcher {
  private readonly queue: PrefetchJob[] = [];
  private readonly pending = new Set<string>();
  private running: Promise<void> | undefined;
  private readonly onDone: (key: string, error?: unknown) => void;

  constructor(onDone: (key: string, error?: unknown) => void = () => {}) {
    this.onDone = onDone;
  }

  /** Queues the job unless one with the same key is queued or running. */
  enqueue(job: PrefetchJob): boolean {
    if (this.pending.has(job.key)) return false;
    this.pending.add(job.key);
    this.queue.push(job);
    this.running ??= this.drain();
    return true;
  }

  isPending(key: string): boolean {
    return this.pending.has(key);
  }

  /** Resolves when nothing is queued or running. */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  private async drain(): Promise<void> {
    for (let job = this.queue.shift(); job; job = this.queue.shift()) {
      try {
        await job.work();
        this.onDone(job.key);
      } catch (error) {
        this.onDone(job.key, error);
      } finally {
        this.pending.delete(job.key);
      }
    }
    this.running = undefined;
  }
}
