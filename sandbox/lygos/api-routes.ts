import { randomUUID } from "node:crypto";
import { sendProviderJson, type FaultController } from "../shared/faults";
import type { Req, Res } from "../shared/http";
import type { SandboxRoute } from "../shared/server";
import type { Gateway, Gateways } from "./state";
import { detail, gatewayId, readJsonBody, validateFields, type FieldSpec } from "./validation";

/** Optional text fields of a gateway, at creation as on update. */
const EDITABLE = { message: ["str", false], success_url: ["str", false], failure_url: ["str", false] } satisfies Record<
  string,
  FieldSpec
>;

/** The Lygos API under /v1 (docs/providers/lygos.md): gateways and payins. */
export function apiRoutes(ctx: {
  apiKey: string;
  currency: string;
  gateways: Gateways;
  faults: FaultController;
}): SandboxRoute[] {
  const { gateways } = ctx;

  /** Authentication runs before validation, as FastAPI resolves the key dependency first. */
  const authorized = (req: Req, res: Res) => {
    const key = req.headers["api-key"];
    const value = Array.isArray(key) ? key[0] : key;
    if (!value) {
      detail(res, 401, "No API Key.", "NO_API_KEY_PROVIDED");
      return false;
    }
    if (value !== ctx.apiKey) {
      detail(res, 404, "API Key not found", "API_KEY_NOT_FOUND");
      return false;
    }
    return true;
  };

  /** A route on /v1/gateway/{id}: the key is checked first, then the id parsed as FastAPI would. */
  const onGateway = (
    method: string,
    handle: (req: Req, res: Res, id: string) => Promise<void> | void,
  ): SandboxRoute => ({
    method,
    pattern: /^\/v1\/gateway\/([^/]+)$/,
    api: true,
    handler: (req, res, [raw]) => {
      if (!authorized(req, res)) return;
      const id = gatewayId(res, raw!);
      if (!id) return;
      return handle(req, res, id);
    },
  });

  const gatewayNotFound = (res: Res) => detail(res, 404, "Payment Gateway Not found", "GATEWAY_NOT_FOUND");

  return [
    {
      method: "POST",
      pattern: /^\/v1\/gateway\/?$/,
      api: true,
      handler: async (req, res) => {
        if (!authorized(req, res)) return;
        const body = await readJsonBody(req, res);
        if (!body) return;
        const values = validateFields(res, body, {
          amount: ["int", true],
          shop_name: ["str", true],
          order_id: ["str", true],
          ...EDITABLE,
        });
        if (!values) return;
        const str = (v: unknown) => (v as string | undefined) ?? "";
        const g: Gateway = {
          id: randomUUID(),
          amount: values.amount as number,
          currency: ctx.currency,
          shop_name: str(values.shop_name),
          message: str(values.message),
          order_id: str(values.order_id),
          success_url: str(values.success_url),
          failure_url: str(values.failure_url),
          creation_date: new Date().toISOString().replace(/\.\d{3}Z$/, "Z"),
          deleted_at: null,
          payment: null,
        };
        gateways.add(g);
        sendProviderJson(res, 200, gateways.view(g));
      },
    },
    {
      method: "GET",
      pattern: /^\/v1\/gateway\/?$/,
      api: true,
      handler: (req, res) => {
        if (!authorized(req, res)) return;
        const listed = gateways.all().filter((g) => !g.deleted_at);
        sendProviderJson(
          res,
          200,
          listed.map((g) => gateways.view(g)),
        );
      },
    },
    {
      method: "GET",
      pattern: /^\/v1\/gateway\/payin\/([^/]+)$/,
      api: true,
      handler: (req, res, [orderId]) => {
        if (!authorized(req, res)) return;
        const status = gateways.payinStatus(orderId!);
        if (status === undefined) return detail(res, 404, "Payin not found", "PAYIN_NOT_FOUND");
        sendProviderJson(res, 200, { order_id: orderId, status });
      },
    },
    onGateway("GET", (_req, res, id) => {
      if (ctx.faults.current.merchantInactive)
        return detail(res, 400, "User not found or inactive", "GATEWAY_USER_NOT_FOUND");
      const g = gateways.live(id);
      if (!g) return gatewayNotFound(res);
      sendProviderJson(res, 200, gateways.view(g, true));
    }),
    onGateway("PUT", async (req, res, id) => {
      const body = await readJsonBody(req, res);
      if (!body) return;
      const values = validateFields(res, body, { amount: ["int", false], shop_name: ["str", false], ...EDITABLE });
      if (!values) return;
      const g = gateways.live(id);
      if (!g) return gatewayNotFound(res);
      gateways.update(g, values);
      sendProviderJson(res, 200, gateways.view(g));
    }),
    onGateway("DELETE", (_req, res, id) => {
      const g = gateways.live(id);
      if (!g) return gatewayNotFound(res);
      gateways.remove(g);
      sendProviderJson(res, 200, { message: "Payment Gateway deleted", id: g.id });
    }),
  ];
}
