interface WhyUsItem {
  key: string;
  title: string;
  text: string | null;
  icon: string | null;
}

export function WhyUs({ items }: { items: WhyUsItem[] }) {
  return (
    <ul className="grid grid-cols-2 gap-3 sm:gap-4 lg:grid-cols-4">
      {items.map((item) => (
        <li
          key={item.key}
          className="rounded-2xl border border-slate-200 bg-white p-3 dark:border-slate-800 dark:bg-slate-900 sm:p-5"
        >
          <span
            aria-hidden="true"
            className="flex h-9 w-9 items-center justify-center rounded-full bg-gold/20 text-lg sm:h-12 sm:w-12 sm:text-2xl"
          >
            {item.icon ?? "✨"}
          </span>
          <h3 className="mt-2 text-sm font-bold leading-snug text-slate-900 dark:text-white sm:mt-3 sm:text-base">
            {item.title}
          </h3>
          {item.text ? <p className="mt-1 text-xs text-slate-600 dark:text-slate-400 sm:text-sm">{item.text}</p> : null}
        </li>
      ))}
    </ul>
  );
}
