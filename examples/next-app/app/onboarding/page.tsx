'use client';
// A client page: callbacks are functions, so the flow that uses them lives in a client component.
import { useState } from 'react';
import { useRouter } from 'next/navigation';
import { DotsFlow, FlowProgress } from '@dots-flow/react';

export default function Onboarding() {
  const router = useRouter();
  const [log, setLog] = useState<{ flowId: string; text: string }[]>([]);
  const note = (flowId: string, text: string) => setLog((entries) => [...entries, { flowId, text }]);
  return (
    <>
      <h1>Set up payouts</h1>
      <DotsFlow
        steps={['compliance']}
        title="Dots onboarding"
        onStepComplete={({ step, status, flowId }) => note(flowId, `${step} ${status}`)}
        onComplete={({ flowId }) => {
          note(flowId, 'complete');
          router.push('/account');
        }}
      >
        <FlowProgress />
      </DotsFlow>
      <ol data-log="callbacks">
        {log.map((entry, index) => (
          <li key={index} data-flow-id={entry.flowId}>
            {entry.text}
          </li>
        ))}
      </ol>
    </>
  );
}
