import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { LoggerModule } from 'nestjs-pino';
import { ApiExceptionFilter } from './common/api-exception.filter';
import { redactUrl } from './common/log-redaction';
import type { AppConfig } from './config/app-config';
import { ConfigModule } from './config/config.module';
import { dataSourceOptions } from './database/data-source';
import { AuthModule } from './modules/auth/auth.module';
import { AuditModule } from './modules/audit/audit.module';
import { BookingsModule } from './modules/bookings/bookings.module';
import { DeskModule } from './modules/desk/desk.module';
import { HoursModule } from './modules/hours/hours.module';
import { InsightsModule } from './modules/insights/insights.module';
import { OcnModule } from './modules/ocn/ocn.module';
import { PartnersModule } from './modules/partners/partners.module';
import { PrivacyModule } from './modules/privacy/privacy.module';
import { AccountsModule } from './modules/accounts/accounts.module';
import { VisitsModule } from './modules/visits/visits.module';
import { CalendarModule } from './modules/calendar/calendar.module';
import { HelpersModule } from './modules/helpers/helpers.module';
import { HelperNoticesModule } from './modules/helper-notices/helper-notices.module';
import { ClosuresModule } from './modules/closures/closures.module';
import { JobsModule } from './modules/jobs/jobs.module';
import { LimitsModule } from './modules/limits/limits.module';
import { HealthModule } from './modules/health/health.module';
import { NotificationsModule } from './modules/notifications/notifications.module';
import { ScheduleModule } from './modules/schedule/schedule.module';
import { SitesModule } from './modules/sites/sites.module';

export interface AppRuntime {
  config: AppConfig;
  /** The database actually used (DATABASE_URL or the embedded one). */
  databaseUrl: string;
  /** The SMTP server actually used (SMTP_URL or the local mail catcher). */
  smtpUrl: string;
  /** Folder of the local mail catcher when it runs; listed at /dev/mail outside production. */
  mailCatcherDir?: string;
  /** Schema of the job queue tables; only API tests, which share one database, set it. */
  jobSchema?: string;
}

function requestId(req: IncomingMessage, res: ServerResponse): string {
  const incoming = req.headers['x-request-id'];
  const id = typeof incoming === 'string' && /^[\w-]{1,64}$/.test(incoming) ? incoming : randomUUID();
  res.setHeader('X-Request-Id', id);
  return id;
}

@Module({})
export class AppModule {
  static forRoot(runtime: AppRuntime): DynamicModule {
    const { config } = runtime;
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggerModule.forRoot({
          pinoHttp: {
            level: config.logLevel,
            genReqId: requestId,
            redact: ['req.headers.cookie', 'req.headers.authorization', 'req.headers["x-xsrf-token"]', 'res.headers["set-cookie"]'],
            // Route parameters are left out: they repeat the path, secrets included.
            serializers: { req: ({ params: _params, ...req }: { url?: string; params?: unknown }) => ({ ...req, url: req.url && redactUrl(req.url) }) },
            autoLogging: { ignore: (req) => req.url === '/api/health' },
          },
        }),
        // Fail fast: start-up already checked the connection, and a dropped connection later is retried by the pool.
        TypeOrmModule.forRoot({ ...dataSourceOptions(runtime.databaseUrl), retryAttempts: 0 }),
        NotificationsModule.forRoot({ smtpUrl: runtime.smtpUrl, from: config.mailFrom, catcherDir: config.env === 'production' ? undefined : runtime.mailCatcherDir }),
        JobsModule.forRoot({ databaseUrl: runtime.databaseUrl, pollSeconds: config.jobPollSeconds, schema: runtime.jobSchema }),
        AuditModule,
        LimitsModule,
        AuthModule,
        HealthModule,
        SitesModule,
        ScheduleModule,
        CalendarModule,
        HelpersModule,
        HelperNoticesModule,
        ClosuresModule,
        BookingsModule,
        VisitsModule,
        DeskModule,
        HoursModule,
        OcnModule,
        InsightsModule,
        PartnersModule,
        PrivacyModule,
        AccountsModule,
      ],
      providers: [{ provide: APP_FILTER, useClass: ApiExceptionFilter }],
    };
  }
}
