import { z } from "zod";

const Params = z.record(z.string(), z.unknown());

const NewDocument = z.looseObject({ _id: z.string().optional(), _type: z.string().min(1) });
const DocumentWithId = z.looseObject({ _id: z.string().min(1), _type: z.string().min(1) });

const Selection = z.union([
  z.strictObject({ id: z.string().min(1) }),
  z.strictObject({ query: z.string().min(1), params: Params.optional() }),
]);

const Items = z.array(z.unknown());
const Insert = z.union([
  z.strictObject({ before: z.string(), items: Items }),
  z.strictObject({ after: z.string(), items: Items }),
  z.strictObject({ replace: z.string(), items: Items }),
]);

const Patch = z
  .strictObject({
    id: z.string().min(1).optional(),
    query: z.string().min(1).optional(),
    params: Params.optional(),
    ifRevisionID: z.string().optional(),
    set: Params.optional(),
    setIfMissing: Params.optional(),
    unset: z.array(z.string()).optional(),
    inc: z.record(z.string(), z.number()).optional(),
    dec: z.record(z.string(), z.number()).optional(),
    insert: Insert.optional(),
    diffMatchPatch: z.record(z.string(), z.string()).optional(),
  })
  .refine((patch) => (patch.id === undefined) !== (patch.query === undefined), {
    message: "patch needs either id or query",
  });

export const MutationSchema = z.union([
  z.strictObject({ create: NewDocument }),
  z.strictObject({ createOrReplace: DocumentWithId }),
  z.strictObject({ createIfNotExists: DocumentWithId }),
  z.strictObject({ delete: Selection }),
  z.strictObject({ patch: Patch }),
]);

export type Mutation = z.infer<typeof MutationSchema>;
export type PatchMutation = z.infer<typeof Patch>;
export type SelectionSpec = z.infer<typeof Selection>;

export const MutateBodySchema = z.object({
  mutations: z.array(z.unknown()),
  transactionId: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,128}$/)
    .optional(),
});

const flag = z
  .enum(["true", "false"])
  .optional()
  .transform((value) => value === "true");

export const MutateQuerySchema = z.object({
  returnIds: flag,
  returnDocuments: flag,
  dryRun: flag,
  autoGenerateArrayKeys: flag,
  visibility: z.enum(["sync", "async", "deferred"]).optional(),
});
