import { useQuery } from '@tanstack/react-query';
import { api } from './api.js';

/** The flow as the backend reads it from Dots, with its ids: the developer view of a result. */
export function FlowDetails({ flowId }: { flowId: string }) {
  const flow = useServerFlow(flowId);
  if (flow.isPending) return <p role="status">Checking with the server…</p>;
  if (flow.isError) return <p role="alert">Could not read the flow: {flow.error.message}</p>;
  return (
    <dl className="truth" aria-label="The flow according to the server" data-flow-id={flow.data.id}>
      <dt>Flow</dt>
      <dd>
        <code>{flow.data.id}</code>
      </dd>
      <dt>Completed steps (server)</dt>
      <dd data-completed-steps={flow.data.completed_steps.join(' ')}>{flow.data.completed_steps.join(', ')}</dd>
      <dt>Dots user</dt>
      <dd>
        <code>{flow.data.user_id ?? 'none'}</code>
      </dd>
    </dl>
  );
}

/** `GET /api/dots/flows/:id`: the backend's own read of the flow from Dots. */
export function useServerFlow(flowId: string) {
  return useQuery({ queryKey: ['flow', flowId], queryFn: () => api.flow(flowId) });
}
