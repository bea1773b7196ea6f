/** Tier colours, one set per tier: a pill (background, text, ring) and a solid dot. */
const TIERS: Record<string, { label: string; pill: string; dot: string }> = {
  GOLD: { label: 'Gold', pill: 'bg-yellow-50 text-yellow-800 ring-yellow-300', dot: 'bg-yellow-400' },
  SILVER: { label: 'Silver', pill: 'bg-slate-100 text-slate-700 ring-slate-300', dot: 'bg-slate-400' },
  BRONZE: { label: 'Bronze', pill: 'bg-amber-50 text-amber-900 ring-amber-300', dot: 'bg-amber-700' },
};

export const tierStyle = (tier: string) => TIERS[tier] ?? TIERS.BRONZE!;
