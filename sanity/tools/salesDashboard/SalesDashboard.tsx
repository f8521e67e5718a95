import { Box, Button, Card, Container, Flex, Heading, Spinner, Stack, Text } from "@sanity/ui";
import { useCallback, useEffect, useMemo, useState, type ReactNode } from "react";
import { useClient } from "sanity";
import { IntentLink } from "sanity/router";
import { OPERATORS } from "../../../app/lib/mobile-money";
import { formatShopDateTime, useShopTimeZone } from "../../components/shopTimeZone";
import {
  addDays,
  breakdown,
  byDay,
  byWeek,
  conversion,
  dayOf,
  figures,
  formatAmount,
  formatCount,
  formatShare,
  type DashboardOrder,
  type Dimension,
  type Labels,
  type Period,
} from "./metrics";
import { DASHBOARD_QUERY, type DashboardData } from "./query";

const API_VERSION = "2025-02-19";
const DAYS = 7;
const WEEKS = 8;
/** Used by the storefront too when a pool has no threshold of its own (merchant-alerts.server.ts). */
const DEFAULT_LOW_STOCK_THRESHOLD = 3;

/** The providers' names as buyers see them at checkout (the storefront's registry). */
const PROVIDERS: Record<string, string> = { lygos: "Lygos Pay", lengo: "Lengo Pay", free: "Gratuit (sans paiement)" };

const PERIODS = [
  { id: "today", title: "Aujourd'hui", days: 1 },
  { id: "7d", title: "7 derniers jours", days: 7 },
  { id: "30d", title: "30 derniers jours", days: 30 },
] as const;
type PeriodId = (typeof PERIODS)[number]["id"];

const DIMENSIONS: { id: Dimension; title: string; column: string }[] = [
  { id: "product", title: "Ventes par produit", column: "Produit" },
  { id: "category", title: "Ventes par catégorie", column: "Catégorie" },
  { id: "operator", title: "Ventes par opérateur", column: "Opérateur" },
  { id: "provider", title: "Ventes par prestataire de paiement", column: "Prestataire" },
];

const dayLabel = (day: string, options: Intl.DateTimeFormatOptions) =>
  new Intl.DateTimeFormat("fr-FR", { ...options, timeZone: "UTC" }).format(new Date(`${day}T12:00:00Z`));

