import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { RateWindow } from '@digihjalpen/domain';
import { DataSource, type EntityManager } from 'typeorm';

@Injectable()
export class RateLimitsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * Counts one hit and answers the count in the window so far: one statement, atomic across instances
   * (the row's lock is held until the statement's transaction ends — with `tx`, the caller's).
   */
  async hit(bucket: string, key: string, window: RateWindow, tx?: EntityManager): Promise<number> {
    const rows = (await (tx ?? this.db).query(
      `INSERT INTO rate_limit (bucket, key, window_start, window_end, hits) VALUES ($1, $2, $3, $4, 1)
       ON CONFLICT (bucket, key, window_start) DO UPDATE SET hits = rate_limit.hits + 1
       RETURNING hits`,
      [bucket, key, window.start, window.end],
    )) as { hits: number }[];
    const hits = rows[0]?.hits;
    if (hits === undefined) throw new Error('rate_limit: no count returned');
    return hits;
  }

  /** Deletes the windows that have ended by `now`; answers how many. */
  async sweep(now: Date): Promise<number> {
    const [, deleted] = (await this.db.query(`DELETE FROM rate_limit WHERE window_end <= $1`, [now])) as [unknown, number];
    return deleted;
  }
}
