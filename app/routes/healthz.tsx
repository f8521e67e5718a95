/** Liveness for the test harness and the benchmark's floor: no data, no rendering. */
export function loader() {
  return new Response("ok", { headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
}
