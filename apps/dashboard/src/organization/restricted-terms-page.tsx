import {
  Alert,
  Badge,
  Button,
  Group,
  Paper,
  SegmentedControl,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { ApiError } from '../api/api-error';
import { api, unwrap } from '../api/client';
import type { Schemas } from '../api/schema-types';
import { LoadError, Page } from '../common/page';

type Severity = Schemas['RestrictedTermDto']['severity'];
const RESTRICTED_TERMS = ['restricted-terms'] as const;

/** Settings › Restricted terms: confidential words the scanner flags in every post, like PHI. */
export function RestrictedTermsPage() {
  const terms = useQuery({
    queryKey: RESTRICTED_TERMS,
    queryFn: () => unwrap(api.GET('/api/v1/restricted-terms')),
  });
  return (
    <Page
      title="Restricted terms"
      description="Confidential words, phrases or /patterns/ (unreleased projects, litigation, vendors, code names). The composer underlines them and a blocking one needs a compliance override."
    >
      <NewTermForm />
      {terms.isError && <LoadError error={terms.error} onRetry={() => void terms.refetch()} />}
      {terms.data && <TermsTable terms={terms.data} />}
    </Page>
  );
}

function NewTermForm() {
  const queryClient = useQueryClient();
  const [term, setTerm] = useState('');
  const [severity, setSeverity] = useState<Severity>('block');
  const add = useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/restricted-terms', { body: { term, severity } })),
    onSuccess: () => {
      setTerm('');
      return queryClient.invalidateQueries({ queryKey: RESTRICTED_TERMS });
    },
  });
  const error = add.error instanceof ApiError ? add.error : null;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    add.mutate();
  };
  return (
    <Paper withBorder p="md" component="form" onSubmit={submit} aria-label="New restricted term">
      <Group align="flex-end" wrap="wrap">
        <TextInput
          label="Term"
          description="Whole words, any case; write /regex/ for a pattern"
          required
          maxLength={200}
          value={term}
          onChange={(e) => setTerm(e.currentTarget.value)}
          error={
            error?.fieldMessage('term') ??
            (error && !error.fieldMessage('severity') ? error.message : undefined)
          }
          style={{ flex: '1 1 280px' }}
        />
        <Stack gap={4}>
          <Text size="sm" fw={500}>
            Severity
          </Text>
          <SegmentedControl
            aria-label="Severity"
            value={severity}
            onChange={(v) => setSeverity(v as Severity)}
            data={[
              { value: 'block', label: 'Block' },
              { value: 'warn', label: 'Warn' },
            ]}
          />
        </Stack>
        <Button type="submit" loading={add.isPending} disabled={!term.trim()}>
          Add term
        </Button>
      </Group>
    </Paper>
  );
}

function TermsTable({ terms }: { terms: Schemas['RestrictedTermDto'][] }) {
  const queryClient = useQueryClient();
  const remove = useMutation({
    mutationFn: (id: string) =>
      unwrap(api.DELETE('/api/v1/restricted-terms/{id}', { params: { path: { id } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: RESTRICTED_TERMS }),
  });
  if (terms.length === 0) return <Text c="dimmed">No restricted terms yet.</Text>;
  return (
    <Stack gap="xs">
      {remove.error && <Alert color="red">{remove.error.message}</Alert>}
      <Table striped aria-label="Restricted terms">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Term</Table.Th>
            <Table.Th>Severity</Table.Th>
            <Table.Th>Added</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {terms.map((t) => (
            <Table.Tr key={t.id}>
              <Table.Td ff={t.term.startsWith('/') ? 'monospace' : undefined}>{t.term}</Table.Td>
              <Table.Td>
                <Badge color={t.severity === 'block' ? 'red' : 'yellow'}>{t.severity}</Badge>
              </Table.Td>
              <Table.Td>{new Date(t.createdAt).toLocaleDateString()}</Table.Td>
              <Table.Td>
                <Button
                  variant="subtle"
                  color="red"
                  size="xs"
                  leftSection={<IconTrash size={14} />}
                  aria-label={`Remove ${t.term}`}
                  onClick={() => remove.mutate(t.id)}
                >
                  Remove
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
