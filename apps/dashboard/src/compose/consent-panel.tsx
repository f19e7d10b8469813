import {
  Badge,
  Button,
  Group,
  Paper,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  TextInput,
} from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiError } from '../api/api-error';
import { api, unwrap } from '../api/client';
import { useOrgTime } from '../time/org-time';
import { mediaQueryKey, useMedia } from './media-queries';

const CONSENT_BADGES = {
  not_required: { color: 'gray', label: 'No patient shown' },
  valid: { color: 'teal', label: 'Consent on file' },
  missing: { color: 'red', label: 'Consent missing' },
  lapsed: { color: 'orange', label: 'Consent lapsed' },
} as const;

/** Whether a patient can be recognised in the media, and the signed release that allows it. */
export function ConsentPanel({ mediaId }: { mediaId: string }) {
  const media = useMedia(mediaId);
  const time = useOrgTime();
  const queryClient = useQueryClient();
  const [form, setForm] = useState({ personName: '', formId: '', signedAt: '', expiresAt: '' });
  const refresh = () => queryClient.invalidateQueries({ queryKey: mediaQueryKey(mediaId) });
  const showsPatient = useMutation({
    mutationFn: (value: boolean) =>
      unwrap(
        api.PATCH('/api/v1/media/{id}', {
          params: { path: { id: mediaId } },
          body: { showsPatient: value },
        }),
      ),
    onSuccess: refresh,
  });
  const record = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/v1/media/{id}/consents', {
          params: { path: { id: mediaId } },
          body: {
            personName: form.personName,
            formId: form.formId,
            signedAt: time.at(time.toInstant(form.signedAt)).toISOString(),
            expiresAt: form.expiresAt
              ? time.at(time.toInstant(form.expiresAt)).endOf('day').toISOString()
              : null,
          },
        }),
      ),
    onSuccess: refresh,
  });
  if (!media.data) return null;
  const status = CONSENT_BADGES[media.data.consentStatus];
  const error = record.error instanceof ApiError ? record.error : null;
  const needsConsent =
    media.data.consentStatus === 'missing' || media.data.consentStatus === 'lapsed';
  return (
    <Stack gap="xs">
      <Group gap="sm">
        <Switch
          label="A patient can be recognised"
          checked={media.data.showsPatient}
          onChange={(e) => showsPatient.mutate(e.currentTarget.checked)}
          disabled={showsPatient.isPending}
        />
        <Badge color={status.color}>{status.label}</Badge>
      </Group>
      {needsConsent && (
        <Paper p="sm" bg="gray.0">
          <Text size="sm" fw={600} mb={6}>
            Record the signed release
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
            <TextInput
              label="Person shown"
              required
              value={form.personName}
              onChange={(e) => setForm({ ...form, personName: e.currentTarget.value })}
              error={error?.fieldMessage('personName')}
            />
            <TextInput
              label="Release form id"
              required
              value={form.formId}
              onChange={(e) => setForm({ ...form, formId: e.currentTarget.value })}
              error={error?.fieldMessage('formId')}
            />
            <DateInput
              label="Signed on"
              required
              value={form.signedAt || null}
              onChange={(value) => setForm({ ...form, signedAt: value ?? '' })}
              error={error?.fieldMessage('signedAt')}
              valueFormat="MMM D, YYYY"
            />
            <DateInput
              label="Expires on"
              clearable
              value={form.expiresAt || null}
              onChange={(value) => setForm({ ...form, expiresAt: value ?? '' })}
              error={error?.fieldMessage('expiresAt')}
              valueFormat="MMM D, YYYY"
            />
          </SimpleGrid>
          <Button
            mt="sm"
            size="xs"
            onClick={() => record.mutate()}
            loading={record.isPending}
            disabled={!form.personName || !form.formId || !form.signedAt}
          >
            Save consent record
          </Button>
        </Paper>
      )}
    </Stack>
  );
}
