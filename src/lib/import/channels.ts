import { CHANNEL_MAX } from '$lib/schema/limits';
import type { PresetId } from './presets';

/**
 * Names under which tools and applicant-tracking systems write the same channel: an ATS says
 * "facebook" or "Instagram" where Meta Ads Manager's spend is Meta's, so they meet in one row.
 */
const ALIASES: Record<string, string> = {
  meta: 'Meta',
  facebook: 'Meta',
  instagram: 'Meta',
  'facebook ads': 'Meta',
  'meta ads': 'Meta',
  fb: 'Meta',
  ig: 'Meta',
  linkedin: 'LinkedIn',
  'linkedin ads': 'LinkedIn',
  'linkedin jobs': 'LinkedIn',
  indeed: 'Indeed',
  'google ads': 'Google Ads',
  'google analytics': 'Google Analytics',
  ga4: 'Google Analytics',
};

/**
 * A channel's name as stored: trimmed, inner spaces collapsed, cut to the schema's length, and
 * a known alias written one way ("facebook" and "Instagram" are Meta). Empty text is no
 * channel (undefined): the KPI's unnamed channel, as for typed values.
 */
export function channelName(text: string): string | undefined {
  const clean = text.trim().replace(/\s+/g, ' ').slice(0, CHANNEL_MAX).trim();
  if (!clean) return undefined;
  return ALIASES[clean.toLowerCase()] ?? clean;
}

/**
 * The channel an export's values get unless its rows name one: the ad platform or analytics
 * tool it comes from, "ATS" for an applicant-tracking export's candidates without a known
 * source; none for a generic table (the user names it, or it joins the typed values).
 */
export function defaultChannel(preset: PresetId): string | undefined {
  switch (preset) {
    case 'meta':
      return 'Meta';
    case 'linkedin':
      return 'LinkedIn';
    case 'ga4':
      return 'Google Analytics';
    case 'ats':
      return 'ATS';
    default:
      return undefined;
  }
}