/** « Tableau de bord »: the shop's sales at a glance, read from the lake with GROQ. */
export function SalesDashboard() {
  const client = useClient({ apiVersion: API_VERSION });
  const timeZone = useShopTimeZone();
  const [data, setData] = useState<DashboardData | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [periodId, setPeriodId] = useState<PeriodId>("today");
  const [today, setToday] = useState(() => dayOf(new Date().toISOString(), timeZone));

  const load = useCallback(async () => {
    const now = dayOf(new Date().toISOString(), timeZone);
    // A day early: the first day's midnight in any time zone is after this instant.
    const since = `${addDays(addDays(now, -(WEEKS * 7 + 7)), -1)}T00:00:00Z`;
    setLoading(true);
    try {
      setData(await client.fetch<DashboardData>(DASHBOARD_QUERY, { since }));
      setToday(now);
      setError(null);
    } catch (failure) {
      setError((failure as Error).message);
    } finally {
      setLoading(false);
    }
  }, [client, timeZone]);

  useEffect(() => {
    void load();
  }, [load]);

  const labels: Labels = useMemo(
    () => ({
      categoryOf: Object.fromEntries(
        (data?.products ?? []).map((product) => [product._id, product.category ?? undefined]),
      ),
      provider: (id) => PROVIDERS[id] ?? id,
      operator: (id) => (id in OPERATORS ? OPERATORS[id as keyof typeof OPERATORS].name : id),
    }),
    [data],
  );

  if (!data) {
    return (
      <Container width={4} padding={4}>
        {error ? (
          <Card tone="critical" padding={4} radius={2}>
            <Text>Le tableau de bord n'a pas pu être chargé : {error}</Text>
          </Card>
        ) : (
          <Flex align="center" gap={3}>
            <Spinner />
            <Text>Chargement des ventes…</Text>
          </Flex>
        )}
      </Container>
    );
  }

  const orders: DashboardOrder[] = data.orders;
  const period: Period = { from: addDays(today, -(PERIODS.find((p) => p.id === periodId)!.days - 1)), to: today };
  const periodTitle = PERIODS.find((p) => p.id === periodId)!.title.toLowerCase();
  const zoneNote = `Jours du fuseau de la boutique (${timeZone}).`;

  return (
    <Box
      as="main"
      aria-labelledby="tableau-de-bord"
      style={{ overflowY: "auto", height: "100%" }}
      data-testid="sales-dashboard"
    >
      <Container width={4} padding={4}>
        <Stack gap={5}>
          <Flex align="center" justify="space-between" gap={3} wrap="wrap">
            <Heading as="h1" size={3} id="tableau-de-bord">
              Tableau de bord
            </Heading>
            <Button
              text={loading ? "Actualisation…" : "Actualiser"}
              mode="ghost"
              onClick={() => void load()}
              disabled={loading}
            />
          </Flex>
          {error ? (
            <Card tone="critical" padding={3} radius={2}>
              <Text size={1}>Actualisation impossible : {error}</Text>
            </Card>
          ) : null}

          <DataTable
            testId="dashboard-summary"
            caption="En bref"
            note={`Chiffre d'affaires : commandes payées et non remboursées, au jour du paiement. Conversion : commandes créées sur la période qui ont été payées. ${zoneNote}`}
            head={[
              "Période",
              "Chiffre d'affaires",
              "Commandes payées",
              "Commandes créées",
              "Conversion créées → payées",
              "Remboursées",
            ]}
            rows={PERIODS.map((entry) => {
              const figure = figures(orders, { from: addDays(today, -(entry.days - 1)), to: today }, timeZone);
              return {
                key: entry.id,
                cells: [
                  entry.title,
                  formatAmount(figure.revenue),
                  formatCount(figure.paid),
                  formatCount(figure.created),
                  formatShare(conversion(figure)),
                  formatCount(figure.refunded),
                ],
              };
            })}
          />

          <DataTable
            testId="dashboard-days"
            caption={`Par jour (${DAYS} derniers jours)`}
            note={zoneNote}
            head={["Jour", "Chiffre d'affaires", "Commandes payées", "Commandes créées", "Conversion"]}
            rows={byDay(orders, today, DAYS, timeZone).map((row) => ({
              key: row.day,
              cells: [
                dayLabel(row.day, { weekday: "long", day: "numeric", month: "long" }),
                formatAmount(row.revenue),
                formatCount(row.paid),
                formatCount(row.created),
                formatShare(conversion(row)),
              ],
            }))}
          />

          <DataTable
            testId="dashboard-weeks"
            caption={`Par semaine (${WEEKS} dernières semaines, du lundi au dimanche)`}
            note={zoneNote}
            head={["Semaine", "Chiffre d'affaires", "Commandes payées", "Commandes créées", "Conversion"]}
            rows={byWeek(orders, today, WEEKS, timeZone).map((row) => ({
              key: row.week,
              cells: [
                `Semaine du ${dayLabel(row.week, { day: "numeric", month: "long", year: "numeric" })}`,
                formatAmount(row.revenue),
                formatCount(row.paid),
                formatCount(row.created),
                formatShare(conversion(row)),
              ],
            }))}
          />

          <Stack gap={3}>
            <Heading as="h2" size={1}>
              Détail des ventes
            </Heading>
            <Flex gap={2} wrap="wrap" role="group" aria-label="Période du détail des ventes">
              {PERIODS.map((entry) => (
                <Button
                  key={entry.id}
                  text={entry.title}
                  mode={entry.id === periodId ? "default" : "ghost"}
                  tone={entry.id === periodId ? "primary" : "default"}
                  aria-pressed={entry.id === periodId}
                  onClick={() => setPeriodId(entry.id)}
                />
              ))}
            </Flex>
          </Stack>
          {DIMENSIONS.map((dimension) => {
            const rows = breakdown(orders, period, timeZone, dimension.id, labels);
            const lineBased = dimension.id === "product" || dimension.id === "category";
            return (
              <DataTable
                key={dimension.id}
                testId={`dashboard-by-${dimension.id}`}
                caption={`${dimension.title} (${periodTitle})`}
                note={
                  lineBased
                    ? "Prix des articles, avant un éventuel code promo sur la commande."
                    : "Montants payés par les clients."
                }
                head={[dimension.column, "Chiffre d'affaires", "Commandes", ...(lineBased ? ["Articles"] : [])]}
                empty="Aucune vente sur cette période."
                rows={rows.map((row) => ({
                  key: row.key,
                  cells: [
                    row.label,
                    formatAmount(row.revenue),
                    formatCount(row.orders),
                    ...(lineBased ? [formatCount(row.quantity)] : []),
                  ],
                }))}
              />
            );
          })}

          <DataTable
            testId="dashboard-to-deliver"
            textColumns={4}
            caption={`Commandes à livrer à la main (${data.toDeliver.length})`}
            head={["Commande", "Payée le", "Client", "Articles"]}
            empty="Aucune commande n'attend de livraison."
            rows={data.toDeliver.map((order) => ({
              key: order._id,
              cells: [
                <OrderLink key="link" id={order._id} number={order.number} />,
                order.paidAt ? formatShopDateTime(order.paidAt, timeZone) : "—",
                order.customer ?? "—",
                (order.lines ?? []).filter(Boolean).join(", "),
              ],
            }))}
          />

          <DataTable
            testId="dashboard-claims"
            textColumns={4}
            caption={`Réclamations ouvertes (${data.claims.reduce((sum, order) => sum + (order.claims?.length ?? 0), 0)})`}
            head={["Commande", "Signalée le", "Référence du SMS", "Commande payée ?"]}
            empty="Aucune réclamation ouverte."
            rows={data.claims.flatMap((order) =>
              (order.claims ?? []).map((claim) => ({
                key: `${order._id}-${claim._key}`,
                cells: [
                  <OrderLink key="link" id={order._id} number={order.number} />,
                  claim.at ? formatShopDateTime(claim.at, timeZone) : "—",
                  claim.smsReference ?? "—",
                  order.status === "paid" ? "Oui" : "Non confirmé",
                ],
              })),
            )}
          />

          <DataTable
            testId="dashboard-pools"
            caption="Stocks de codes d'accès"
            note={`Une alerte part quand les codes libres tombent au seuil (${DEFAULT_LOW_STOCK_THRESHOLD} si le stock n'en fixe pas).`}
            head={["Produit", "Codes libres", "Codes au total", "Seuil d'alerte", "État"]}
            empty="Aucun stock de codes."
            rows={data.pools.map((pool) => {
              const threshold = pool.threshold ?? DEFAULT_LOW_STOCK_THRESHOLD;
              const low = pool.free <= threshold;
              return {
                key: pool._id,
                cells: [
                  <IntentLink
                    key="link"
                    intent="edit"
                    params={{ id: pool._id, type: "accessCodePool" }}
                    style={linkStyle}
                  >
                    {pool.product ?? pool.title ?? pool._id}
                  </IntentLink>,
                  formatCount(pool.free),
                  formatCount(pool.total),
                  formatCount(threshold),
                  pool.free === 0 ? "⚠ Épuisé" : low ? "⚠ Stock bas" : "Suffisant",
                ],
              };
            })}
          />
        </Stack>
      </Container>
    </Box>
  );
}

