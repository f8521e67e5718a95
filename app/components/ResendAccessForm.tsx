import { Form } from "@remix-run/react";
import { SubmitButton } from "./FormParts";

export type ResendState = { ok: true; to: string } | { ok: false; error: string } | undefined;

/** « Renvoyer mes accès »: a plain form, so it works without JavaScript. */
export function ResendAccessForm({ action, state, busy }: { action: string; state: ResendState; busy: boolean }) {
  return (
    <Form method="post" action={action} id="renvoyer-acces" className="space-y-2" data-testid="resend-access">
      <input type="hidden" name="intent" value="resend-access" />
      {state?.ok ? (
        <p
          role="status"
          className="rounded-xl bg-emerald-50 p-3 text-sm text-emerald-900 dark:bg-emerald-950 dark:text-emerald-200"
          data-testid="resend-answer"
        >
          C'est envoyé : vos accès et leurs étapes d'activation arrivent à l'adresse {state.to}. Pensez à regarder dans
          vos courriers indésirables.
        </p>
      ) : state ? (
        <p
          role="alert"
          className="rounded-xl bg-red-50 p-3 text-sm font-semibold text-red-800 dark:bg-red-950 dark:text-red-200"
          data-testid="resend-error"
        >
          {state.error}
        </p>
      ) : null}
      <SubmitButton className="btn-outline w-full" pending={busy} pendingLabel="Envoi en cours…">
        Renvoyer mes accès par e-mail
      </SubmitButton>
    </Form>
  );
}
