export function Logo({ shopName }: { shopName: string }) {
  return (
    <span className="flex items-center gap-2">
      <svg viewBox="0 0 32 32" className="h-8 w-8 shrink-0" aria-hidden="true">
        <defs>
          <linearGradient id="logo-gradient" x1="0" y1="0" x2="1" y2="1">
            <stop offset="0" stopColor="#5D5CDE" />
            <stop offset="1" stopColor="#814DBA" />
          </linearGradient>
        </defs>
        <rect width="32" height="32" rx="8" fill="url(#logo-gradient)" />
        <path
          d="M9 23 16 8l7 15M11.8 17.5h8.4"
          fill="none"
          stroke="#fff"
          strokeWidth="2.6"
          strokeLinecap="round"
          strokeLinejoin="round"
        />
        <circle cx="24.5" cy="8.5" r="2.5" fill="#F3C34D" />
      </svg>
      <span className="hidden text-base font-extrabold tracking-tight text-slate-900 dark:text-white min-[400px]:inline sm:text-lg">
        {shopName}
      </span>
    </span>
  );
}