/** Underlined in the text's own colour: readable in the light and dark themes alike. */
const linkStyle = { color: "inherit", textDecoration: "underline" };

function OrderLink({ id, number }: { id: string; number?: string }) {
  return (
    <IntentLink intent="edit" params={{ id, type: "order" }} style={linkStyle}>
      {number ?? id}
    </IntentLink>
  );
}

interface Row {
  key: string;
  cells: ReactNode[];
}

const cellStyle = {
  padding: "8px 12px",
  borderBottom: "1px solid var(--card-border-color)",
  textAlign: "left" as const,
  verticalAlign: "top" as const,
};

/**
 * A real table: its caption names it for screen readers, column headers and each row's first cell
 * are header cells, amounts are right-aligned.
 */
function DataTable({
  caption,
  note,
  head,
  rows,
  empty,
  testId,
  textColumns = 1,
}: {
  caption: string;
  note?: string;
  head: string[];
  rows: Row[];
  empty?: string;
  testId: string;
  /** How many leading columns hold words (left-aligned); the others hold figures. */
  textColumns?: number;
}) {
  const align = (index: number) => (index < textColumns ? "left" : "right");
  return (
    <Card border radius={2} padding={3} data-testid={testId} style={{ overflowX: "auto" }}>
      <table style={{ width: "100%", borderCollapse: "collapse", fontSize: "0.875rem", color: "inherit" }}>
        <caption style={{ textAlign: "left", fontWeight: 600, fontSize: "1rem", padding: "4px 12px 8px" }}>
          {caption}
          {note ? (
            <span
              style={{
                display: "block",
                fontWeight: 400,
                fontSize: "0.8125rem",
                color: "var(--card-muted-fg-color)",
                marginTop: 4,
              }}
            >
              {note}
            </span>
          ) : null}
        </caption>
        <thead>
          <tr>
            {head.map((title, index) => (
              <th key={title} scope="col" style={{ ...cellStyle, textAlign: align(index), whiteSpace: "nowrap" }}>
                {title}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 ? (
            <tr>
              <td colSpan={head.length} style={{ ...cellStyle, color: "var(--card-muted-fg-color)" }}>
                {empty ?? "—"}
              </td>
            </tr>
          ) : (
            rows.map((row) => (
              <tr key={row.key}>
                {row.cells.map((cell, index) =>
                  index === 0 ? (
                    <th key={index} scope="row" style={{ ...cellStyle, fontWeight: 500 }}>
                      {cell}
                    </th>
                  ) : (
                    <td
                      key={index}
                      style={{ ...cellStyle, textAlign: align(index), fontVariantNumeric: "tabular-nums" }}
                    >
                      {cell}
                    </td>
                  ),
                )}
              </tr>
            ))
          )}
        </tbody>
      </table>
    </Card>
  );
}
