/** Opt-in: the details typed here prefill the next checkout on this device (a cookie, nothing on our servers). */
export function RememberMe({ defaultChecked }: { defaultChecked: boolean }) {
  return (
    <div className="flex items-start gap-3">
      <input
        id="remember"
        name="remember"
        type="checkbox"
        defaultChecked={defaultChecked}
        aria-describedby="remember-hint"
        className="mt-0.5 h-5 w-5 shrink-0 rounded border-slate-400 accent-brand"
      />
      <div>
        <label htmlFor="remember" className="text-sm font-semibold">
          Se souvenir de moi
        </label>
        <p id="remember-hint" className="text-xs text-slate-600 dark:text-slate-400">
          Vos coordonnées seront préremplies lors de votre prochain achat sur cet appareil. Décochez pour les oublier.
        </p>
      </div>
    </div>
  );
}
