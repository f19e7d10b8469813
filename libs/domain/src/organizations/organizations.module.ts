import { Module } from '@nestjs/common';
import { OrganizationSettingsService } from './organization-settings.service';
import { PauseService } from './pause.service';

@Module({
  providers: [OrganizationSettingsService, PauseService],
  exports: [OrganizationSettingsService, PauseService],
})
export class OrganizationsModule {}
