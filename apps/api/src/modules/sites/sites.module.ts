import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PublicSiteNamesController, PublicSitesController } from './public-sites.controller';
import { SiteEntity } from './site.entity';
import { SitesController } from './sites.controller';
import { SitesRepository } from './sites.repository';
import { SitesService } from './sites.service';

@Module({
  imports: [TypeOrmModule.forFeature([SiteEntity])],
  controllers: [PublicSiteNamesController, PublicSitesController, SitesController],
  providers: [SitesRepository, SitesService],
  exports: [SitesService],
})
export class SitesModule {}
