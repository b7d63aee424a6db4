// Types of "tryon-widget/jsx" (types only): <tryon-widget> in React's JSX, with the usual props (className, style,
// id, ref, key, children) and each attribute typed: numbers where a number is meant, the adapter union.
// Use it once in a React app: `import type {} from 'tryon-widget/jsx';` (or list it in tsconfig's "types").
// Kept apart from "tryon-widget/element" so that DOM-only users need no @types/react.
import type { DetailedHTMLProps, HTMLAttributes } from 'react';
import type { TryOnWidgetAttributes, TryOnWidgetElement } from './element.js';

/** What JSX takes on <tryon-widget>: its attributes (poll-interval and max-attempts as numbers too) and React's. */
export type TryOnWidgetProps = Omit<TryOnWidgetAttributes, 'poll-interval' | 'max-attempts'> & {
  /** ms between status polls; default 2000. */
  'poll-interval'?: number | `${number}`;
  /** Status answers before the timeout state; default 60. */
  'max-attempts'?: number | `${number}`;
} & DetailedHTMLProps<HTMLAttributes<TryOnWidgetElement>, TryOnWidgetElement>;

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      'tryon-widget': TryOnWidgetProps;
    }
  }
}
