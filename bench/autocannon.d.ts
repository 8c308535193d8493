// The part of autocannon 9 the benchmarks use (the package ships no types).
declare module 'autocannon' {
  type Request = { method?: string; path?: string; headers?: Record<string, string>; body?: string; setupRequest?: (req: Request, context: Record<string, unknown>) => Request };
  type Options = { url: string; connections?: number; duration?: number; amount?: number; requests?: Request[]; headers?: Record<string, string> };
  type Histogram = { p50: number; p90: number; p97_5: number; p99: number; average: number; max: number };
  type Result = { latency: Histogram; requests: { average: number; total: number }; non2xx: number; errors: number; timeouts: number };
  type Instance = Promise<Result> & { on: (event: 'response', fn: (client: unknown, statusCode: number, resBytes: number, responseTime: number) => void) => void; stop: () => void };
  function autocannon(options: Options): Instance;
  export default autocannon;
}
