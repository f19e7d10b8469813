import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Actor, MfaEnrolmentService } from '@rounds/domain';
import { AllowedBeforeMfa, AnyRole, CurrentActor } from '../common/access.decorators';
import { ConfirmTotpDto, RecoveryCodesDto, TotpEnrolmentDto } from './dto/mfa.dto';

@ApiTags('users')
@ApiBearerAuth()
@AnyRole()
@AllowedBeforeMfa()
@Controller('me/mfa')
export class MfaController {
  constructor(private readonly enrolment: MfaEnrolmentService) {}

  /** A new TOTP secret (pending until confirmed); the QR code is for the authenticator app. */
  @Post('totp')
  @HttpCode(200)
  begin(@CurrentActor() actor: Actor): Promise<TotpEnrolmentDto> {
    return this.enrolment.begin(actor);
  }

  /** The app's first code; answers ten single-use recovery codes, shown this once. */
  @Post('totp/confirm')
  @HttpCode(200)
  async confirm(
    @CurrentActor() actor: Actor,
    @Body() dto: ConfirmTotpDto,
  ): Promise<RecoveryCodesDto> {
    return { recoveryCodes: await this.enrolment.confirm(actor, dto.code) };
  }
}
