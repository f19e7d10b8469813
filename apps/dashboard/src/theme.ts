import { createTheme } from '@mantine/core';
import type { MantineColorsTuple } from '@mantine/core';

/** A deep clinical teal: calm, and 4.5:1 or better against white from shade 7 up. */
const rounds: MantineColorsTuple = [
  '#e6f6f6',
  '#c9e9ea',
  '#a0d7d9',
  '#6fc1c4',
  '#45aaae',
  '#2a9398',
  '#187d83',
  '#0b6e74',
  '#085a5f',
  '#05464a',
];

export const theme = createTheme({
  primaryColor: 'rounds',
  primaryShade: 7,
  colors: { rounds },
  fontFamily:
    'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif',
  headings: { fontWeight: '650' },
  defaultRadius: 'md',
  cursorType: 'pointer',
  focusRing: 'auto',
  components: {
    Button: { defaultProps: { fw: 600 } },
    Paper: { defaultProps: { withBorder: true, radius: 'md' } },
    Badge: { defaultProps: { variant: 'light' } },
  },
});
