// Input schemas of the sandbox API.
import { z } from 'zod';

export const faultsSchema = z
  .object({
    duplicate: z.union([z.boolean(), z.number().int().min(0).max(10)]).optional(),
    drop: z.boolean().optional(),
    reorder: z.boolean().optional(),
    hold: z.boolean().optional(),
  })
  .strict()
  .optional();

/** Options every action takes: callback faults for its events, and whether to wait for delivery. */
export const actionBase = { faults: faultsSchema, wait: z.boolean().optional() };

const gender = z.union([z.literal(0), z.literal(1), z.literal(2)]);

export const staffSchema = z
  .object({
    userid: z.string().min(1).max(64).optional(),
    name: z.string().min(1).max(64),
    gender: gender.optional(),
    department: z.array(z.number().int().positive()).optional(),
    position: z.string().max(128).optional(),
    customerContact: z.boolean().optional(),
    consoleWelcome: z.boolean().optional(),
  })
  .strict();

export const staffPatchSchema = z.object({ customerContact: z.boolean().optional(), consoleWelcome: z.boolean().optional(), name: z.string().min(1).optional() }).strict();

export const agentSchema = z
  .object({
    agentid: z.number().int().positive().optional(),
    name: z.string().min(1).max(64).optional(),
    secret: z.string().min(1).max(128).optional(),
    customerContact: z.boolean().optional(),
    trustedIps: z.array(z.string()).optional(),
  })
  .strict();

export const callbackSchema = z
  .object({
    url: z.string().url().nullable().optional(),
    token: z.string().optional(),
    encodingAESKey: z.string().optional(),
    /** Check the URL like the console's save does before keeping it. */
    verify: z.boolean().optional(),
  })
  .strict();

export const corpSchema = z
  .object({
    corpid: z.string().optional(),
    name: z.string().min(1).max(64),
    contactSecret: z.string().min(1).max(128).optional(),
    staff: z.array(staffSchema).optional(),
    agents: z.array(agentSchema).optional(),
    callback: callbackSchema.omit({ verify: true }).optional(),
  })
  .strict();

export const groupCreateSchema = z
  .object({ owner: z.string().min(1), name: z.string().min(1).max(100), staff: z.array(z.string()).optional(), notice: z.string().optional(), ...actionBase })
  .strict();

export const peopleSchema = z
  .object({
    count: z.number().int().min(1).max(10_000).optional(),
    seed: z.number().int().min(0).max(2 ** 32 - 1).optional(),
    person: z
      .object({
        nickname: z.string().min(1).max(200).optional(),
        nicknameKind: z.enum(['chinese', 'stylish', 'latin', 'emoji', 'long', 'script', 'quotes']).optional(),
        gender: gender.optional(),
        country: z.string().optional(),
        province: z.string().optional(),
        city: z.string().optional(),
      })
      .strict()
      .optional(),
  })
  .strict();

export const faultRatesSchema = z
  .object({
    duplicateRate: z.number().min(0).max(1).default(0),
    lossRate: z.number().min(0).max(1).default(0),
    reorderRate: z.number().min(0).max(1).default(0),
    seed: z.number().int().optional(),
  })
  .strict();
