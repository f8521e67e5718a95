import type { z } from "zod";

/** What a refused form tells the shopper: one French message per field, `form` for the whole form. */
export type FieldErrors<Field extends string> = Partial<Record<Field | "form", string>>;

/**
 * The first message zod gives for each field (an issue without a path is the form's own), the
 * shape every storefront form renders with `<FieldError>` and `<ErrorSummary>` (decision 026).
 */
export function fieldErrors<Field extends string>(error: z.ZodError): FieldErrors<Field> {
  const errors: FieldErrors<Field> = {};
  for (const issue of error.issues) {
    const field = (issue.path[0] as Field | undefined) ?? "form";
    errors[field] ??= issue.message;
  }
  return errors;
}
