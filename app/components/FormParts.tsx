import { useNavigation } from "@remix-run/react";
import { useEffect, useRef, type ReactNode } from "react";

/**
 * The pieces every storefront form is built from (decision 026). Errors come from the server
 * (`fieldErrors` in form-errors.server.ts): the same markup with JavaScript and without.
 */

/** `id`, `aria-invalid` and `aria-describedby` for a field: the error first, then its hint. */
export function fieldAria(id: string, error: string | undefined, hintId?: string) {
  const describedBy = [error ? errorId(id) : null, hintId].filter(Boolean).join(" ");
  return { id, "aria-invalid": error ? true : undefined, "aria-describedby": describedBy || undefined } as const;
}

/** The same for a `<fieldset>` of radios: `aria-invalid` belongs to the radios' roles, not a group's. */
export function groupAria(id: string, error: string | undefined) {
  return { id, "aria-describedby": error ? errorId(id) : undefined } as const;
}

export function errorId(fieldId: string): string {
  return `${fieldId}-error`;
}

export function FieldError({ fieldId, message }: { fieldId: string; message?: string }) {
  return message ? (
    <p id={errorId(fieldId)} className="mt-1 text-sm font-semibold text-red-700 dark:text-red-300">
      {message}
    </p>
  ) : null;
}

/**
 * Shown above a refused form, and focused: `autoFocus` is in the server's HTML, so the browser moves
 * there after a submit without JavaScript; with it, React focuses only form controls by itself, so an
 * effect does it when the errors change. It names each field in error and links to it (the
 * message itself sits under the field, once); an error of the whole form (`form`, or any key
 * `labels` does not name) is told here in full.
 */
export function ErrorSummary({
  errors,
  labels,
}: {
  errors: Record<string, string | undefined>;
  labels: Record<string, string>;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const shown = Object.entries(errors).filter((entry): entry is [string, string] => Boolean(entry[1]));
  const told = JSON.stringify(shown);
  useEffect(() => {
    if (told !== "[]") ref.current?.focus();
  }, [told]);
  if (!shown.length) return null;
  const fields = shown.filter(([field]) => labels[field]);
  const general = shown.filter(([field]) => !labels[field]);
  return (
    <div
      ref={ref}
      role="alert"
      tabIndex={-1}
      // A refused form comes back as a new page without JavaScript: focusing the summary is how a
      // screen reader learns what to fix (the GOV.UK error-summary pattern), hence autofocus here.
      // eslint-disable-next-line jsx-a11y/no-autofocus
      autoFocus
      className="rounded-xl bg-red-50 p-3 text-sm text-red-800 outline-none focus-visible:ring-2 focus-visible:ring-red-600 dark:bg-red-950 dark:text-red-200"
      data-testid="error-summary"
    >
      {general.map(([field, message]) => (
        <p key={field} className="font-semibold">
          {message}
        </p>
      ))}
      {fields.length ? (
        <>
          <p className="font-semibold">{fields.length > 1 ? "Vérifiez ces champs :" : "Vérifiez ce champ :"}</p>
          <ul className="mt-1 list-disc pl-5">
            {fields.map(([field]) => (
              <li key={field}>
                <a href={`#${field}`} className="underline">
                  {labels[field]}
                </a>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}

/**
 * Whether this form's submission is on its way: a POST to `action` whose data holds `fields` (the
 * `intent`, the product…), so that of a page's many forms only the one sent says « … en cours ».
 * Without JavaScript the browser shows its own progress instead.
 */
export function usePending({
  action,
  fields = {},
}: { action?: string; fields?: Record<string, string> } = {}): boolean {
  const navigation = useNavigation();
  if (navigation.state === "idle" || !navigation.formMethod || navigation.formMethod.toUpperCase() === "GET")
    return false;
  if (action && navigation.formAction !== action.split("#")[0]) return false;
  return Object.entries(fields).every(([name, value]) => navigation.formData?.get(name) === value);
}

export function SubmitButton({
  pending,
  pendingLabel,
  children,
  className,
  name,
  value,
}: {
  pending: boolean;
  pendingLabel: string;
  children: ReactNode;
  className: string;
  name?: string;
  value?: string;
}) {
  return (
    <button
      type="submit"
      name={name}
      value={value}
      className={className}
      disabled={pending}
      aria-busy={pending || undefined}
    >
      {pending ? pendingLabel : children}
    </button>
  );
}
