import { sendProviderJson } from "../shared/faults";
import { isRecord, parseJson, readBody, sendJson, type Req, type Res } from "../shared/http";

/**
 * How Lygos (FastAPI behind nginx) words what it refuses: `{detail: {message, type}}` for its own
 * errors, pydantic's 422 `{detail: [...]}` for invalid input, nginx pages for 5xx.
 */

export function detail(res: Res, status: number, message: string, type: string) {
  sendProviderJson(res, status, { detail: { message, type } });
}

/** FastAPI/pydantic style validation of one body field; optional fields accept null as "not given". */
type ValidationItem = { type: string; loc: (string | number)[]; msg: string; input: unknown };
type FieldResult = { value: unknown } | { error: ValidationItem };
/** A body field's kind and whether it is required. */
export type FieldSpec = ["int" | "str", boolean];

function validateField(
  name: string,
  kind: "int" | "str",
  body: Record<string, unknown>,
  required: boolean,
): FieldResult {
  const loc = ["body", name];
  if (!(name in body))
    return required ? { error: { type: "missing", loc, msg: "Field required", input: body } } : { value: undefined };
  const v = body[name];
  if (v === null && !required) return { value: undefined };
  if (kind === "str") {
    return typeof v === "string"
      ? { value: v }
      : { error: { type: "string_type", loc, msg: "Input should be a valid string", input: v } };
  }
  if (typeof v === "number") {
    if (Number.isInteger(v)) return { value: v };
    return {
      error: {
        type: "int_from_float",
        loc,
        msg: "Input should be a valid integer, got a number with a fractional part",
        input: v,
      },
    };
  }
  // pydantic's lax mode parses integer strings.
  if (typeof v === "string" && /^\s*[-+]?\d+\s*$/.test(v)) return { value: Number(v.trim()) };
  if (typeof v === "string") {
    return {
      error: {
        type: "int_parsing",
        loc,
        msg: "Input should be a valid integer, unable to parse string as an integer",
        input: v,
      },
    };
  }
  return { error: { type: "int_type", loc, msg: "Input should be a valid integer", input: v } };
}

/** Validates every field of `spec` ([kind, required]); on errors answers 422 with all of them and returns null. */
export function validateFields<K extends string>(res: Res, body: Record<string, unknown>, spec: Record<K, FieldSpec>) {
  const values = {} as Record<K, unknown>;
  const errors: ValidationItem[] = [];
  for (const [name, [kind, required]] of Object.entries(spec) as [K, FieldSpec][]) {
    const r = validateField(name, kind, body, required);
    if ("error" in r) errors.push(r.error);
    else values[name] = r.value;
  }
  if (!errors.length) return values;
  sendProviderJson(res, 422, { detail: errors });
  return null;
}

/** The JSON object body, or null once a 422 has answered an empty, unparsable or non-object body. */
export async function readJsonBody(req: Req, res: Res): Promise<Record<string, unknown> | null> {
  const text = await readBody(req);
  if (!text.trim()) {
    sendProviderJson(res, 422, { detail: [{ type: "missing", loc: ["body"], msg: "Field required", input: null }] });
    return null;
  }
  const parsed = parseJson(text);
  if (!parsed.ok) {
    sendProviderJson(res, 422, {
      detail: [
        {
          type: "json_invalid",
          loc: ["body", 0],
          msg: "JSON decode error",
          input: {},
          ctx: { error: "Expecting value" },
        },
      ],
    });
    return null;
  }
  if (!isRecord(parsed.value)) {
    sendProviderJson(res, 422, {
      detail: [
        {
          type: "model_attributes_type",
          loc: ["body"],
          msg: "Input should be a valid dictionary or object to extract fields from",
          input: parsed.value,
        },
      ],
    });
    return null;
  }
  return parsed.value;
}

const UUID = /^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i;

/** The gateway id of a path, or null once a 422 has answered one that is not a UUID. */
export function gatewayId(res: Res, raw: string) {
  if (UUID.test(raw)) return raw;
  sendProviderJson(res, 422, {
    detail: [
      {
        type: "uuid_parsing",
        loc: ["path", "gateway_id"],
        msg: "Input should be a valid UUID, invalid character or length",
        input: raw,
      },
    ],
  });
  return null;
}

/** What the front answers before the API: nginx for gateway errors, FastAPI for unknown paths and methods. */
export const frontErrors = {
  error5xx: (status: number) =>
    status === 500
      ? { body: "Internal Server Error", type: "text/plain; charset=utf-8" }
      : {
          body: `<html>\r\n<head><title>${status} Bad Gateway</title></head>\r\n<body>\r\n<center><h1>${status} Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`,
          type: "text/html",
        },
  notFound: (res: Res, pathKnown: boolean) =>
    pathKnown ? sendJson(res, 405, { detail: "Method Not Allowed" }) : sendJson(res, 404, { detail: "Not Found" }),
};
