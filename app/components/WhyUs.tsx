interface WhyUsItem {
  key: string;
  title: string;
  text: string | null;
  icon: string | null;
}

export function WhyUs({ items }: { items: WhyUsItem[] }) {
  return (
    <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
      {items.map((item) => (
        <li
          key={item.key}
          className="rounded-2xl border border-slate-200 bg-white p-5 dark:border-slate-800 dark:bg-slate-900"
        >
          <span
            aria-hidden="true"
            className="flex h-12 w-12 items-center justify-center rounded-full bg-gold/20 text-2xl"
          >
            {item.icon ?? "✨"}
          </span>
          <h3 className="mt-3 font-bold text-slate-900 dark:text-white">{item.title}</h3>
          {item.text ? <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">{item.text}</p> : null}
        </li>
      ))}
    </ul>
  );
}
