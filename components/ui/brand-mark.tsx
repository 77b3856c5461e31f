/** Leadlight's mark (public/icon/icon.svg, the same drawing as the toolbar icon), decorative beside the name. */
export function BrandMark({ size }: { size: number }) {
  return <img src="/icon/icon.svg" alt="" width={size} height={size} className="inline-block shrink-0" />;
}
