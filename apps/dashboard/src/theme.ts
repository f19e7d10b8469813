import { createTheme, DEFAULT_THEME } from '@mantine/core';
import type { CSSVariablesResolver, MantineColorsTuple } from '@mantine/core';

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

/**
 * Mantine's palette with shades 8 and 9 dark enough to carry text at 4.5:1 (WCAG 1.4.3) where its
 * own are not: text in a colour uses one of the two (`c="teal.8"`, and every variant below).
 */
const darkened = (
  name: keyof typeof DEFAULT_THEME.colors,
  shade8: string,
  shade9: string,
): MantineColorsTuple => {
  const shades = [...DEFAULT_THEME.colors[name]];
  shades.splice(8, 2, shade8, shade9);
  return shades as unknown as MantineColorsTuple;
};

export const theme = createTheme({
  primaryColor: 'rounds',
  primaryShade: 7,
  colors: {
    rounds,
    red: darkened('red', '#c92a2a', '#a61e1e'),
    green: darkened('green', '#15803d', '#166534'),
    teal: darkened('teal', '#0f766e', '#115e59'),
    lime: darkened('lime', '#4d7c0f', '#3f6212'),
    yellow: darkened('yellow', '#a16207', '#854d0e'),
    orange: darkened('orange', '#c2410c', '#9a3412'),
  },
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

const SHADE_OF = { 'light-color': 9, text: 9, outline: 9, filled: 9, 'filled-hover': 8 };

/**
 * Text in a colour (badges, alerts, outlined and filled buttons, `c="red"`) in its darkest shade,
 * secondary ("dimmed") text and placeholders in gray 7: each at 4.5:1 or better on white and on its
 * own light background (WCAG 1.4.3). The primary colour keeps its shades: 7 already passes.
 */
export const accessibleColors: CSSVariablesResolver = (t) => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-placeholder': 'var(--mantine-color-gray-7)',
    ...Object.fromEntries(
      Object.keys(t.colors)
        .filter((name) => name !== t.primaryColor && name !== 'dark')
        .flatMap((name) =>
          Object.entries(SHADE_OF).map(([variable, shade]) => [
            `--mantine-color-${name}-${variable}`,
            `var(--mantine-color-${name}-${shade})`,
          ]),
        ),
    ),
  },
  dark: {},
});
