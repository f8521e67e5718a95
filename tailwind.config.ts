import type { Config } from "tailwindcss";

export default {
  content: ["./app/**/*.{ts,tsx}"],
  darkMode: "class",
  theme: {
    extend: {
      colors: {
        brand: { DEFAULT: "#5D5CDE", dark: "#4A49C4", deep: "#814DBA" },
        gold: { DEFAULT: "#F3C34D" },
        whatsapp: { DEFAULT: "#25D366", dark: "#128C7E" },
      },
    },
  },
  plugins: [],
} satisfies Config;
