/** "light" or "dark" when the shopper chose; absent, the page follows the system setting through CSS. */
export type Theme = "light" | "dark";

export function isTheme(value: unknown): value is Theme {
  return value === "light" || value === "dark";
}
