// User settings: a validated object with defaults, updated by partial patches.
import { z } from "zod";
import { REPLY_TONES } from "./labels";

export const includeSchema = z.strictObject({
  sentiment: z.boolean(),
  classification: z.boolean(),
  insights: z.boolean(),
  summary: z.boolean(),
});

/** Alerts (alerts/): each condition with its threshold and cooldown; notifications always, email when asked. */
export const alertSettingsSchema = z.strictObject({
  /** Also send each notification by email (a Trigger Email `mail` document). */
  email: z.boolean(),
  negativeShare: z.strictObject({
    enabled: z.boolean(),
    thresholdPercent: z.number().int("must be a whole number").min(1, "must be at least 1").max(99, "must be at most 99"),
    cooldownHours: z.number().int("must be a whole number").min(1, "must be at least 1").max(720, "must be at most 720"),
  }),
});

export const settingsSchema = z.strictObject({
  defaultAnalysis: z.strictObject({
    maxComments: z.number().int("must be a whole number").min(10, "must be at least 10").max(10_000, "must be at most 10000"),
    include: includeSchema,
  }),
  replyTone: z.enum(REPLY_TONES, { error: `must be one of ${REPLY_TONES.join(", ")}` }),
  language: z
    .string()
    .max(35, "must be at most 35 characters")
    .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, "must be a language tag such as en or pt-BR"),
  emailNotifications: z.strictObject({
    analysisComplete: z.boolean(),
    weeklyDigest: z.boolean(),
    productUpdates: z.boolean(),
  }),
  alerts: alertSettingsSchema,
});

export type Settings = z.infer<typeof settingsSchema>;

export const DEFAULT_SETTINGS: Settings = {
  defaultAnalysis: { maxComments: 100, include: { sentiment: true, classification: true, insights: true, summary: true } },
  replyTone: "friendly",
  language: "en",
  emailNotifications: { analysisComplete: true, weeklyDigest: false, productUpdates: false },
  // Lently says nothing unless asked: alerts land in the app; email is opt-in.
  alerts: { email: false, negativeShare: { enabled: true, thresholdPercent: 30, cooldownHours: 24 } },
};

/** A patch: any subset of the settings, nested objects partial too, unknown keys rejected. */
export const settingsPatchSchema = z.strictObject({
  defaultAnalysis: z
    .strictObject({
      maxComments: settingsSchema.shape.defaultAnalysis.shape.maxComments.optional(),
      include: includeSchema.partial().optional(),
    })
    .optional(),
  replyTone: settingsSchema.shape.replyTone.optional(),
  language: settingsSchema.shape.language.optional(),
  emailNotifications: settingsSchema.shape.emailNotifications.partial().optional(),
  alerts: z
    .strictObject({
      email: alertSettingsSchema.shape.email.optional(),
      negativeShare: alertSettingsSchema.shape.negativeShare.partial().optional(),
    })
    .optional(),
});

export type SettingsPatch = z.infer<typeof settingsPatchSchema>;

export function mergeSettings(current: Settings, patch: SettingsPatch): Settings {
  return {
    defaultAnalysis: {
      maxComments: patch.defaultAnalysis?.maxComments ?? current.defaultAnalysis.maxComments,
      include: { ...current.defaultAnalysis.include, ...patch.defaultAnalysis?.include },
    },
    replyTone: patch.replyTone ?? current.replyTone,
    language: patch.language ?? current.language,
    emailNotifications: { ...current.emailNotifications, ...patch.emailNotifications },
    alerts: {
      email: patch.alerts?.email ?? current.alerts.email,
      negativeShare: { ...current.alerts.negativeShare, ...patch.alerts?.negativeShare },
    },
  };
}

/** Stored settings may predate a field; fill from defaults and drop what no longer validates. */
export function readSettings(stored: unknown): Settings {
  const parsed = settingsPatchSchema.safeParse(stored ?? {});
  return parsed.success ? mergeSettings(DEFAULT_SETTINGS, parsed.data) : DEFAULT_SETTINGS;
}
