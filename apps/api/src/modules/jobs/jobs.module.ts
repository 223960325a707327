import { Module, type DynamicModule } from '@nestjs/common';
import { JOB_QUEUE_OPTIONS, JobQueue, type JobQueueOptions } from './job-queue';

@Module({})
export class JobsModule {
  static forRoot(options: JobQueueOptions): DynamicModule {
    return { module: JobsModule, global: true, providers: [{ provide: JOB_QUEUE_OPTIONS, useValue: options }, JobQueue], exports: [JobQueue] };
  }
}
