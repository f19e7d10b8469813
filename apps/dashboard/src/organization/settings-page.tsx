import {
  Alert,
  Button,
  Grid,
  Group,
  NumberInput,
  Paper,
  Radio,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Table,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle, IconDeviceFloppy } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useMemo, useState } from 'react';
import type { FormEvent, ReactNode } from 'react';
import { ApiError } from '../api/api-error';
import { api, unwrap } from '../api/client';
import { ME_QUERY, useSession } from '../auth/session';
import { LoadError, Page } from '../common/page';
import { approvals } from '../common/wording';
import { dayjs } from '../time/org-time';
import {
  ALLOW_LISTS,
  CATEGORIES,
  FORM_FIELDS,
  MAX_APPROVERS,
  PLATFORMS,
  SETTINGS_QUERY,
  timeZoneOptions,
  toChange,
  toDraft,
  useSettings,
  validate,
} from './settings-model';
import type { Category, Draft, Settings, Severity } from './settings-model';
import { MfaPolicyPanel, SsoPanel } from './security-settings';

export function SettingsPage() {
  const settings = useSettings();
  return (
    <Page
      title="Organization settings"
      description="How many approvals a post needs, what the compliance checks allow, and the time zone everyone works in."
    >
      {settings.isError && (
        <LoadError error={settings.error} onRetry={() => void settings.refetch()} />
      )}
      {settings.isPending && <Text c="dimmed">Loading settings…</Text>}
      {settings.data && <SettingsForm settings={settings.data} />}
      {settings.data && <MfaPolicyPanel mfaRequired={settings.data.mfaRequired} />}
      {settings.data && <SsoPanel />}
    </Page>
  );
}

