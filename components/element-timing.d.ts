import 'react';

declare module 'react' {
  // Merged into React's own declaration, whose type parameter is named T.
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  interface HTMLAttributes<T> {
    /**
     * Element Timing (https://w3c.github.io/element-timing/): names an element whose first
     * paint a PerformanceObserver of type "element" reports, with the time it reached the screen.
     */
    elementtiming?: string;
  }
}
