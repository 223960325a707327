import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { currentTime } from '../../common/clock';
import { JobQueue } from '../jobs/job-queue';
import { InsightsRepository } from './insights.repository';

export const SESSION_SUMMARY_QUEUE = 'session-summaries';
/** Sessions per transaction: ~0.25 s of work at national scale, so a backlog never holds locks for long. */
const BATCH = 500;
/** Visits are mostly logged during the session; waiting a little spares summaries that a late entry would undo. */
const SETTLE_MS = 2 * 3_600_000;

/**
 * Keeps `session_summary` filled: every ten minutes (one run across instances) the figures of sessions
 * that ended over two hours ago are written once, so the dashboard and the open statistics read ~10,000
 * summaries for a month at every library instead of counting their slots, bookings and visits. A late
 * change to a session deletes its summary (database triggers) and the next run writes it again.
 */
@Injectable()
export class SessionSummaries implements OnModuleInit {
  private readonly logger = new Logger(SessionSummaries.name);

  constructor(
    private readonly repo: InsightsRepository,
    private readonly jobs: JobQueue,
  ) {}

  onModuleInit(): void {
    this.jobs.define({ name: SESSION_SUMMARY_QUEUE, cron: '*/10 * * * *', retryLimit: 1, handle: async () => void (await this.summarise()) });
  }

  /** Summarises every session that ended before `now` less the settling time; returns how many. */
  async summarise(now = currentTime()): Promise<number> {
    const endedBefore = new Date(now.getTime() - SETTLE_MS);
    let written = 0;
    for (;;) {
      const batch = await this.repo.summariseEndedSessions(endedBefore, BATCH);
      written += batch;
      if (batch < BATCH) break;
    }
    if (written) this.logger.log(`Statistics: summarised ${written} sessions that ended before ${endedBefore.toISOString()}`);
    return written;
  }
}
