import { Box, Group, List, Text, Textarea, TextInput, ThemeIcon } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconAlertTriangle, IconShieldCheck } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useId, useLayoutEffect, useState } from 'react';
import type { CSSProperties } from 'react';
import type { ReactNode } from 'react';
import { api, unwrap } from '../api/client';
import type { Schemas } from '../api/schema-types';
import classes from './phi-text-field.module.css';

type ScanFinding = Schemas['ScanFindingDto'];

const SCAN_DELAY_MS = 400;

const COPIED = [
  'paddingTop',
  'paddingRight',
  'paddingBottom',
  'paddingLeft',
  'borderTopWidth',
  'borderRightWidth',
  'borderBottomWidth',
  'borderLeftWidth',
  'fontFamily',
  'fontSize',
  'lineHeight',
  'letterSpacing',
] as const;

/** The input's box and font, so the marks under it wrap exactly as its text does. */
function useMirroredStyle(input: HTMLElement | null): CSSProperties {
  const [style, setStyle] = useState<CSSProperties>({});
  useLayoutEffect(() => {
    if (!input) return;
    const copy = () => {
      const computed = getComputedStyle(input);
      setStyle(Object.fromEntries(COPIED.map((key) => [key, computed[key]])));
    };
    copy();
    const observer = new ResizeObserver(copy);
    observer.observe(input);
    return () => observer.disconnect();
  }, [input]);
  return style;
}

/** Findings whose text still sits where the scan found it, so typing on does not misplace them. */
function stillPresent(text: string, findings: ScanFinding[]): ScanFinding[] {
  return findings.filter((f) => text.slice(f.start, f.end) === f.text);
}

/** The text again, with each finding wrapped in a mark; drawn exactly under the input's text. */
function highlighted(text: string, findings: ScanFinding[]): ReactNode[] {
  const parts: ReactNode[] = [];
  let at = 0;
  for (const f of [...findings].sort((a, b) => a.start - b.start)) {
    if (f.start < at) continue;
    parts.push(text.slice(at, f.start));
    parts.push(
      <mark key={f.start} className={classes.mark} data-severity={f.severity}>
        {text.slice(f.start, f.end)}
      </mark>,
    );
    at = f.end;
  }
  parts.push(`${text.slice(at)}\n`);
  return parts;
}

interface PhiTextFieldProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  multiline?: boolean;
  description?: ReactNode;
  error?: ReactNode;
  required?: boolean;
  minRows?: number;
  footer?: ReactNode;
}

/**
 * A text input scanned for PHI as the user types (debounced POST /compliance/scan): findings are
 * underlined in place and listed with their reason under the field.
 */
export function PhiTextField(props: PhiTextFieldProps) {
  const { label, value, onChange, multiline, description, error, required, minRows, footer } =
    props;
  const findingsId = useId();
  const [debounced] = useDebouncedValue(value, SCAN_DELAY_MS);
  const scan = useQuery({
    queryKey: ['phi-scan', debounced],
    queryFn: () => unwrap(api.POST('/api/v1/compliance/scan', { body: { text: debounced } })),
    enabled: debounced.trim().length > 0,
    placeholderData: keepPreviousData,
    staleTime: Infinity,
  });
  const findings = value.trim() ? stillPresent(value, scan.data?.findings ?? []) : [];
  const [input, setInput] = useState<HTMLElement | null>(null);
  const mirrored = useMirroredStyle(input);
  const Input = multiline ? Textarea : TextInput;
  return (
    <div>
      <Box data-multiline={multiline || undefined} className={classes.field}>
        <Input
          inputContainer={(children) => (
            <div
              className={classes.container}
              ref={(node) => setInput(node?.querySelector<HTMLElement>('input, textarea') ?? null)}
            >
              {children}
              <div className={classes.backdrop} style={mirrored} aria-hidden>
                {highlighted(value, findings)}
              </div>
            </div>
          )}
          label={label}
          description={description}
          error={error}
          required={required}
          value={value}
          onChange={(e) => onChange(e.currentTarget.value)}
          aria-describedby={findings.length ? findingsId : undefined}
          {...(multiline ? { autosize: true, minRows: minRows ?? 4 } : {})}
        />
      </Box>
      <Group justify="space-between" align="flex-start" mt={6} wrap="nowrap">
        <div id={findingsId} aria-live="polite">
          {findings.length > 0 ? (
            <List
              size="sm"
              spacing={4}
              icon={
                <ThemeIcon color="red" size={18} radius="xl" variant="light">
                  <IconAlertTriangle size={12} />
                </ThemeIcon>
              }
              data-testid="phi-findings"
            >
              {findings.map((f) => (
                <List.Item key={`${f.start}-${f.kind}`}>
                  <Text span size="sm" fw={600}>
                    “{f.text}”
                  </Text>{' '}
                  <Text span size="sm">
                    {f.reason}
                  </Text>{' '}
                  <Text span size="xs" c={f.severity === 'block' ? 'red.8' : 'orange.8'} fw={600}>
                    {f.severity === 'block' ? 'blocks approval' : 'warning'}
                  </Text>
                </List.Item>
              ))}
            </List>
          ) : (
            value.trim() &&
            scan.isSuccess && (
              <Group gap={4} c="teal.8">
                <IconShieldCheck size={16} />
                <Text size="xs">No protected health information found</Text>
              </Group>
            )
          )}
        </div>
        {footer}
      </Group>
    </div>
  );
}
