import { Text, Tooltip } from '@mantine/core';
import type { ReactNode } from 'react';
import type { Finding } from './post-model';

/** The text with each finding of this field underlined; its reason shows on hover and focus. */
export function HighlightedText({ text, findings }: { text: string; findings: Finding[] }) {
  const parts: ReactNode[] = [];
  let at = 0;
  for (const finding of [...findings].sort((a, b) => a.start - b.start)) {
    if (finding.start < at) continue;
    parts.push(text.slice(at, finding.start));
    parts.push(
      <Tooltip key={finding.id} label={finding.reason} multiline maw={320} withArrow>
        <mark
          tabIndex={0}
          aria-label={`${text.slice(finding.start, finding.end)}: ${finding.reason}`}
          style={{
            background:
              finding.severity === 'block'
                ? 'var(--mantine-color-red-1)'
                : 'var(--mantine-color-orange-1)',
            textDecoration: `underline wavy var(--mantine-color-${finding.severity === 'block' ? 'red' : 'orange'}-7)`,
            textUnderlineOffset: 3,
            borderRadius: 2,
          }}
        >
          {text.slice(finding.start, finding.end)}
        </mark>
      </Tooltip>,
    );
    at = finding.end;
  }
  parts.push(text.slice(at));
  return (
    <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
      {parts}
    </Text>
  );
}
