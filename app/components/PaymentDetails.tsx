/** Date, operator, provider reference and amount of a paid order: what the buyer quotes to support. */
export function PaymentDetails({ rows }: { rows: { label: string; value: string }[] }) {
  return (
    <dl
      className="mt-4 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 rounded-2xl border border-slate-200 bg-white p-4 text-sm dark:border-slate-800 dark:bg-slate-900"
      data-testid="payment-details"
    >
      {rows.map((row) => (
        <div key={row.label} className="contents">
          <dt className="text-slate-600 dark:text-slate-400">{row.label}</dt>
          <dd className="min-w-0 break-words text-right font-semibold">{row.value}</dd>
        </div>
      ))}
    </dl>
  );
}
