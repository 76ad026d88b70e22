import { TestClient } from '@deft/testing';
import { app, log } from './streams';

const client = new TestClient(app);

describe('docs/streaming.md', () => {
  it('streams a generator handler as JSON Lines through the response model', async () => {
    const res = await client.get('/items/stream');
    expect(res.headers['content-type']).toBe('application/jsonl');
    expect(res.text).toBe('{"name":"Plumbus","price":3.5}\n{"name":"Portal Gun","price":999.99}\n');
  });

  it('streams raw chunks', async () => {
    expect((await client.get('/video')).text).toBe('frame 0;frame 1;frame 2;');
  });

  it('sends server-sent events and resumes after Last-Event-ID', async () => {
    const all = await client.get('/items/events');
    expect(all.headers['content-type']).toBe('text/event-stream; charset=utf-8');
    expect(all.text).toBe('event: item\ndata: {"name":"Plumbus","price":3.5}\nid: 0\n\nevent: item\ndata: {"name":"Portal Gun","price":999.99}\nid: 1\n\n');
    const rest = await client.get('/items/events', { headers: { 'last-event-id': '0' } });
    expect(rest.text).toBe('event: item\ndata: {"name":"Portal Gun","price":999.99}\nid: 1\n\n');
    expect((await client.get('/greetings')).text).toBe('data: "hello"\n\ndata: {"to":"world"}\n\n');
  });

  it('tears the dependency down after the last chunk', async () => {
    log.length = 0;
    expect((await client.get('/export')).text).toBe('a\nb\nc\n');
    await app.close();
    expect(log).toEqual(['cursor opened', 'sent a', 'sent b', 'sent c', 'cursor closed']);
  });
});
