/**
 * Stands in for a language model behind an API: answers a prompt token by
 * token, as an upstream completion stream would, with a little latency.
 */
export async function* completion(prompt: string): AsyncGenerator<string> {
  const answer = `You said "${prompt}". Streaming answers arrive one token at a time.`;
  for (const token of answer.match(/\S+\s*/g) ?? []) {
    await new Promise((resolve) => setTimeout(resolve, 5));
    yield token;
  }
}
