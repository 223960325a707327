import { Injectable, SetMetadata, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { AuthUser } from '@digihjalpen/domain';
import type { Request } from 'express';
import { from, mergeMap, type Observable } from 'rxjs';
import { AuditService } from './audit.service';

const AUDITED_KEY = 'audited';

interface AuditedRoute {
  action: string;
  entity: string;
  /** Where the changed object's id is: a route parameter, or the answer's `id`. */
  id: { param: string } | 'result';
}

/**
 * Writes an audit entry after the route succeeded: who (the signed-in person), what, which object and
 * the route's ids — never the body, so no personal data ends up in the log. For changes that have no
 * audit entry of their own in the service (schedules, sessions, sites, staffing).
 */
export const Audited = (action: string, entity: string, id: AuditedRoute['id']) => SetMetadata(AUDITED_KEY, { action, entity, id } satisfies AuditedRoute);

@Injectable()
export class AuditInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly audit: AuditService,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const route = this.reflector.get<AuditedRoute | undefined>(AUDITED_KEY, context.getHandler());
    if (!route) return next.handle();
    const req = context.switchToHttp().getRequest<Request & { user?: AuthUser }>();
    return next.handle().pipe(
      mergeMap((result: unknown) =>
        from(
          (async () => {
            const id = route.id === 'result' ? ((result as { id?: unknown } | null)?.id ?? null) : (req.params[route.id.param] ?? null);
            await this.audit.record({ actorId: req.user?.id ?? null, action: route.action, entity: route.entity, entityId: typeof id === 'string' ? id : null, details: { ...req.params } });
            return result;
          })(),
        ),
      ),
    );
  }
}
