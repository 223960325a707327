import { BadRequestException, ValidationPipe, type ValidationError } from '@nestjs/common';

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
      new BadRequestException({ code: 'VALIDATION_FAILED', message: 'Some fields need fixing.', fields: flatten(errors) }),
  });
}
