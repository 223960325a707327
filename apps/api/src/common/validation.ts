import { BadRequestException, ValidationPipe, type PipeTransform, type ValidationError } from '@nestjs/common';

function flatten(errors: ValidationError[], prefix = ''): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const error of errors) {
    const key = prefix + error.property;
    if (error.constraints) fields[key] = Object.values(error.constraints).join('; ');
    if (error.children?.length) Object.assign(fields, flatten(error.children, `${key}.`));
  }
  return fields;
}

/** Whitelisting DTO validation whose errors carry one message per field. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) =>
      new BadRequestException({ code: 'VALIDATION_FAILED', message: 'Några uppgifter behöver rättas.', fields: flatten(errors) }),
  });
}

function hasNul(value: unknown, depth = 0): boolean {
  if (typeof value === 'string') return value.includes('\u0000');
  if (depth > 20 || value === null || typeof value !== 'object') return false;
  return Object.entries(value).some(([k, v]) => k.includes('\u0000') || hasNul(v, depth + 1));
}

/**
 * PostgreSQL cannot store the NUL character; a request carrying one (in a path parameter, the query
 * or the body) gets a 400 here instead of a database error.
 */
export class RejectNulPipe implements PipeTransform {
  transform<T>(value: T): T {
    if (hasNul(value)) throw new BadRequestException({ code: 'INVALID_CHARACTERS', message: 'The request contains a character that is not allowed (NUL).' });
    return value;
  }
}
