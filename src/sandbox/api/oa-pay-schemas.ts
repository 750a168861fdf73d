// Input schemas of the sandbox API for Official Accounts, web OAuth and WeChat Pay.
import { z } from 'zod';
import { SUBSCRIBE_SCENES } from '../oa/follow-actions.ts';
import { actionBase } from './schemas.ts';

export const oaCallbackSchema = z
  .object({
    url: z.string().url().nullable().optional(),
    token: z.string().optional(),
    encodingAESKey: z.string().optional(),
    mode: z.enum(['plain', 'safe']).optional(),
    /** Check the URL like mp.weixin.qq.com's save does before keeping it. */
    verify: z.boolean().optional(),
  })
  .strict();

export const templateSchema = z.object({ templateId: z.string().optional(), title: z.string().min(1).max(64), content: z.string().min(1).max(2000) }).strict();

const oaSettings = {
  trustedIps: z.array(z.string()).optional(),
  oauthDomains: z.array(z.string()).optional(),
  openPlatform: z.boolean().optional(),
};

export const oaSchema = z
  .object({
    appid: z.string().optional(),
    name: z.string().min(1).max(64),
    secret: z.string().optional(),
    originalId: z.string().optional(),
    callback: oaCallbackSchema.omit({ verify: true }).optional(),
    templates: z.array(templateSchema).optional(),
    ...oaSettings,
  })
  .strict();

export const oaPatchSchema = z.object({ name: z.string().min(1).max(64).optional(), ...oaSettings }).strict();

const personOa = { person_id: z.string(), appid: z.string(), ...actionBase };

export const oaFollowSchema = z.object({ ...personOa, scene: z.enum(SUBSCRIBE_SCENES).optional() }).strict();
export const oaUnfollowSchema = z.object(personOa).strict();
export const oaMessageSchema = z.object({ ...personOa, content: z.string().min(1).max(2000) }).strict();
export const oaRefuseSchema = z.object({ person_id: z.string(), appid: z.string(), refuse: z.boolean(), wait: z.boolean().optional() }).strict();

export const merchantSchema = z
  .object({
    mchId: z.string().optional(),
    name: z.string().min(1).max(64),
    key: z.string().optional(),
    balance: z.number().int().min(0).optional(),
    appids: z.array(z.string()).optional(),
  })
  .strict();

export const topUpSchema = z.object({ amount: z.number().int().positive() }).strict();

export const injectSchema = z
  .object({
    err_code: z.enum(['SYSTEMERROR', 'PROCESSING', 'SEND_FAILED', 'NO_AUTH', 'API_METHOD_CLOSED', 'FREQ_LIMIT']),
    times: z.number().int().min(1).max(1000).optional(),
    /** SYSTEMERROR / SEND_FAILED: the packet was nevertheless sent (default true for SYSTEMERROR). */
    sent: z.boolean().optional(),
  })
  .strict();

export const openRedpackSchema = z.object({ person_id: z.string(), mch_id: z.string(), mch_billno: z.string(), wait: z.boolean().optional() }).strict();
