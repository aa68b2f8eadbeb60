// Drives the sandbox flow page inside a story's iframe (same origin), like a person would.
import { expect, waitFor, within } from 'storybook/test';

const TIMEOUT = { timeout: 8_000 };

/** Queries bound to the flow page in `frame`, once its first screen is rendered. */
export async function flowPage(frame: HTMLIFrameElement) {
  await waitFor(() => expect(frame.contentDocument?.querySelector('#app h1')).toBeTruthy(), TIMEOUT);
  return within(frame.contentDocument!.body);
}

/** Clicks the flow page's button called `name` as soon as it is there and enabled. */
export async function press(frame: HTMLIFrameElement, name: string): Promise<void> {
  const page = await flowPage(frame);
  const button = await waitFor(() => {
    const found = page.getByRole('button', { name });
    expect(found).toBeEnabled();
    return found;
  }, TIMEOUT);
  button.click();
}

/** Picks the payout method labelled `label` on the manage-payouts screen. */
export async function choosePayoutMethod(frame: HTMLIFrameElement, label: RegExp): Promise<void> {
  const page = await flowPage(frame);
  const radio = await page.findByRole('radio', { name: label }, TIMEOUT);
  radio.click();
  await waitFor(() => expect(radio).toBeChecked());
}

/** Phone verification with the sandbox's test data: "Send code", then "Verify". */
export async function verifyPhone(frame: HTMLIFrameElement): Promise<void> {
  await press(frame, 'Send code');
  await waitFor(
    async () => expect((await flowPage(frame)).getByRole('heading', { name: 'Enter the code' })).toBeTruthy(),
    TIMEOUT,
  );
  await press(frame, 'Verify');
}