function SettingsForm({ settings }: { settings: Settings }) {
  const { organization } = useSession();
  const queryClient = useQueryClient();
  const [saved, setSaved] = useState(() => toDraft(settings));
  const [draft, setDraft] = useState(saved);
  const [submitted, setSubmitted] = useState(false);
  const save = useMutation({
    mutationFn: () =>
      unwrap(api.PATCH('/api/v1/organization/settings', { body: toChange(draft, saved) })),
    onSuccess: (result) => {
      const next = toDraft(result);
      setSaved(next);
      setDraft(next);
      setSubmitted(false);
      notifications.show({
        color: 'teal',
        title: 'Settings saved',
        message: 'They apply to every post submitted from now on.',
      });
      queryClient.setQueryData(SETTINGS_QUERY, result);
      // The time zone lives in the session too: the header and every time on screen follow it.
      return queryClient.invalidateQueries({ queryKey: ME_QUERY });
    },
  });

  const clientErrors = useMemo(() => validate(draft), [draft]);
  const apiError = save.error instanceof ApiError ? save.error : null;
  const errorOf = (field: string): string | undefined =>
    (submitted ? clientErrors[field] : undefined) ?? apiError?.fieldMessage(field);
  const unplaced = apiError && !apiError.fieldErrors.every((e) => FORM_FIELDS.has(e.field));
  const dirty = JSON.stringify(draft) !== JSON.stringify(saved);
  const update = (patch: Partial<Draft>) => {
    save.reset();
    setDraft((current) => ({ ...current, ...patch }));
  };
  const updateRule = (category: Category, rule: Partial<Draft['routing'][Category]>) =>
    update({ routing: { ...draft.routing, [category]: { ...draft.routing[category], ...rule } } });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    if (Object.keys(clientErrors).length) {
      notifications.show({
        color: 'red',
        title: 'Settings not saved',
        message: 'Some fields need fixing first; they are marked in red.',
      });
      return;
    }
    save.mutate();
  };

  const zones = useMemo(
    () => timeZoneOptions(saved.timeZone).map((z) => ({ value: z, label: z.replace(/_/g, ' ') })),
    [saved.timeZone],
  );
  const organizationDefault = isCount(draft.requiredApprovers)
    ? `Empty: the organization default (${approvals(draft.requiredApprovers)}).`
    : 'Empty: the organization default.';

  return (
    <form onSubmit={submit} noValidate aria-label="Organization settings">
      <Stack gap="xl">
        {unplaced && (
          <Alert color="red" icon={<IconAlertCircle />} title="Settings not saved">
            {apiError.message}
          </Alert>
        )}

        <Section
          title="Approvals"
          description="Distinct compliance officers who must approve a post before it can be scheduled; never its author or last editor. A post needs the highest number among the rules that apply to it."
        >
          <Stack gap="md">
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
              <NumberInput
                label="Approvals required"
                description="For every post, whatever its channel."
                min={1}
                max={MAX_APPROVERS}
                allowDecimal={false}
                allowNegative={false}
                clampBehavior="none"
                value={draft.requiredApprovers}
                onChange={(requiredApprovers) => update({ requiredApprovers })}
                error={errorOf('approvalPolicy.requiredApprovers')}
                required
              />
            </SimpleGrid>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
              {PLATFORMS.map((platform) => (
                <NumberInput
                  key={platform.value}
                  label={`Approvals for ${platform.label} posts`}
                  description={organizationDefault}
                  placeholder="Organization default"
                  min={1}
                  max={MAX_APPROVERS}
                  allowDecimal={false}
                  allowNegative={false}
                  clampBehavior="none"
                  value={draft.perPlatform[platform.value]}
                  onChange={(count) =>
                    update({ perPlatform: { ...draft.perPlatform, [platform.value]: count } })
                  }
                  error={errorOf(`approvalPolicy.perPlatform.${platform.value}`)}
                />
              ))}
            </SimpleGrid>
          </Stack>
        </Section>

        <Section
          title="Routing by content"
          description="A post that is declared as, or reads like, one of these categories needs this many approvals, and for some a consent record for the patient in its media."
        >
          <Table.ScrollContainer minWidth={520}>
            <Table verticalSpacing="sm" horizontalSpacing="md">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Category</Table.Th>
                  <Table.Th w={150}>Approvals</Table.Th>
                  <Table.Th w={170}>Patient consent</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {CATEGORIES.map((category) => (
                  <Table.Tr key={category.value}>
                    <Table.Td>
                      <Text fw={500} size="sm">
                        {category.label}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {category.description}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <NumberInput
                        aria-label={`Approvals for ${category.label.toLowerCase()}`}
                        min={1}
                        max={MAX_APPROVERS}
                        allowDecimal={false}
                        allowNegative={false}
                        clampBehavior="none"
                        value={draft.routing[category.value].approvers}
                        onChange={(approvers) => updateRule(category.value, { approvers })}
                        error={errorOf(`approvalPolicy.routing.${category.value}.approvers`)}
                      />
                    </Table.Td>
                    <Table.Td>
                      <Switch
                        aria-label={`${category.label}: patient consent required`}
                        label={
                          draft.routing[category.value].requireConsent ? 'Required' : 'Not required'
                        }
                        checked={draft.routing[category.value].requireConsent}
                        onChange={(e) =>
                          updateRule(category.value, { requireConsent: e.currentTarget.checked })
                        }
                      />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Section>

        <Section
          title="Accessibility findings"
          description="An image without alt text or a video without captions is always reported to the writer and the reviewers."
        >
          <Radio.Group
            label="When a post has one"
            value={draft.accessibilitySeverity}
            onChange={(value) => update({ accessibilitySeverity: value as Severity })}
            error={errorOf('accessibilitySeverity')}
          >
            <Stack gap="sm" mt="xs">
              <Radio
                value="warn"
                label="Warn"
                description="Shown as a warning; the post can be approved as it is."
              />
              <Radio
                value="block"
                label="Block"
                description="Approval is refused until it is fixed or a compliance officer overrides it with a justification."
              />
            </Stack>
          </Radio.Group>
        </Section>

        <Section
          title="PHI allow list"
          description="The organization’s own contact points and staff. The PHI scanner never reports them in a post; the names of Rounds users are allowed already."
        >
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            {ALLOW_LISTS.map((list) => (
              <Textarea
                key={list.value}
                label={list.label}
                description="One per line."
                placeholder={list.placeholder}
                autosize
                minRows={2}
                maxRows={8}
                value={draft.allowList[list.value]}
                onChange={(e) =>
                  update({ allowList: { ...draft.allowList, [list.value]: e.currentTarget.value } })
                }
                error={errorOf(`allowList.${list.value}`)}
              />
            ))}
          </SimpleGrid>
        </Section>

        <Section
          title="Time zone"
          description={`Every time in Rounds is shown and entered in this zone, for ${organization.name}’s whole team, whatever their own device says.`}
        >
          <Select
            label="Organization time zone"
            description={
              draft.timeZone && `It is ${dayjs().tz(draft.timeZone).format('h:mm A z')} there now.`
            }
            data={zones}
            searchable
            allowDeselect={false}
            nothingFoundMessage="No such time zone"
            value={draft.timeZone}
            onChange={(timeZone) => update({ timeZone: timeZone ?? '' })}
            error={errorOf('timeZone')}
            maw={360}
            required
          />
        </Section>

        <Group justify="flex-end" gap="sm">
          <Button
            variant="default"
            disabled={!dirty || save.isPending}
            onClick={() => {
              save.reset();
              setSubmitted(false);
              setDraft(saved);
            }}
          >
            Discard changes
          </Button>
          <Button
            type="submit"
            leftSection={<IconDeviceFloppy size={18} />}
            loading={save.isPending}
            disabled={!dirty}
          >
            Save settings
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

const isCount = (value: number | string): value is number => typeof value === 'number';

/** One group of settings: what it is for on the left, its fields on the right. */
function Section({
  title,
  description,
  children,
}: {
  title: string;
  description: string;
  children: ReactNode;
}) {
  const id = useId();
  return (
    <Grid
      gap={{ base: 'sm', md: 'xl' }}
      renderRoot={(props) => <section {...props} aria-labelledby={id} />}
    >
      <Grid.Col span={{ base: 12, md: 4 }}>
        <Title order={2} fz="lg" id={id}>
          {title}
        </Title>
        <Text size="sm" c="dimmed" mt={4}>
          {description}
        </Text>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 8 }}>
        <Paper p="lg">{children}</Paper>
      </Grid.Col>
    </Grid>
  );
}
