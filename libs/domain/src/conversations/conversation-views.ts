import type { ConversationMessageEntity } from './conversation-message.entity';
import type { ConversationReplyEntity } from './conversation-reply.entity';

export type ReplyView = Omit<ConversationReplyEntity, 'organizationId' | 'updatedAt'> & {
  approvals: number;
};

export type MessageView = Omit<ConversationMessageEntity, 'organizationId'> & {
  replies: ReplyView[];
};

export function replyView(reply: ConversationReplyEntity, approvals: number): ReplyView {
  const { organizationId: _org, updatedAt: _updated, ...rest } = reply;
  return { ...rest, approvals };
}

export function messageView(message: ConversationMessageEntity, replies: ReplyView[]): MessageView {
  const { organizationId: _org, ...rest } = message;
  return { ...rest, replies };
}
