import { expect, test } from '@playwright/test';

test.describe('one server for the app and the API', () => {
  test('reports healthy with the database up', async ({ request }) => {
    const res = await request.get('/api/health');
    expect(res.status()).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'ok', info: { database: { status: 'up' } } });
  });

  test('serves the OpenAPI document and Swagger UI', async ({ request, page }) => {
    const doc = await (await request.get('/api/docs-json')).json();
    expect(doc.openapi).toMatch(/^3\./);
    await page.goto('/api/docs');
    await expect(page.getByText('Digihjälpen API').first()).toBeVisible();
  });

  test('answers unknown API paths with JSON 404 and unknown pages with the app', async ({ request, page }) => {
    const api = await request.get('/api/nothing-here');
    expect(api.status()).toBe(404);
    expect(await api.json()).toMatchObject({ code: 'NOT_FOUND' });
    await page.goto('/some/old/link');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  });

  test('shows the e-mails the local mail catcher received', async ({ page }) => {
    await page.goto('/dev/mail');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('E-post som appen har skickat');
  });
});
