import { Icon } from "./Icon";

export function WhatsAppFloat({ href }: { href: string }) {
  return (
    <a
      href={href}
      rel="noopener noreferrer"
      aria-label="Nous écrire sur WhatsApp"
      className="fixed bottom-4 right-4 z-30 inline-flex h-14 w-14 items-center justify-center rounded-full bg-whatsapp text-white shadow-lg shadow-black/20 transition hover:scale-105 focus-visible:outline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-whatsapp-dark"
    >
      <Icon name="whatsapp" className="h-7 w-7" />
    </a>
  );
}
