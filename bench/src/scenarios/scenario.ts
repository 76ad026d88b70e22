/** One HTTP request a scenario sends: under load, and in the equivalence test. */
export interface BenchRequest {
  readonly method: 'GET' | 'POST';
  readonly path: string;
  readonly headers?: Readonly<Record<string, string>>;
  /** A JSON body, sent as `application/json`. */
  readonly body?: string;
  /** Names the request in test titles where the path alone does not. */
  readonly label?: string;
}

/** A request sent under load, with the status every answer must have. */
export interface LoadRequest extends BenchRequest {
  readonly status: number;
}

export type ScenarioName = 'hello' | 'seed' | 'chain' | 'body' | 'query' | 'errors' | 'routers' | 'app-scoped';

/**
 * A scenario: the requests the load generator cycles through, and further
 * requests (edge cases, errors) that only the equivalence test sends.
 */
export interface Scenario {
  readonly name: ScenarioName;
  readonly description: string;
  readonly load: readonly LoadRequest[];
  readonly checks: readonly BenchRequest[];
}

export const bearer = (token: string): Record<string, string> => ({ authorization: `Bearer ${token}` });

export const json = (value: unknown): Pick<BenchRequest, 'headers' | 'body'> => ({
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(value),
});
