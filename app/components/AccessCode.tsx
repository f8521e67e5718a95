import { useEffect, useId, useState } from "react";
import { useHydrated } from "~/lib/use-hydrated";

const ANNOUNCE_MS = 4_000;

/**
 * One access code: plain selectable text without JavaScript; with it, « Copier » puts it on the
 * clipboard and says so in a live region (screen readers hear « Copié »).
 */
export function AccessCode({ code }: { code: string }) {
  const hydrated = useHydrated();
  const codeId = useId();
  const [announcement, setAnnouncement] = useState("");
  useEffect(() => {
    if (!announcement) return;
    // Cleared, so that a second press is announced again.
    const timer = setTimeout(() => setAnnouncement(""), ANNOUNCE_MS);
    return () => clearTimeout(timer);
  }, [announcement]);

  async function copy() {
    try {
      await navigator.clipboard.writeText(code);
      setAnnouncement("Copié");
    } catch {
      setAnnouncement("Copie impossible : sélectionnez le code et copiez-le.");
    }
  }

  return (
    <div className="space-y-1">
      <div className="flex items-stretch gap-2">
        <code
          id={codeId}
          className="min-w-0 flex-1 select-all whitespace-pre-wrap break-all rounded-xl bg-slate-100 p-3 font-mono text-sm font-bold sm:text-base dark:bg-slate-800"
          data-testid="access-code"
        >
          {code}
        </code>
        {hydrated ? (
          <button
            type="button"
            className="btn-outline shrink-0"
            onClick={copy}
            aria-describedby={codeId}
            data-testid="copy-code"
          >
            Copier
          </button>
        ) : null}
      </div>
      <p
        aria-live="polite"
        className="min-h-5 text-sm font-semibold text-emerald-700 dark:text-emerald-300"
        data-testid="copy-status"
      >
        {announcement}
      </p>
    </div>
  );
}
