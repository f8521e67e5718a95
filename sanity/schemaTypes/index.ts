import { blockContent } from "./blockContent";
import { category } from "./category";
import { page } from "./page";
import { product } from "./product";
import { promotion } from "./promotion";
import { siteSettings } from "./siteSettings";

export const schemaTypes = [product, category, promotion, page, siteSettings, blockContent];

// Documents the shop reads by a fixed _id: editors edit them, never create or delete them.
export const SINGLETON_TYPES = new Set(["siteSettings"]);
