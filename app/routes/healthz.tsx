/** Liveness for deploys and the test harness; also the bench's framework floor. */
export function loader() {
  return new Response("ok", { headers: { "Content-Type": "text/plain", "Cache-Control": "no-store" } });
}
