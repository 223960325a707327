import { SiteEntity } from '../modules/sites/site.entity';

/** Every entity, listed once: the Nest module and the migration tooling share this list. */
export const entities = [SiteEntity];
