// What a React 18 app writes, typechecked against the built @dots-flow/react declarations and React 18's types.
import { useState } from 'react';
import { DotsFlow, DotsProvider, FlowProgress, ManagePayouts, useDotsFlow, type FlowFromSteps } from '@dots-flow/react';

// DotsFlowProps is a union (`steps` or `flow`), so a component that only ever takes steps picks them from FlowFromSteps.
function Headless(props: Pick<FlowFromSteps, 'steps'>) {
  const flow = useDotsFlow({ steps: props.steps, onStepComplete: ({ step, flowId }) => console.info(step, flowId) });
  return flow.frameProps ? <iframe {...flow.frameProps} /> : <button onClick={flow.retry}>Try again</button>;
}

export function App() {
  const [done, setDone] = useState(false);
  return (
    <DotsProvider flowEndpoint="/api/dots/flows" environment="sandbox" userKey="user-1">
      {done ? (
        <ManagePayouts renderActions={({ saves }) => <span>{saves}</span>} />
      ) : (
        <DotsFlow
          steps={['compliance']}
          onComplete={() => setDone(true)}
          errorFallback={({ retry }) => <a onClick={retry} />}
        >
          <FlowProgress />
        </DotsFlow>
      )}
      <Headless steps={['payout']} />
    </DotsProvider>
  );
}
