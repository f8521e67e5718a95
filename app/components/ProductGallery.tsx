import type { ImageView } from "~/lib/catalog-types";

/** The cover loads first and at high priority (it is the page's largest paint); the rest lazily. */
export function ProductGallery({ images }: { images: ImageView[] }) {
  const [cover, ...others] = images;
  if (!cover) return <div className="aspect-[4/3] rounded-2xl bg-gradient-to-br from-brand to-brand-deep" />;
  return (
    <div className="space-y-3">
      <img
        src={cover.src}
        srcSet={cover.srcSet}
        sizes="(min-width: 1024px) 560px, (min-width: 640px) 90vw, 100vw"
        width={cover.width}
        height={cover.height}
        alt={cover.alt}
        decoding="async"
        {...{ fetchpriority: "high" }}
        className="h-auto w-full rounded-2xl bg-slate-100 object-cover shadow-sm dark:bg-slate-800"
      />
      {others.length ? (
        <ul className="grid grid-cols-3 gap-3">
          {others.map((image) => (
            <li key={image.src}>
              <img
                src={image.src}
                srcSet={image.srcSet}
                sizes="(min-width: 1024px) 180px, 33vw"
                width={image.width}
                height={image.height}
                alt={image.alt}
                loading="lazy"
                decoding="async"
                className="h-auto w-full rounded-xl bg-slate-100 object-cover dark:bg-slate-800"
              />
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
