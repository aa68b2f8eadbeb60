// Walks a sandbox flow the way its user would on the page: the page's own endpoints, its test data.

/** The form each step's page sends with its pre-filled test data (`@dots-flow/sandbox` page rules). */
const FIELDS: Record<string, Record<string, unknown>> = {
  onboarding: { phone: '+1 415 555 0100', code: '123456' },
  compliance: { legal_name: 'Ada Lovelace', tin: '123-45-6789', address: '1 Market St', postal_code: '94105' },
  'id-verification': { document_type: 'drivers_license', document: true, selfie: true },
  'background-check': { full_name: 'Ada Lovelace', consent: true },
  'manage-payouts': { default_method: 'pm_bank' },
  'manage-payments': { account_holder: 'Ada Lovelace', routing_number: '110000000', account_number: '000123456789' },
  redirect: {},
};

interface PageState {
  user_id: string | null;
  steps: { name: string }[];
  completed_steps: string[];
  balance_cents: number;
}

/** Onboards (when the flow has no user) and completes every pending step; `payout` withdraws the whole balance. */
export async function walkSandboxFlow(sandboxUrl: string, flowId: string): Promise<void> {
  const state = async () => (await (await fetch(`${sandboxUrl}/flow/${flowId}/state`)).json()) as PageState;
  const complete = async (step: string, fields: Record<string, unknown>) => {
    const response = await fetch(`${sandboxUrl}/flow/${flowId}/steps/${step}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ fields }),
    });
    if (!response.ok) throw new Error(`the sandbox refused the ${step} step: ${await response.text()}`);
  };
  if ((await state()).user_id === null) await complete('onboarding', FIELDS['onboarding']!);
  for (const { name } of (await state()).steps) {
    const now = await state();
    if (now.completed_steps.includes(name)) continue;
    const fields = name === 'payout' ? { amount: (now.balance_cents / 100).toFixed(2) } : FIELDS[name];
    if (!fields) throw new Error(`walkSandboxFlow cannot complete the ${name} step`);
    await complete(name, fields);
  }
}
