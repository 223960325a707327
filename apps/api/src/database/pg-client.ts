import { Client, type ClientConfig } from 'pg';

/**
 * pg's Client for every pool of ours (TypeORM's and the job queue's). When PostgreSQL stops or restarts,
 * a connection that has just been made can read "ready" and the server's FATAL in one network read:
 * pg-pool hands the client out between the two, before TypeORM or pg-boss has put its 'error' listener
 * on it, and an 'error' event that nobody hears ends the process (seen in the database-fault test on a
 * busy machine). This listener is always there. The error still fails the statement in flight, and the
 * pool still drops the broken client (it is no longer queryable when it comes back).
 */
export class ResilientClient extends Client {
  constructor(config?: string | ClientConfig) {
    super(config);
    this.on('error', () => undefined);
  }
}
