// The server kit's Next.js recipe: POST /api/dots/flows creates a flow, GET /api/dots/flows/:id reads one.
import { handler } from '@/lib/dots';

export const POST = handler;
export const GET = handler;
