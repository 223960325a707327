import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { DashboardController, InsightsController } from './insights.controller';
import { InsightsRepository } from './insights.repository';
import { InsightsService } from './insights.service';
import { SessionSummaries } from './session-summaries';
import { WeeklySummary } from './weekly-summary';

@Module({ imports: [AuthModule], controllers: [InsightsController, DashboardController], providers: [InsightsRepository, InsightsService, SessionSummaries, WeeklySummary] })
export class InsightsModule {}
