import type { AssetStore } from "./assets";
import type { ImageService } from "./image-service";
import type { DocumentStore } from "./store";

/** Everything a request handler needs; one per running lake. */
export interface LakeContext {
  projectId: string;
  dataset: string;
  token: string;
  store: DocumentStore;
  assets: AssetStore;
  images: ImageService;
}
