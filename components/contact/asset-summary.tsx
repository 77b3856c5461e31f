import { touchAssetCategoryOf } from '@/lib/domain/categories';
import { ASSET_TYPE_LABELS, labelFor } from '@/lib/domain/labels';
import type { TimelineEntry } from '@/lib/domain/contact-context';

type AssetGroup = { type: string; count: number; responded: number; names: string[] };

/** Groups touches by asset type: "3 webinars (2 responded)". Marketers read this first. */
export function groupAssets(timeline: TimelineEntry[]): AssetGroup[] {
  const groups = new Map<string, AssetGroup>();
  for (const t of timeline) {
    // Grouped by Leadlight's asset category: an org's "Gated eBook" and "eBook" are one kind.
    const kind = touchAssetCategoryOf(t);
    const g = groups.get(kind) ?? { type: kind, count: 0, responded: 0, names: [] };
    g.count += 1;
    if (t.responded) g.responded += 1;
    if (!g.names.includes(t.assetName)) g.names.push(t.assetName);
    groups.set(kind, g);
  }
  return [...groups.values()].sort((a, b) => b.count - a.count || a.type.localeCompare(b.type));
}

/** The compact "assets that reached them" line above the timeline. */
export function AssetSummary({ timeline }: { timeline: TimelineEntry[] }) {
  return (
    <ul data-testid="asset-summary" aria-label="Assets that reached them" className="flex flex-wrap gap-1">
      {groupAssets(timeline).map((g) => (
        <li
          key={g.type}
          title={g.names.join('\n')}
          className="rounded-full bg-slate-100 px-2 py-0.5 text-xs text-slate-700 dark:bg-slate-800 dark:text-slate-200"
        >
          {labelFor(g.type, ASSET_TYPE_LABELS)} ×{g.count}
          {g.responded > 0 && <span className="text-emerald-700 dark:text-emerald-400"> · {g.responded} responded</span>}
        </li>
      ))}
    </ul>
  );
}
