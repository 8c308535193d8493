import { createTheme, mergeThemeOverrides, type CSSVariablesResolver, type MantineColorsTuple, type MantineThemeOverride } from '@mantine/core';
import type { CalendarAriaLabels } from '@mantine/dates';

// Palettes chosen so that shade 7 (filled buttons and badges) carries white text at ≥ 5.8:1 and
// shade 9 text on shade 1 (light badges, alerts) at ≥ 7:1 — Mantine's defaults fail WCAG AA on some.
const blue: MantineColorsTuple = ['#e8f1fb', '#d3e3f6', '#a7c6ec', '#78a7e1', '#4f8bd6', '#3179cf', '#1f66bd', '#17559f', '#114785', '#0b3666'];
const red: MantineColorsTuple = ['#fdecec', '#fad4d4', '#f2a8a8', '#ea7a7a', '#e15454', '#d93b3b', '#c42b2b', '#a82222', '#921d1d', '#731515'];
const orange: MantineColorsTuple = ['#fff1e6', '#ffe0c7', '#ffc08f', '#ff9d52', '#f7811f', '#e56f0a', '#c25a05', '#a04a04', '#8a3f03', '#6b3002'];
const yellow: MantineColorsTuple = ['#fff8e1', '#ffefb8', '#ffe27a', '#ffd43b', '#fcc419', '#f0b000', '#c98f00', '#855c00', '#755000', '#664600'];
const green: MantineColorsTuple = ['#e9f7ec', '#cfeed6', '#a3deb0', '#72cc87', '#4cbd66', '#34a852', '#288a42', '#1f7336', '#1a622e', '#134a22'];
const teal: MantineColorsTuple = ['#e6f7f4', '#c8ede6', '#93dccd', '#5cc9b2', '#33b89b', '#1ea486', '#138a70', '#0f715c', '#0c5e4d', '#08473a'];
const gray: MantineColorsTuple = ['#f8f9fa', '#f1f3f5', '#e9ecef', '#dee2e6', '#ced4da', '#adb5bd', '#6c757d', '#495057', '#343a40', '#212529'];

/** The Rodyna theme: accessible palette, visible focus, system fonts (no web-font download). */
export const theme = createTheme({
  primaryColor: 'blue',
  primaryShade: 7,
  colors: { blue, red, orange, yellow, green, teal, gray },
  focusRing: 'auto',
  defaultRadius: 'sm',
  cursorType: 'pointer',
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, sans-serif',
  headings: { fontWeight: '650' },
  components: {
    // Ukrainian labels are long: no capitals, and wrap rather than cut ("Середньої ск…").
    Badge: {
      defaultProps: { radius: 'sm' },
      styles: {
        root: { height: 'auto', minHeight: 'var(--badge-height)', maxWidth: '100%', paddingBlock: 2 },
        label: { textTransform: 'none', whiteSpace: 'normal', overflow: 'visible', lineHeight: 1.25 },
      },
    },
  },
});

/** Darker dimmed/error/placeholder text than Mantine's defaults so that it passes 4.5:1 on white. */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-error': 'var(--mantine-color-red-7)',
    '--mantine-color-placeholder': 'var(--mantine-color-gray-6)',
    '--mantine-color-anchor': 'var(--mantine-color-blue-7)',
  },
  dark: {},
});

/** The theme with the calendar's navigation buttons named in the interface language (WCAG: every control labelled). */
export function localisedTheme(calendarLabels: CalendarAriaLabels): MantineThemeOverride {
  return mergeThemeOverrides(theme, { components: { DateInput: { defaultProps: { ariaLabels: calendarLabels } } } });
}
