import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { currentTime } from '../../common/clock';

export interface AuditEntry {
  actorId: string | null;
  action: string;
  entity: string;
  entityId?: string | null;
  details?: Record<string, unknown>;
}

@Injectable()
export class AuditService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Records an entry; with `tx`, in the same transaction as the change it describes. */
  async record(entry: AuditEntry, tx: EntityManager = this.db.manager): Promise<void> {
    await tx.query(`INSERT INTO audit_log (at, actor_id, action, entity, entity_id, details) VALUES ($1, $2, $3, $4, $5, $6)`, [
      currentTime(),
      entry.actorId,
      entry.action,
      entry.entity,
      entry.entityId ?? null,
      JSON.stringify(entry.details ?? {}),
    ]);
  }
}
