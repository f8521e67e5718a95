import { accessCodePool } from "./accessCodePool";
import { blockContent } from "./blockContent";
import { category } from "./category";
import { discountCode } from "./discountCode";
import { mailNotice } from "./mailNotice";
import { order } from "./order";
import { page } from "./page";
import { product } from "./product";
import { promotion } from "./promotion";
import { review } from "./review";
import { siteSettings } from "./siteSettings";

export const schemaTypes = [
  product,
  category,
  promotion,
  discountCode,
  page,
  review,
  accessCodePool,
  order,
  siteSettings,
  blockContent,
  mailNotice,
];

// Documents the shop reads by a fixed _id: editors edit them, never create or delete them.
export const SINGLETON_TYPES = new Set(["siteSettings"]);
