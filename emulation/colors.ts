// Normalizes colours as Sheets reports them back: lowercase "#rrggbb" for hex and common CSS names.

const NAMED_COLORS: Record<string, string> = {
  black: "#000000",
  white: "#ffffff",
  red: "#ff0000",
  green: "#008000",
  lime: "#00ff00",
  blue: "#0000ff",
  yellow: "#ffff00",
  orange: "#ffa500",
  purple: "#800080",
  gray: "#808080",
  grey: "#808080",
  silver: "#c0c0c0",
  cyan: "#00ffff",
  magenta: "#ff00ff",
  pink: "#ffc0cb",
  brown: "#a52a2a",
};

/** `"#F00"` → `"#ff0000"`, `"Red"` → `"#ff0000"`; other text is returned lowercased. */
export function normalizeColor(color: string): string {
  const text = color.trim().toLowerCase();
  if (/^#[0-9a-f]{3}$/.test(text)) return `#${text[1]}${text[1]}${text[2]}${text[2]}${text[3]}${text[3]}`;
  return NAMED_COLORS[text] ?? text;
}
