import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { PgBoss, type Job, type JobResult } from 'pg-boss';
import type { EntityManager } from 'typeorm';
import { currentTime } from '../../common/clock';
import { ResilientClient } from '../../database/pg-client';

export const JOB_QUEUE_OPTIONS = Symbol('JOB_QUEUE_OPTIONS');

export interface JobQueueOptions {
  databaseUrl: string;
  pollSeconds: number;
  /** Postgres schema of the queue tables (API tests give each app its own). */
  schema?: string;
}

export interface QueueDefinition<T extends object> {
  name: string;
  handle: (data: T, job: Job<T>) => Promise<void>;
  /** Failed jobs are retried with exponential backoff (seconds: 30, 60, 120, …). */
  retryLimit?: number;
  /** Runs the queue on a cron schedule in Europe/Stockholm (no data), e.g. '15 3 * * *'. */
  cron?: string;
}

/**
 * The job queue: pg-boss on the application's own Postgres. Jobs can be added inside a TypeORM
 * transaction, so a job exists exactly when the change that caused it was committed; any API
 * instance may run it, and each job runs on one instance only.
 */
@Injectable()
export class JobQueue implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(JobQueue.name);
  private readonly queues = new Map<string, QueueDefinition<object>>();
  private readonly boss: PgBoss;
  private started = false;

  constructor(@Inject(JOB_QUEUE_OPTIONS) private readonly options: JobQueueOptions) {
    // `Client` goes through to pg's Pool (pg-boss passes its options on; its types do not list it).
    const settings = { connectionString: options.databaseUrl, schema: options.schema ?? 'pgboss', max: 4, application_name: 'digihjalpen-jobs', Client: ResilientClient };
    this.boss = new PgBoss(settings);
    this.boss.on('error', (error: Error) => this.logger.error(`Job queue: ${error.message}`));
  }

  /** Modules register their queues while the application is created; workers start with it. */
  define<T extends object>(queue: QueueDefinition<T>): void {
    if (this.started) throw new Error(`Queue ${queue.name} defined after start`);
    this.queues.set(queue.name, queue as QueueDefinition<object>);
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.boss.start();
    this.started = true;
    for (const queue of this.queues.values()) {
      await this.boss.createQueue(queue.name, { retryLimit: queue.retryLimit ?? 5, retryDelay: 30, retryBackoff: true, retryDelayMax: 3600 });
      // Batches of up to 20, fetched back to back while full; each job settles on its own, so one
      // failed e-mail is retried alone instead of failing (and later resending) its whole batch.
      const options = { pollingIntervalSeconds: this.options.pollSeconds, batchSize: 20, burstWhenBatchFull: true, perJobResults: true } as const;
      await this.boss.work<object, unknown, typeof options>(queue.name, options, async (jobs) => {
        const results: JobResult[] = [];
        for (const job of jobs) {
          try {
            await queue.handle(job.data, job);
            results.push({ id: job.id, status: 'completed' });
          } catch (error) {
            this.logger.warn(`Job ${queue.name} failed (will be retried): ${(error as Error).message}`);
            results.push({ id: job.id, status: 'failed', output: { message: (error as Error).message } });
          }
        }
        return results;
      });
      if (queue.cron) await this.boss.schedule(queue.name, queue.cron, null, { tz: 'Europe/Stockholm' });
    }
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.started) await this.boss.stop({ graceful: true, timeout: 5_000 });
  }

  /**
   * Adds a job. With `tx`, the job is written in that transaction and disappears if it rolls back.
   * A `singletonKey` makes a second identical job a no-op while the first one waits.
   */
  async send<T extends object>(name: string, data: T, options: { startAfter?: Date; singletonKey?: string } = {}, tx?: EntityManager): Promise<string | null> {
    if (!this.queues.has(name)) throw new Error(`Unknown queue ${name}`);
    const db = this.inTransaction(tx);
    // One clock: the application decides when; the queue (on the database's clock) only counts the delay.
    const { startAfter, ...rest } = options;
    const delaySeconds = startAfter ? Math.ceil((startAfter.getTime() - currentTime().getTime()) / 1000) : 0;
    return this.boss.send(name, data, { ...rest, ...(delaySeconds > 0 ? { startAfter: delaySeconds } : {}), ...(db ? { db } : {}) });
  }

  /**
   * Adds many jobs due now in one statement (one round trip, not one per job): for a closure that cancels
   * thousands of bookings in one transaction. With `tx`, written in that transaction, as `send`.
   */
  async sendMany<T extends object>(name: string, items: readonly T[], tx?: EntityManager): Promise<void> {
    if (!this.queues.has(name)) throw new Error(`Unknown queue ${name}`);
    if (!items.length) return;
    const db = this.inTransaction(tx);
    await this.boss.insert(name, items.map((data) => ({ data })), db ? { db } : {});
  }

  private inTransaction(tx?: EntityManager): { executeSql: (text: string, values?: unknown[]) => Promise<{ rows: unknown[] }> } | undefined {
    const runner = tx?.queryRunner;
    if (tx && !runner) throw new Error('JobQueue.send needs a transactional EntityManager');
    return runner ? { executeSql: async (text: string, values?: unknown[]) => ({ rows: (await runner.query(text, values, true)).records }) } : undefined;
  }
}
