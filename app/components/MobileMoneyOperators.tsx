import { OPERATORS, operatorList, operatorsOffered, type CountryOffer } from "~/lib/mobile-money";
import { OperatorMark } from "./OperatorMark";

/** One sentence naming what the shop takes, from the routing table: never a promise it cannot keep. */
export function operatorSentence(offers: readonly CountryOffer[]): string {
  const operators = operatorsOffered(offers);
  if (operators.length === 0)
    return "Le paiement en ligne est momentanément indisponible : contactez-nous sur WhatsApp.";
  return `Paiement par mobile money : ${operatorList(operators)}, selon votre pays.`;
}

/** The routing table, country by country, folded away. */
export function MobileMoneyOperators({ offers }: { offers: readonly CountryOffer[] }) {
  if (offers.length === 0) return null;
  return (
    <details className="mt-3 rounded-xl bg-slate-100 p-3 text-sm dark:bg-slate-800/60">
      <summary className="cursor-pointer font-medium text-brand-dark dark:text-brand-light">
        Quels opérateurs dans mon pays ?
      </summary>
      <table className="mt-2 w-full text-left">
        <caption className="sr-only">Opérateurs mobile money acceptés, par pays</caption>
        <tbody>
          {offers.map((offer) => (
            <tr key={offer.country} className="border-t border-slate-200 dark:border-slate-700">
              <th scope="row" className="py-1 pr-3 align-top font-medium">
                {offer.name}
              </th>
              <td className="py-1 text-slate-700 dark:text-slate-300">
                <ul className="flex flex-wrap gap-x-3 gap-y-1">
                  {offer.operators.map((operator) => (
                    <li key={operator} className="flex items-center gap-1">
                      <OperatorMark operator={operator} size={20} />
                      {OPERATORS[operator].name}
                    </li>
                  ))}
                </ul>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
