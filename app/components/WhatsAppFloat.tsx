import { Icon } from "./Icon";

/**
 * Floats only where the page leaves it a margin of its own (1300 px and wider: the content is at most
 * 1152 px wide), so that it never covers an action. Narrower, the same link sits in the header
 * (SiteHeader) and in the menu: docs/decisions/022-whatsapp-button-placement.md.
 */
export function WhatsAppFloat({ href }: { href: string }) {
  return (
    <a
      href={href}
      rel="noopener noreferrer"
      aria-label="Nous écrire sur WhatsApp"
      data-testid="whatsapp-float"
      className="fixed bottom-4 right-4 z-30 hidden h-14 w-14 items-center justify-center rounded-full bg-whatsapp text-white shadow-lg shadow-black/20 transition hover:scale-105 focus-visible:outline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-whatsapp-dark min-[1300px]:inline-flex"
    >
      <Icon name="whatsapp" className="h-7 w-7" />
    </a>
  );
}
