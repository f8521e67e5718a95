import { data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { NotFound } from "~/components/NotFound";
import { pageHeaders } from "~/modules/platform/http.server";
import { seoMeta } from "~/lib/seo";
import { getLayout } from "~/modules/catalog/layout.server";
import { buildSeo } from "~/modules/catalog/seo.server";

/** Any unknown address: a French 404 inside the shop's own header and footer. */
export async function loader({ request }: LoaderFunctionArgs) {
  const layout = await getLayout();
  const seo = buildSeo({
    request,
    layout,
    title: "Page introuvable",
    path: new URL(request.url).pathname,
    noindex: true,
  });
  return data({ seo }, { status: 404, headers: { "Cache-Control": "public, max-age=60" } });
}

export const headers = pageHeaders;

export const meta: MetaFunction<typeof loader> = ({ data }) => seoMeta(data?.seo);

export default function UnknownPage() {
  return <NotFound />;
}
