/**
 * Runs jobs that need a lazily imported module, in call order: a job given while the module is
 * loaded runs at once; jobs given before it has arrived wait, in order, and run as soon as it
 * arrives, before any later job. Used by the cue store for the in-band carriers' parsers
 * (`in-band-carriers.ts`), so a batch of stream metadata that arrives before the parsers is
 * neither lost nor reordered.
 *
 * When the import fails, the waiting jobs are dropped and `onFail` is told once with the cause;
 * the next job tries the import again. {@link clear} drops the waiting jobs (a new source).
 */
export class CarrierQueue<M> {
  private module: M | undefined;
  private jobs: Array<(module: M) => void> = [];
  private loading: Promise<void> | undefined;

  /**
   * @param load imports the module (called at most once at a time, again after a failure).
   * @param onFail told once per failed import that had jobs waiting.
   */
  constructor(
    private readonly load: () => Promise<M>,
    private readonly onFail: (cause: unknown) => void,
  ) {}

  /** Whether jobs are waiting for the module. */
  get waiting(): boolean {
    return this.jobs.length > 0;
  }

  /** Runs `job` now if the module is here and nothing waits before it; else after those. */
  run(job: (module: M) => void): void {
    if (this.module !== undefined && this.jobs.length === 0) {
      job(this.module);
      return;
    }
    this.jobs.push(job);
    if (this.module === undefined) this.start();
  }

  /** Drops the waiting jobs. */
  clear(): void {
    this.jobs = [];
  }

  /** Resolves once no import is under way (the waiting jobs have run or were dropped). */
  settled(): Promise<void> {
    return this.loading ?? Promise.resolve();
  }

  private start(): void {
    if (this.loading) return;
    const loading = this.load().then(
      (module) => {
        this.loading = undefined;
        this.module = module;
        // One at a time, from the front: a job that queues another puts it after the rest.
        while (this.jobs.length > 0) this.jobs.shift()!(module);
      },
      (cause: unknown) => {
        this.loading = undefined;
        const lost = this.jobs.length > 0;
        this.jobs = [];
        if (lost) this.onFail(cause);
      },
    );
    this.loading = loading;
  }
}
