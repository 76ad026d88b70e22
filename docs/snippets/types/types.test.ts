import { TestClient } from '@deft/testing';
import { app } from './exact-types';

const client = new TestClient(app);
const invoice = {
  id: 'A0B1C2D3-E4F5-4A6B-8C7D-9E0F1A2B3C4D',
  customer: 'ACME',
  total: '1234567890123456.78',
  issued: '2024-05-01T09:30:00+02:00',
  due: '2024-05-31',
  terms: 'P30D',
  sequence: '9007199254740993',
};

describe('docs/types.md', () => {
  it('reads each type exactly and writes it as FastAPI does', async () => {
    const res = await client.post('/invoices/', { json: invoice });
    expect(res.text).toBe(
      '{"id":"a0b1c2d3-e4f5-4a6b-8c7d-9e0f1a2b3c4d","customer":"ACME","total":"1234567890123456.78","issued":"2024-05-01T09:30:00+02:00","due":"2024-05-31","terms":"P30D","sequence":9007199254740993}',
    );
    expect((await client.get('/invoices/a0b1c2d3-e4f5-4a6b-8c7d-9e0f1a2b3c4d')).json()).toMatchObject({ total: '1234567890123456.78' });
    expect((await client.get('/invoices/', { query: { min_total: '1234567890123456.78', due_before: '2024-06-01' } })).json()).toEqual([
      'a0b1c2d3-e4f5-4a6b-8c7d-9e0f1a2b3c4d',
    ]);
  });

  it("answers Pydantic's errors", async () => {
    const res = await client.get('/invoices/not-a-uuid');
    expect(res.json()).toEqual({
      detail: [
        {
          type: 'uuid_parsing',
          loc: ['path', 'invoice_id'],
          msg: 'Input should be a valid UUID, invalid character: found `n` at 1',
          input: 'not-a-uuid',
          ctx: { error: 'invalid character: found `n` at 1' },
        },
      ],
    });
    expect((await client.get('/invoices/', { query: { min_total: '0.001' } })).json()).toEqual({
      detail: [
        {
          type: 'decimal_max_places',
          loc: ['query', 'min_total'],
          msg: 'Decimal input should have no more than 2 decimal places',
          input: '0.001',
          ctx: { decimal_places: 2 },
        },
      ],
    });
  });

  it('documents Decimal as FastAPI does: a number or a string in, a string out', () => {
    const schemas = app.openapi().components!.schemas!;
    expect(Object.keys(schemas)).toContain('Invoice-Input');
    expect((schemas['Invoice-Output']!.properties as Record<string, unknown>).total).toEqual({
      type: 'string',
      pattern: '^(?!^[-+.]*$)[+-]?0*\\d*\\.?\\d*$',
      title: 'Total',
      description: 'Never a JavaScript number: every cent is kept',
    });
  });
});
