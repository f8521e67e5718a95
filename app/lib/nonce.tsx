import { createContext, useContext } from "react";

/** The per-request CSP nonce, so that every inline script the shop renders is allowed and nothing else is. */
const NonceContext = createContext<string>("");

export const NonceProvider = NonceContext.Provider;

export function useNonce(): string {
  return useContext(NonceContext);
}
