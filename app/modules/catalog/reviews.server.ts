import { randomBytes } from "node:crypto";
import { z } from "zod";
import { getOrderForShopper } from "../orders/orders.server";
import { allow } from "../platform/rate-limit.server";
import { isConflict } from "../platform/revise.server";
import { getSanityWriteClient } from "../platform/sanity.server";
import { fieldErrors, type FieldErrors } from "~/modules/platform/form-errors.server";

/**
 * Reviews are written "pending" and shown only once an editor publishes them in Studio. One is
 * "Achat vérifié" only when posted from the order page of a paid order that contains the
 * product; anything posted from the product page is not, whatever the form says.
 */
export const reviewFormSchema = z.object({
  rating: z.coerce
    .number({ message: "Choisissez une note de 1 à 5 étoiles." })
    .int("Choisissez une note de 1 à 5 étoiles.")
    .min(1, "Choisissez une note de 1 à 5 étoiles.")
    .max(5, "Choisissez une note de 1 à 5 étoiles."),
  name: z
    .string()
    .trim()
    .min(2, "Indiquez votre prénom ou votre nom (2 caractères au moins).")
    .max(60, "Votre nom est trop long (60 caractères au plus)."),
  comment: z
    .string()
    .trim()
    .min(10, "Dites-nous en un peu plus (10 caractères au moins).")
    .max(1500, "Votre avis est trop long (1 500 caractères au plus)."),
});

export type ReviewForm = z.infer<typeof reviewFormSchema>;
export type ReviewErrors = FieldErrors<keyof ReviewForm>;
export type ReviewResult = { ok: true; message: string } | { ok: false; errors: ReviewErrors };

export const THANKS = "Merci pour votre avis ! Il sera publié après vérification par notre équipe.";

export function parseReviewForm(formData: FormData) {
  const result = reviewFormSchema.safeParse({
    rating: formData.get("rating") ?? undefined,
    name: formData.get("name") ?? "",
    comment: formData.get("comment") ?? "",
  });
  if (result.success) return { ok: true as const, form: result.data };
  return { ok: false as const, errors: fieldErrors<keyof ReviewForm>(result.error) };
}

async function writeReview(id: string, productId: string, form: ReviewForm, verified: boolean, orderNumber?: string) {
  await getSanityWriteClient().create(
    {
      _id: id,
      _type: "review",
      product: { _type: "reference", _ref: productId },
      rating: form.rating,
      name: form.name,
      comment: form.comment,
      verified,
      ...(orderNumber ? { orderNumber } : {}),
      status: "pending",
      createdAt: new Date().toISOString(),
    },
    { visibility: "sync" },
  );
}

/** From the product page: never verified; a few per IP per hour, against floods. */
export async function submitProductReview(productId: string, formData: FormData, ip: string): Promise<ReviewResult> {
  const parsed = parseReviewForm(formData);
  if (!parsed.ok) return { ok: false, errors: parsed.errors };
  if (!(await allow(`review-ip:${ip}`, 5, 60 * 60_000))) {
    return { ok: false, errors: { form: "Vous avez déjà envoyé plusieurs avis. Réessayez un peu plus tard." } };
  }
  await writeReview(`review-${randomBytes(8).toString("hex")}`, productId, parsed.form, false);
  return { ok: true, message: THANKS };
}

/** From the order page: verified for a paid order's line; one review per line. */
export async function submitOrderReview(
  number: string,
  token: string | null,
  formData: FormData,
): Promise<ReviewResult & { lineKey: string }> {
  const lineKey = String(formData.get("lineKey") ?? "");
  const order = await getOrderForShopper(number, token);
  const line = order?.lines.find((candidate) => candidate._key === lineKey);
  if (!order || !line) return { ok: false, lineKey, errors: { form: "Commande introuvable." } };
  if (order.status !== "paid")
    return { ok: false, lineKey, errors: { form: "Vous pourrez donner votre avis une fois la commande payée." } };
  const parsed = parseReviewForm(formData);
  if (!parsed.ok) return { ok: false, lineKey, errors: parsed.errors };
  try {
    await writeReview(`review-${order.number}-${line._key}`, line.productId, parsed.form, true, order.number);
  } catch (error) {
    if (!isConflict(error)) throw error;
    return {
      ok: false,
      lineKey,
      errors: { form: "Vous avez déjà donné votre avis sur ce produit pour cette commande. Merci !" },
    };
  }
  return { ok: true, lineKey, message: THANKS };
}
