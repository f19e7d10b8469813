import { Alert, Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import type { FormEvent, ReactNode } from 'react';
import { ApiError } from '../api/api-error';

interface ReasonDialogProps {
  title: string;
  /** What confirming does, in a sentence or two. */
  children: ReactNode;
  reasonDescription: string;
  confirmLabel: string;
  confirmColor: string;
  pending: boolean;
  /** The failed request's error: shown on the reason, or above it when about something else. */
  error: unknown;
  onConfirm: (reason: string) => void;
  onClose: () => void;
}

/**
 * A confirmation that needs a reason for the audit trail (pause, resume, revoking consent).
 * Render it only while open, so each opening starts with an empty reason.
 */
export function ReasonDialog(props: ReasonDialogProps) {
  const [reason, setReason] = useState('');
  const error = props.error instanceof ApiError ? props.error : null;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (reason.trim()) props.onConfirm(reason.trim());
  };
  return (
    <Modal opened onClose={props.onClose} title={props.title}>
      <Stack component="form" gap="md" onSubmit={submit}>
        <Text size="sm">{props.children}</Text>
        {error && !error.fieldMessage('reason') && <Alert color="red">{error.message}</Alert>}
        <Textarea
          label="Reason"
          description={props.reasonDescription}
          required
          autosize
          minRows={2}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          error={error?.fieldMessage('reason')}
          data-autofocus
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onClose}>
            Cancel
          </Button>
          <Button
            type="submit"
            color={props.confirmColor}
            loading={props.pending}
            disabled={!reason.trim()}
          >
            {props.confirmLabel}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
