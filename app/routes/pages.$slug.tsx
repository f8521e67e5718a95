import { data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { RouteErrorBoundary } from "~/components/RouteErrorBoundary";
import { notFound, pageHeaders, publicPageHeaders } from "~/modules/platform/http.server";
import { pageMeta } from "~/lib/seo";
import { getCmsPage } from "~/modules/catalog/pages.server";
import { buildSeo } from "~/modules/catalog/seo.server";
import { cmsPageUrl } from "~/lib/urls";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const slug = params.slug ?? "";
  const { layout, page } = await getCmsPage(slug);
  if (!page) throw notFound("Cette page");
  const seo = buildSeo({
    request,
    layout,
    title: page.title,
    description: page.description,
    path: cmsPageUrl(slug),
    type: "article",
  });
  return data({ page, seo }, { headers: publicPageHeaders() });
}

export const headers = pageHeaders;

export const meta: MetaFunction<typeof loader> = pageMeta;

export default function CmsPage() {
  const { page } = useLoaderData<typeof loader>();
  return (
    <article className="container-page max-w-3xl py-8 sm:py-12">
      <h1 className="text-3xl font-extrabold text-slate-900 dark:text-white">{page.title}</h1>
      {page.description ? <p className="mt-2 text-lg text-slate-600 dark:text-slate-400">{page.description}</p> : null}
      <div className="rich-text mt-6" dangerouslySetInnerHTML={{ __html: page.bodyHtml }} />
    </article>
  );
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />;
}
