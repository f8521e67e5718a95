import { MOBILE_MONEY_COVERAGE } from "~/lib/mobile-money";

export function MobileMoneyOperators() {
  return (
    <details className="mt-3 rounded-xl bg-slate-100 p-3 text-sm dark:bg-slate-800/60">
      <summary className="cursor-pointer font-medium text-brand dark:text-brand-light">Quels opérateurs dans mon pays ?</summary>
      <table className="mt-2 w-full text-left">
        <caption className="sr-only">Opérateurs mobile money acceptés par Lygos Pay</caption>
        <tbody>
          {MOBILE_MONEY_COVERAGE.map((row) => (
            <tr key={row.country} className="border-t border-slate-200 dark:border-slate-700">
              <th scope="row" className="py-1 pr-3 font-medium">{row.country}</th>
              <td className="py-1 text-slate-600 dark:text-slate-300">{row.operators}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
