import { Anchor, Button, type AnchorProps, type ButtonProps } from '@mantine/core';
import { createLink } from '@tanstack/react-router';
import { forwardRef, type ComponentPropsWithoutRef } from 'react';

const MantineAnchor = forwardRef<HTMLAnchorElement, AnchorProps & ComponentPropsWithoutRef<'a'>>((props, ref) => <Anchor ref={ref} {...props} />);
MantineAnchor.displayName = 'MantineAnchor';
const MantineButtonAnchor = forwardRef<HTMLAnchorElement, ButtonProps & ComponentPropsWithoutRef<'a'>>((props, ref) => <Button component="a" ref={ref} {...props} />);
MantineButtonAnchor.displayName = 'MantineButtonAnchor';

/** A router link styled as a Mantine Anchor, with typed `to` and `params`. */
export const AnchorLink = createLink(MantineAnchor);
/** A router link styled as a Mantine Button. */
export const ButtonLink = createLink(MantineButtonAnchor);
