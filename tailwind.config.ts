import type { Config } from "tailwindcss";

export default {
  content: ["./app/**/*.{ts,tsx}"],
  // Dark follows the system unless the shopper chose: `.dark` or `.light` on <html> (from a cookie)
  // wins over the media query, so there is no flash and no script is needed to pick the theme.
  darkMode: ["variant", ["@media (prefers-color-scheme: dark) { &:not(.light *) }", "&:is(.dark *)"]],
  theme: {
    extend: {
      colors: {
        brand: { DEFAULT: "#5D5CDE", dark: "#4A49C4", deep: "#814DBA", light: "#A5A4F3" },
        gold: { DEFAULT: "#F3C34D", dark: "#D9A722" },
        // The logo green for icons; the darker one carries white text at a readable contrast.
        whatsapp: { DEFAULT: "#25D366", dark: "#0F7A40" },
      },
      fontFamily: {
        sans: ["system-ui", "-apple-system", "Segoe UI", "Roboto", "Helvetica Neue", "Arial", "sans-serif"],
      },
    },
  },
  plugins: [],
} satisfies Config;
