import { useEffect } from 'react';
import { useFlowProgress } from '@dots-flow/react';

/** Commits per probe since the page loaded; effects (not render bodies) count, so StrictMode cannot inflate them. */
export const commits = { progress: 0, height: 0 };

/** A progress bar's data: everything but the height. It should never commit for a height change. */
export function ProgressOnly() {
  const { progress, status } = useFlowProgress();
  useEffect(() => {
    commits.progress += 1;
  });
  return (
    <p>
      {status} {Math.round(progress * 100)}%
    </p>
  );
}

/** The control: reads the height through the same hook, so it must commit for height changes. */
export function HeightReader() {
  const height = useFlowProgress((state) => state.height);
  useEffect(() => {
    commits.height += 1;
  });
  return <p>{height}px</p>;
}
