import { BarChartIcon } from "@sanity/icons/BarChart";
import { definePlugin } from "sanity";
import { SalesDashboard } from "./SalesDashboard";

/** « Tableau de bord »: a Studio tool beside « Contenu » (docs/decisions/023-sales-dashboard.md). */
export const salesDashboard = definePlugin({
  name: "ashtech-sales-dashboard",
  tools: [{ name: "tableau-de-bord", title: "Tableau de bord", icon: BarChartIcon, component: SalesDashboard }],
});
