import { Controller, Get, Logger, Res } from '@nestjs/common';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { HealthCheckService, TypeOrmHealthIndicator, type HealthCheckResult } from '@nestjs/terminus';
import type { Response } from 'express';
import { Public } from '../auth/access.decorator';

/** All a public 503 says: the driver's error names the database's host, port, role and database. */
export const HEALTH_DOWN = { status: 'error', database: 'down' } as const;

@ApiTags('public')
@Public()
@Controller('health')
export class HealthController {
  private readonly logger = new Logger('Health');
  /** Whether the last check failed: the detail is logged when the database goes down and when it is back, not at every poll. */
  private down = false;

  constructor(
    private readonly health: HealthCheckService,
    private readonly db: TypeOrmHealthIndicator,
  ) {}

  @Get()
  @ApiOkResponse({ description: '`{ status: "ok", info: { database: { status: "up" } }, error: {}, details: { … } }`' })
  @ApiServiceUnavailableResponse({ description: 'Exactly `{ "status": "error", "database": "down" }` (the cause is in the server log)' })
  async check(@Res({ passthrough: true }) res: Response): Promise<HealthCheckResult | typeof HEALTH_DOWN> {
    try {
      const result = await this.health.check([() => this.db.pingCheck('database', { timeout: 2_000 })]);
      if (this.down) this.logger.log('The database answers again.');
      this.down = false;
      return result;
    } catch (error) {
      // Terminus throws a 503 whose body carries the driver's message; anything else thrown on the way is no better.
      if (!this.down) this.logger.warn(`The database does not answer: ${causeOf(error)}`);
      this.down = true;
      res.status(503);
      return HEALTH_DOWN;
    }
  }
}

function causeOf(error: unknown): string {
  const response = (error as { getResponse?: () => unknown }).getResponse?.();
  const detail = (response as { error?: { database?: { message?: unknown } } } | undefined)?.error?.database?.message;
  if (typeof detail === 'string') return detail;
  return error instanceof Error ? error.message : String(error);
}
