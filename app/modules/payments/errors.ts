import type { ProviderId } from "./provider";

/**
 * Every provider failure becomes one of four errors. `message` is for developers and logs
 * (English, never a key, never a whole provider body); `shopperMessage` is the French text
 * a shopper may see.
 */
export type PaymentErrorKind = "unavailable" | "rejected" | "invalid_response" | "not_found";

/** Who failed: every client passes its plug-in's id and shopper-facing label. */
export interface ProviderName {
  provider: ProviderId;
  providerLabel: string;
}

interface ErrorInit extends ProviderName {
  /** Stable and machine-readable: "TIMEOUT", "HTTP_503", "API_KEY_NOT_FOUND", "UNSUPPORTED_AMOUNT"… */
  code: string;
  message: string;
  shopperMessage?: string;
  httpStatus?: number;
  /** Our configuration is wrong (key, website id, base URL, account currency): the merchant must act. */
  configError?: boolean;
  cause?: unknown;
}

export abstract class PaymentProviderError extends Error {
  abstract readonly kind: PaymentErrorKind;
  /** Whether the same call may succeed later without anyone changing anything. */
  abstract readonly retryable: boolean;
  readonly provider: ProviderId;
  readonly code: string;
  readonly shopperMessage: string;
  readonly httpStatus?: number;
  readonly configError: boolean;

  constructor(init: ErrorInit, defaultShopperMessage: (label: string) => string) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.name = new.target.name;
    this.provider = init.provider;
    this.code = init.code;
    this.httpStatus = init.httpStatus;
    this.configError = init.configError ?? false;
    this.shopperMessage = init.shopperMessage ?? defaultShopperMessage(init.providerLabel);
  }
}

/** Timeout, network error, 5xx or 429: the provider could not answer. */
export class ProviderUnavailable extends PaymentProviderError {
  readonly kind = "unavailable";
  readonly retryable = true;
  constructor(init: ErrorInit) {
    super(init, (label) => `${label} ne répond pas pour le moment. Réessayez dans quelques instants.`);
  }
}

/** The provider answered 4xx: it refused the request. */
export class ProviderRejected extends PaymentProviderError {
  readonly kind = "rejected";
  readonly retryable = false;
  constructor(init: ErrorInit) {
    super(init, (label) =>
      init.configError
        ? `Le paiement par ${label} est momentanément indisponible. Choisissez un autre moyen de paiement ou réessayez plus tard.`
        : `${label} a refusé ce paiement. Choisissez un autre moyen de paiement ou contactez-nous.`,
    );
  }
}

/** The provider answered something we cannot read: malformed JSON, missing or mistyped fields, mismatched data. */
export class ProviderResponseInvalid extends PaymentProviderError {
  readonly kind = "invalid_response";
  readonly retryable = false;
  constructor(init: ErrorInit) {
    super(init, (label) => `${label} a renvoyé une réponse inattendue. Réessayez dans quelques instants.`);
  }
}

/** The provider does not know this payment (yet): not a failure of the payment. */
export class PaymentNotFound extends PaymentProviderError {
  readonly kind = "not_found";
  readonly retryable = true;
  constructor(init: ErrorInit) {
    super(
      init,
      (label) =>
        `${label} n'a pas encore enregistré ce paiement. S'il vient d'être effectué, patientez quelques instants.`,
    );
  }
}

export function isPaymentProviderError(error: unknown): error is PaymentProviderError {
  return error instanceof PaymentProviderError;
}
