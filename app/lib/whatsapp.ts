/** A wa.me link; `number` is digits with the country code and no "+", as stored in the site settings. */
export function whatsappLink(number: string | null | undefined, text?: string): string {
  const digits = (number ?? "").replace(/\D/g, "");
  const query = text ? `?text=${encodeURIComponent(text)}` : "";
  return digits ? `https://wa.me/${digits}${query}` : `https://wa.me/${query}`;
}

export function contactLink(number: string | null | undefined, shopName: string): string {
  return whatsappLink(number, `Bonjour ${shopName}, j'ai une question.`);
}
