import {
  Alert,
  Button,
  Group,
  Paper,
  PasswordInput,
  Select,
  Stack,
  Switch,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { ApiError } from '../api/api-error';
import { api, unwrap } from '../api/client';
import type { Schemas } from '../api/schema-types';
import { ME_QUERY } from '../auth/session';
import { ROLE_LABELS } from '../auth/permissions';
import { SETTINGS_QUERY } from './settings-model';

type Role = Schemas['UserDto']['role'];
type SsoView = Schemas['SsoSettingsViewDto'];
const ROLE_OPTIONS = Object.entries(ROLE_LABELS).map(([value, label]) => ({ value, label }));
const SSO_QUERY = ['organization', 'sso'] as const;

/** "MFA required for admins and compliance officers": saved as soon as it is switched. */
export function MfaPolicyPanel({ mfaRequired }: { mfaRequired: boolean }) {
  const queryClient = useQueryClient();
  const save = useMutation({
    mutationFn: (on: boolean) =>
      unwrap(api.PATCH('/api/v1/organization/settings', { body: { mfaRequired: on } })),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: SETTINGS_QUERY });
      void queryClient.invalidateQueries({ queryKey: ME_QUERY });
    },
  });
  return (
    <Paper p="lg" withBorder>
      <Stack gap="xs">
        <Title order={2} fz={18}>
          Two-step verification
        </Title>
        <Switch
          label="Required for admins and compliance officers"
          description="Each of them has 7 days from when this is turned on (or from joining) to set it up; after that Rounds lets them do nothing else."
          checked={save.isPending ? save.variables : mfaRequired}
          onChange={(e) => save.mutate(e.currentTarget.checked)}
        />
      </Stack>
    </Paper>
  );
}

interface SsoDraft {
  slug: string;
  issuer: string;
  clientId: string;
  clientSecret: string;
  emailDomains: string;
  groupsClaim: string;
  /** One `group = role` per line. */
  roleMapping: string;
  defaultRole: string | null;
  ssoOnly: boolean;
  enabled: boolean;
}

const toDraft = (view?: SsoView): SsoDraft => ({
  slug: view?.slug ?? '',
  issuer: view?.issuer ?? '',
  clientId: view?.clientId ?? '',
  clientSecret: '',
  emailDomains: view?.emailDomains.join(', ') ?? '',
  groupsClaim: view?.groupsClaim ?? 'groups',
  roleMapping: Object.entries(view?.roleMapping ?? {})
    .map(([group, role]) => `${group} = ${role}`)
    .join('\n'),
  defaultRole: view?.defaultRole ?? null,
  ssoOnly: view?.ssoOnly ?? false,
  enabled: view?.enabled ?? true,
});

const toBody = (draft: SsoDraft) => ({
  slug: draft.slug.trim(),
  issuer: draft.issuer.trim(),
  clientId: draft.clientId.trim(),
  ...(draft.clientSecret ? { clientSecret: draft.clientSecret } : {}),
  emailDomains: draft.emailDomains.split(/[\s,]+/).filter(Boolean),
  groupsClaim: draft.groupsClaim.trim() || 'groups',
  roleMapping: Object.fromEntries(
    draft.roleMapping
      .split('\n')
      .map((line) => line.split('=').map((part) => part.trim()))
      .filter(([group, role]) => group && role),
  ) as Record<string, Role>,
  defaultRole: (draft.defaultRole as Role | null) ?? null,
  ssoOnly: draft.ssoOnly,
  enabled: draft.enabled,
});

/** The organization's OpenID Connect provider. */
export function SsoPanel() {
  const sso = useQuery({
    queryKey: SSO_QUERY,
    queryFn: async () => {
      const { data, response } = await api.GET('/api/v1/organization/sso');
      return response.status === 404 ? null : (data ?? null);
    },
  });
  if (sso.isPending) return null;
  return <SsoForm view={sso.data ?? undefined} />;
}

function SsoForm({ view }: { view?: SsoView }) {
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState(() => toDraft(view));
  const set = <K extends keyof SsoDraft>(key: K, value: SsoDraft[K]) =>
    setDraft((d) => ({ ...d, [key]: value }));
  const save = useMutation({
    mutationFn: () => unwrap(api.PUT('/api/v1/organization/sso', { body: toBody(draft) })),
    onSuccess: (saved) => {
      queryClient.setQueryData(SSO_QUERY, saved);
      setDraft(toDraft(saved));
      notifications.show({ color: 'teal', title: 'Single sign-on saved', message: saved.issuer });
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  const error = save.error instanceof ApiError ? save.error : null;
  const field = (name: string) => error?.fieldMessage(name);
  return (
    <Paper p="lg" withBorder component="form" onSubmit={submit} aria-label="Single sign-on">
      <Stack gap="sm">
        <Title order={2} fz={18}>
          Single sign-on (OpenID Connect)
        </Title>
        <Text size="sm" c="dimmed">
          Staff sign in with your identity provider; accounts are created on first sign-in with the
          role their groups give. Register this redirect URI with the provider:{' '}
          <code>{view?.redirectUri ?? `${window.location.origin}/api/v1/auth/sso/callback`}</code>
        </Text>
        {error && !error.fieldErrors.length && (
          <Alert color="red" icon={<IconAlertCircle />} role="alert">
            {error.message}
          </Alert>
        )}
        <Group grow align="flex-start">
          <TextInput
            label="Issuer URL"
            required
            value={draft.issuer}
            error={field('issuer')}
            onChange={(e) => set('issuer', e.currentTarget.value)}
          />
          <TextInput
            label="Organization slug"
            required
            value={draft.slug}
            error={field('slug')}
            onChange={(e) => set('slug', e.currentTarget.value)}
          />
        </Group>
        <Group grow align="flex-start">
          <TextInput
            label="Client ID"
            required
            value={draft.clientId}
            error={field('clientId')}
            onChange={(e) => set('clientId', e.currentTarget.value)}
          />
          <PasswordInput
            label="Client secret"
            placeholder={view ? 'stored (leave empty to keep)' : undefined}
            required={!view}
            value={draft.clientSecret}
            error={field('clientSecret')}
            onChange={(e) => set('clientSecret', e.currentTarget.value)}
          />
        </Group>
        <Group grow align="flex-start">
          <TextInput
            label="E-mail domains"
            description="comma-separated"
            value={draft.emailDomains}
            error={field('emailDomains')}
            onChange={(e) => set('emailDomains', e.currentTarget.value)}
          />
          <TextInput
            label="Groups claim"
            value={draft.groupsClaim}
            error={field('groupsClaim')}
            onChange={(e) => set('groupsClaim', e.currentTarget.value)}
          />
        </Group>
        <Textarea
          label="Groups to roles"
          description="One per line: group = admin, compliance, marketer or executive"
          autosize
          minRows={3}
          value={draft.roleMapping}
          error={field('roleMapping')}
          onChange={(e) => set('roleMapping', e.currentTarget.value)}
        />
        <Select
          label="Role of users in none of these groups"
          placeholder="No access"
          clearable
          data={ROLE_OPTIONS}
          value={draft.defaultRole}
          onChange={(value) => set('defaultRole', value)}
        />
        <Switch
          label="Enabled"
          checked={draft.enabled}
          onChange={(e) => set('enabled', e.currentTarget.checked)}
        />
        <Switch
          label="SSO only"
          description="Turns password sign-in off for everyone but admins with two-step verification (break-glass)."
          checked={draft.ssoOnly}
          onChange={(e) => set('ssoOnly', e.currentTarget.checked)}
        />
        <Group>
          <Button type="submit" loading={save.isPending}>
            Save single sign-on
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
