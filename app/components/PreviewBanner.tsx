import { previewExitUrl } from "~/lib/urls";

/** Always on top in preview, so an editor never mistakes a draft for the live page. */
export function PreviewBanner({ path }: { path: string }) {
  return (
    <div
      role="status"
      data-testid="preview-banner"
      className="sticky top-0 z-50 bg-amber-400 px-4 py-2 text-center text-sm font-bold text-slate-900"
    >
      Aperçu : vous voyez les brouillons, invisibles pour les clients.{" "}
      <a href={previewExitUrl(path)} className="underline">
        Quitter l'aperçu
      </a>
    </div>
  );
}
