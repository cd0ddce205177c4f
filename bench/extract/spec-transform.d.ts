/** Transforms one vitest spec so the functions under test are awaited and come from `target`. */
export function transformSpec(
  text: string,
  options: { specFile: string; outFile: string; exports: readonly string[]; target: string },
): { text: string; calls: number; imports: string[] };
