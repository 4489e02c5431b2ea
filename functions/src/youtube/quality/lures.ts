// Contact lures: what a scam wants the viewer to do next, off YouTube.
// Telegram and WhatsApp handles, "message me", phone numbers, crypto and
// investment talk. Alone they are ordinary words now and then ("I saw it on
// WhatsApp"); on an impersonator or a flood they make the verdict most severe.
const LURES: ReadonlyArray<{ label: string; pattern: RegExp }> = [
  { label: "Telegram", pattern: /\btele\s*gr[a@]m\b|\btg\s*[:@]|\bt\.me\//i },
  { label: "WhatsApp", pattern: /\bwh?at'?s'?\s*app\b|\bwa\.me\//i },
  { label: "other messenger", pattern: /\b(?:signal|wechat|viber|kik|line\s+id|discord)\b\s*[:@]?/i },
  { label: "message me", pattern: /\b(?:message|msg|text|dm|inbox|contact|reach|write\s+to|hit)\s+(?:me|us)\b|\bsend\s+(?:me|us)\s+a\s+(?:message|dm|text)\b/i },
  { label: "phone number", pattern: /(?:^|[^\d])\+?\d{1,3}[\s.-]?\(?\d{2,4}\)?[\s.-]?\d{3,4}[\s.-]?\d{3,5}(?!\d)/ },
  { label: "crypto", pattern: /\b(?:crypto|bitcoin|btc|usdt|ethereum|eth|forex|binary\s+options|investment|invest(?:ing)?|trading\s+account|wallet|profit)\b/i },
  { label: "prize", pattern: /\b(?:you(?:'ve|\s+have)?\s+(?:been\s+)?(?:won|selected|chosen)|winner|giveaway|claim\s+(?:your|the)\s+(?:prize|gift|reward))\b/i },
];

/** The lures `text` carries (labels, in a fixed order); empty when none. */
export function contactLures(text: string): string[] {
  const found: string[] = [];
  for (const { label, pattern } of LURES) if (pattern.test(text)) found.push(label);
  return found;
}
