import { Controller, Get, ServiceUnavailableException } from '@nestjs/common';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { Public } from '../auth/access.decorator';
import { HealthCheckService, TypeOrmHealthIndicator, type HealthCheckResult } from '@nestjs/terminus';
import { DATABASE_UNAVAILABLE } from '../../database/database-errors';

@ApiTags('public')
@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly db: TypeOrmHealthIndicator,
  ) {}

  @Get()
  @ApiOkResponse({ description: '`{ status: "ok", info: { database: { status: "up" } } }`' })
  @ApiServiceUnavailableResponse({ description: '`{ status: "error", code: "DATABASE_UNAVAILABLE", message, error: { database: { status: "down", message } } }`' })
  async check(): Promise<HealthCheckResult> {
    try {
      return await this.health.check([() => this.db.pingCheck('database', { timeout: 2_000 })]);
    } catch (error) {
      // Terminus answers 503 with `{ status: 'error', error: { database: { status: 'down', message } } }`.
      // The database is the only check, so the code and plain message are the ones every other request
      // that needed it answers with.
      if (!(error instanceof ServiceUnavailableException)) throw error;
      throw new ServiceUnavailableException({ ...(error.getResponse() as HealthCheckResult), status: 'error', ...DATABASE_UNAVAILABLE });
    }
  }
}
