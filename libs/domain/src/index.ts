export * from './shared/domain-error';
export * from './sites/sites.types';
export * from './sites/sites.errors';
export * from './sites/sites.rules';
