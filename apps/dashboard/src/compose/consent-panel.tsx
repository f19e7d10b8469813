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
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiError } from '../api/api-error';
import { api, unwrap } from '../api/client';
import type { Schemas } from '../api/schema-types';
import { useSession } from '../auth/session';
import { ReasonDialog } from '../common/reason-dialog';
import { DATE, useOrgTime } from '../time/org-time';
import { mediaQueryKey, useMedia } from './media-queries';

type Consent = Schemas['ConsentDto'];

const CONSENT_BADGES = {
  not_required: { color: 'gray', label: 'No patient shown' },
  valid: { color: 'teal', label: 'Consent on file' },
  missing: { color: 'red', label: 'Consent missing' },
  lapsed: { color: 'orange', label: 'Consent lapsed' },
} as const;

const RECORD_BADGES: Record<Consent['status'], { color: string; label: string }> = {
  valid: { color: 'teal', label: 'In force' },
  pending: { color: 'blue', label: 'Pending' },
  expired: { color: 'orange', label: 'Expired' },
  revoked: { color: 'red', label: 'Revoked' },
};

/** Whether a patient can be recognised in the media, and the signed release that allows it. */
export function ConsentPanel({ mediaId }: { mediaId: string }) {
  const media = useMedia(mediaId);
  const time = useOrgTime();
  const queryClient = useQueryClient();
  const { can } = useSession();
  const managesConsent = can('consent:manage');
  const consents = useQuery({
    queryKey: [...mediaQueryKey(mediaId), 'consents'],
    queryFn: () =>
      unwrap(api.GET('/api/v1/media/{id}/consents', { params: { path: { id: mediaId } } })),
    enabled: managesConsent && !!media.data?.showsPatient,
  });
  const [revoking, setRevoking] = useState<Consent | null>(null);
  const [form, setForm] = useState({ personName: '', formId: '', signedAt: '', expiresAt: '' });
  // The media and its consent records; not its bytes, which do not change.
  const refresh = () =>
    queryClient.invalidateQueries({
      queryKey: mediaQueryKey(mediaId),
      predicate: (query) => query.queryKey[2] !== 'content',
    });
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
      {media.data.showsPatient && managesConsent && !!consents.data?.length && (
        <Stack gap={6} aria-label="Consent records">
          {consents.data.map((consent) => (
            <ConsentRow key={consent.id} consent={consent} onRevoke={() => setRevoking(consent)} />
          ))}
        </Stack>
      )}
      {revoking && (
        <RevokeConsentModal
          consent={revoking}
          onClose={() => setRevoking(null)}
          onRevoked={() => {
            setRevoking(null);
            void refresh();
          }}
        />
      )}
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

function ConsentRow({ consent, onRevoke }: { consent: Consent; onRevoke: () => void }) {
  const time = useOrgTime();
  const badge = RECORD_BADGES[consent.status];
  const inForce = consent.status === 'valid' || consent.status === 'pending';
  return (
    <Paper p="xs" withBorder data-testid="consent-record">
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <div>
          <Group gap="xs">
            <Text size="sm" fw={600}>
              {consent.personName}
            </Text>
            <Badge size="sm" variant="light" color={badge.color}>
              {badge.label}
            </Badge>
          </Group>
          <Text size="xs" c="dimmed">
            Form {consent.formId} · signed {time.format(consent.signedAt, DATE)}
            {consent.expiresAt && ` · expires ${time.format(consent.expiresAt, DATE)}`}
          </Text>
          {consent.revokedAt && (
            <Text size="xs" c="red.8">
              Revoked {time.format(consent.revokedAt, DATE)}
              {consent.revocationReason && `: ${consent.revocationReason}`}
            </Text>
          )}
        </div>
        {inForce && (
          <Button size="compact-xs" variant="subtle" color="red" onClick={onRevoke}>
            Revoke
          </Button>
        )}
      </Group>
    </Paper>
  );
}

/** Revoking holds every scheduled post using the media until a new release is recorded. */
function RevokeConsentModal(props: {
  consent: Consent;
  onClose: () => void;
  onRevoked: () => void;
}) {
  const { consent, onClose, onRevoked } = props;
  const revoke = useMutation({
    mutationFn: (reason: string) =>
      unwrap(
        api.POST('/api/v1/consents/{id}/revoke', {
          params: { path: { id: consent.id } },
          body: { reason },
        }),
      ),
    onSuccess: () => {
      notifications.show({
        color: 'orange',
        title: 'Consent revoked',
        message: 'Scheduled posts using this media will be held until a new release is recorded.',
      });
      onRevoked();
    },
  });
  return (
    <ReasonDialog
      title="Revoke consent"
      reasonDescription="Recorded on the audit trail."
      confirmLabel="Revoke consent"
      confirmColor="red"
      pending={revoke.isPending}
      error={revoke.error}
      onConfirm={(reason) => revoke.mutate(reason)}
      onClose={onClose}
    >
      The release signed by <b>{consent.personName}</b> (form {consent.formId}) will no longer
      count. Scheduled posts using this media will be held and not published until a new signed
      release is recorded, and the media cannot be approved meanwhile.
    </ReasonDialog>
  );
}
