import { Progress, type MantineColor, type MantineSize } from '@mantine/core';

/** A progress bar whose `progressbar` element is named by a visible label (WCAG 4.1.2; Mantine puts the role on the section). */
export function LabelledProgress({ value, labelId, size = 'md', color }: { value: number; labelId: string; size?: MantineSize; color?: MantineColor }) {
  return (
    <Progress.Root size={size}>
      <Progress.Section value={value} color={color} aria-labelledby={labelId} />
    </Progress.Root>
  );
}
