export * from './shared/domain-error';
export * from './sites/sites.types';
export * from './sites/sites.errors';
export * from './sites/sites.rules';
export * from './schedule/schedule.types';
export * from './schedule/schedule.errors';
export * from './schedule/schedule.rules';
