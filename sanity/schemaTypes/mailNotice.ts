import { defineField, defineType } from "sanity";

// One e-mail the storefront sends exactly once for an event (a refund notice, a merchant alert):
// claimed before sending, then marked sent, or released with the error for the next sweep.
export const mailNotice = defineType({
  name: "mailNotice",
  title: "E-mail",
  type: "object",
  readOnly: true,
  fields: [
    defineField({ name: "claimedAt", title: "En cours d'envoi depuis", type: "datetime" }),
    defineField({ name: "sentAt", title: "Envoyé le", type: "datetime" }),
    defineField({ name: "error", title: "Dernière erreur d'envoi", type: "string" }),
  ],
});
