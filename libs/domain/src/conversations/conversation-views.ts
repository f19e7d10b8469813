import type { ConversationNoteEntity } from './conversation-note.entity';
import type { InboxRow } from './conversation.repository';
import type { ConversationReplyEntity } from './conversation-reply.entity';

export type ReplyView = Omit<ConversationReplyEntity, 'organizationId' | 'updatedAt'> & {
  approvals: number;
};

export type NoteView = Omit<ConversationNoteEntity, 'organizationId'>;

export type MessageView = Omit<InboxRow, 'organizationId'> & {
  replies: ReplyView[];
  notes: NoteView[];
};

export function replyView(reply: ConversationReplyEntity, approvals: number): ReplyView {
  const { organizationId: _org, updatedAt: _updated, ...rest } = reply;
  return { ...rest, approvals };
}

export function noteView(note: ConversationNoteEntity): NoteView {
  const { organizationId: _org, ...rest } = note;
  return rest;
}

export function messageView(
  message: InboxRow,
  replies: ReplyView[],
  notes: NoteView[],
): MessageView {
  const { organizationId: _org, ...rest } = message;
  return { ...rest, replies, notes };
}
