import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** Every error the API answers with: `{ code, message, fields? }`. */
export class ApiErrorDto {
  @ApiProperty({ example: 'SITE_NOT_FOUND', description: 'Stable, machine-readable code' })
  code!: string;

  @ApiProperty({ example: 'Det finns ingen plats som heter "bibblan".', description: 'Plain-language explanation' })
  message!: string;

  @ApiPropertyOptional({ type: 'object', additionalProperties: { type: 'string' }, description: 'One message per invalid field' })
  fields?: Record<string, string>;

  @ApiPropertyOptional({ type: 'array', items: { type: 'object' }, description: 'Free times offered instead of a taken one (SLOT_FULL, SLOT_NOT_BOOKABLE)' })
  alternatives?: unknown[];
}
