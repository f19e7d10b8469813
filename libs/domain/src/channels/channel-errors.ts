import { DomainError, DomainErrorCode } from '../common/domain-error';
import type { ChannelEntity } from './channel.entity';

/** The channel cannot be used until an admin connects it again. */
export class ChannelUnavailableError extends DomainError {
  constructor(channel: Pick<ChannelEntity, 'id' | 'handle' | 'status' | 'statusReason'>) {
    super(
      DomainErrorCode.PreconditionFailed,
      `channel ${channel.handle} is ${channel.status}${channel.statusReason ? ` (${channel.statusReason})` : ''}; an admin must connect it again`,
      undefined,
      { channelId: channel.id, status: channel.status },
    );
  }
}

/** An OAuth callback that cannot complete; the message is shown to the admin on the dashboard. */
export class ChannelConnectError extends DomainError {
  constructor(message: string) {
    super(DomainErrorCode.PreconditionFailed, message);
  }
}
