// Dots' signed webhooks (the sandbox's, here): verified, then the flow is read back from Dots.
import { webhooks } from '@/lib/dots';

export const POST = webhooks;
