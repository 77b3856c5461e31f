import { ASSET_TYPE_LABELS, labelFor } from '@/lib/domain/labels';

/**
 * "Case study: How Fernhill…" once, not "Case study: Case study: How Fernhill…":
 * many teams already put the asset type in the asset's name.
 */
export function assetLine(assetType: string, assetName: string): string {
  // A kind Leadlight could not tell ("other") adds nothing to the name.
  if (assetType === 'other') return assetName;
  const label = labelFor(assetType, ASSET_TYPE_LABELS);
  const fold = (s: string) =>
    s
      .toLowerCase()
      .replace(/[\s_-]+/g, ' ')
      .trim();
  const name = fold(assetName);
  const named = [label, assetType].some((l) => {
    const f = fold(l);
    return name === f || (name.startsWith(f) && /^[\s:–—|-]/.test(assetName.slice(l.length)));
  });
  return named ? assetName : `${label}: ${assetName}`;
}
