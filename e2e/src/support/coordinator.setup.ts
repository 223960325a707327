import { expect, test as setup } from '@playwright/test';
import { COORDINATOR_STATE } from './auth';

setup('sign the demo coordinator in once for the run', async ({ request }) => {
  const res = await request.post('/api/auth/login', { data: { email: 'coordinator@example.org', password: 'demo-coordinator' } });
  expect(res.status()).toBe(200);
  await request.storageState({ path: COORDINATOR_STATE });
});
