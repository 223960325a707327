import { Module } from '@nestjs/common';
import { ManageTokens } from '../bookings/manage-tokens';
import { PrivacyCodes } from './privacy-codes';
import { PrivacyController } from './privacy.controller';
import { PrivacyRepository } from './privacy.repository';
import { PrivacyService } from './privacy.service';

@Module({
  controllers: [PrivacyController],
  // ManageTokens: the same keyed contact hashes as bookings, to bind a code to the address it went to.
  providers: [PrivacyRepository, PrivacyService, PrivacyCodes, ManageTokens],
})
export class PrivacyModule {}
