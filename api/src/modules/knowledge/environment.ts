/**
 * The Environment of a KCS article (product, version, platform) as the thread states it: a
 * labelled line ("Version: 3.2", "OS: Windows 11"), else the versions and platforms the text
 * names. Staff correct it while editing the draft; an empty result leaves the field for them.
 */
const LABELS: [RegExp, string][] = [
  [/^(?:product|app|application|plan)$/i, 'Product'],
  [/^(?:version|app version|release|build)$/i, 'Version'],
  [/^(?:os|platform|operating system|device|browser|environment)$/i, 'Platform'],
];

const PLATFORMS =
  /\b(windows(?: ?(?:7|8|10|11|server(?: \d{4})?))?|macos(?: \d+(?:\.\d+)?)?|mac os x?|ubuntu(?: \d+\.\d+)?|debian(?: \d+)?|linux|ios(?: \d+(?:\.\d+)?)?|ipados|android(?: \d+)?|chrome(?:os)?|firefox|safari|edge|docker|kubernetes)\b/gi;
const VERSIONS = /\b(?:v(?:ersion)?\s?)?(\d+\.\d+(?:\.\d+){0,2}(?:-[a-z0-9.]+)?)\b/gi;

export function extractEnvironment(text: string, maxItems = 6): string {
  const lines: string[] = [];
  for (const raw of text.split('\n').slice(0, 200)) {
    const m = /^\s*[-*]?\s*\**([A-Za-z ]{2,20}?)\**\s*[:=]\s*(.{1,120})$/.exec(raw);
    if (!m) continue;
    const label = LABELS.find(([re]) => re.test(m[1]!.trim()))?.[1];
    if (label) lines.push(`- ${label}: ${m[2]!.trim()}`);
  }
  if (lines.length > 0) return dedupe(lines).slice(0, maxItems).join('\n');

  const prose = text.replace(/```[\s\S]*?```/g, ' ').replace(/`[^`]*`/g, ' ');
  const platforms = dedupe(
    [...prose.matchAll(PLATFORMS)].map((m) => m[1]!.trim()),
    true,
  );
  const versions = dedupe([...prose.matchAll(VERSIONS)].map((m) => m[1]!));
  const found = [
    ...(versions.length ? [`- Version: ${versions.slice(0, 3).join(', ')}`] : []),
    ...(platforms.length ? [`- Platform: ${platforms.slice(0, 3).join(', ')}`] : []),
  ];
  return found.join('\n');
}

function dedupe(items: string[], caseless = false): string[] {
  const seen = new Set<string>();
  return items.filter((i) => {
    const k = caseless ? i.toLowerCase() : i;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
