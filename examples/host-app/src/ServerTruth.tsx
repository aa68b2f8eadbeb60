import { useQuery } from '@tanstack/react-query';
import { api } from './api.js';

/** The flow as the backend reads it from Dots: the truth the callbacks only hint at. */
export function ServerTruth({ flowId }: { flowId: string }) {
  const flow = useQuery({ queryKey: ['flow', flowId], queryFn: () => api.flow(flowId) });
  if (flow.isPending) return <p role="status">Checking with the server…</p>;
  if (flow.isError) return <p role="alert">Could not read the flow: {flow.error.message}</p>;
  return (
    <dl className="truth" aria-label="The flow according to the server" data-flow-id={flow.data.id}>
      <dt>Completed steps (server)</dt>
      <dd data-completed-steps={flow.data.completed_steps.join(' ')}>{flow.data.completed_steps.join(', ')}</dd>
      <dt>Dots user</dt>
      <dd>{flow.data.user_id ?? 'none'}</dd>
    </dl>
  );
}
