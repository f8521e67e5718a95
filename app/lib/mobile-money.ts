/** Where Lygos Pay takes mobile money (docs/providers/lygos.md), shown so buyers know their wallet works. */
export const MOBILE_MONEY_COVERAGE: readonly { country: string; operators: string }[] = [
  { country: "Bénin", operators: "MTN, Moov" },
  { country: "Burkina Faso", operators: "Moov" },
  { country: "Cameroun", operators: "MTN" },
  { country: "Congo", operators: "MTN" },
  { country: "Côte d'Ivoire", operators: "MTN, Orange Money, Wave" },
  { country: "Gabon", operators: "Airtel" },
  { country: "Kenya", operators: "M-Pesa" },
  { country: "RD Congo", operators: "Orange Money, Vodacom, Airtel" },
  { country: "Rwanda", operators: "MTN, Airtel" },
  { country: "Sénégal", operators: "Free, Orange Money, Wave" },
  { country: "Tanzanie", operators: "Airtel, Tigo, Halotel" },
  { country: "Zambie", operators: "Airtel, MTN" },
];
