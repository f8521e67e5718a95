import type { z } from "zod";

/**
 * Each plug-in validates its own variables with its own schema, like env.server.ts does for the
 * shop's: empty counts as unset, and a malformed value stops the server with its name.
 */
export function parsePluginEnv<T extends z.ZodType>(
  pluginId: string,
  schema: T,
  source: NodeJS.ProcessEnv,
): z.infer<T> {
  const cleaned = Object.fromEntries(
    Object.entries(source).map(([key, value]) => [
      key,
      value === undefined || value.trim() === "" ? undefined : value.trim(),
    ]),
  );
  const result = schema.safeParse(cleaned);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`).join("\n");
  throw new Error(
    `Invalid environment configuration for payment provider ${pluginId}:\n${problems}\nSee .env.example for every variable.`,
  );
}
