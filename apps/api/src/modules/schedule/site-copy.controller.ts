import { Body, Controller, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '@digihjalpen/domain';
import { ApiErrorDto } from '../../common/api-error.dto';
import { CurrentUser, Roles } from '../auth/access.decorator';
import { CopySiteDto, SiteCopyDto } from './dto/site-copy.dto';
import { SiteCopyService } from './site-copy.service';

/** Coordinators open a new library from an existing one. */
@ApiTags('coordinator')
@Roles('coordinator')
@Controller('sites')
export class SiteCopyController {
  constructor(private readonly copies: SiteCopyService) {}

  @Post(':id/copy')
  @ApiCreatedResponse({ type: SiteCopyDto, description: 'The new site (paused), its schedules from the start date and the number of sessions generated; no bookings, shifts or staff' })
  @ApiBadRequestResponse({ type: ApiErrorDto, description: 'INVALID_SITE with fields: name, address, slug (also when taken), startDate' })
  @ApiNotFoundResponse({ type: ApiErrorDto })
  copy(@Param('id', ParseUUIDPipe) id: string, @Body() body: CopySiteDto, @CurrentUser() user: AuthUser): Promise<SiteCopyDto> {
    return this.copies.copy(id, body, user);
  }
}
