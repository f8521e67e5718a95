export function Faq({ entries }: { entries: { key: string; question: string; answer: string }[] }) {
  return (
    <div className="divide-y divide-slate-200 overflow-hidden rounded-2xl border border-slate-200 bg-white dark:divide-slate-800 dark:border-slate-800 dark:bg-slate-900">
      {entries.map((entry) => (
        <details key={entry.key} className="group">
          <summary className="flex min-h-12 cursor-pointer items-center justify-between gap-3 px-4 py-3 font-semibold text-slate-900 dark:text-white">
            {entry.question}
            <span
              aria-hidden="true"
              className="text-xl text-brand transition group-open:rotate-45 dark:text-brand-light"
            >
              +
            </span>
          </summary>
          <p className="whitespace-pre-line px-4 pb-4 text-sm text-slate-600 dark:text-slate-400">{entry.answer}</p>
        </details>
      ))}
    </div>
  );
}
