// Everything the flow page tells its parent: exactly Dots' documented messages, nothing else.

/** Posts `{ height }` whenever the content height changes and `{ step, status }` per completed step. */
export function createMessenger(target = window.parent) {
  const framed = target !== window;
  let lastHeight = 0;
  let observer = null;
  let stopped = false;
  const post = (message) => {
    if (framed && !stopped) target.postMessage(message, '*');
  };
  const measure = () => {
    // The <html> box is as tall as the content (never stretched to the frame), so the frame can shrink too.
    const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (height > 0 && height !== lastHeight) {
      lastHeight = height;
      post({ height });
    }
  };
  return {
    /** Call once the first real screen is rendered: the first message a host sees is its height. */
    startHeightUpdates() {
      if (observer || stopped) return;
      measure();
      observer = new ResizeObserver(measure);
      observer.observe(document.documentElement);
    },
    stepCompleted(step, status) {
      post({ step, status });
    },
    /** After this (an unknown or broken flow), the page posts nothing more. */
    stop() {
      stopped = true;
      observer?.disconnect();
    },
  };
}
