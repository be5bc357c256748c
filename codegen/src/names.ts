/** Naming rules shared by the IR and every emitter (see docs/generated-api.md "Names"). */

export function snakeCase(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2')
    .toLowerCase();
}

export function pluralize(word: string): string {
  if (/[^aeiou]y$/.test(word)) return `${word.slice(0, -1)}ies`;
  if (/(s|x|ch|sh)$/.test(word)) return `${word}es`;
  return `${word}s`;
}

/** `KycSession` -> `kyc_sessions`. */
export function tableName(rootobject: string): string {
  return pluralize(snakeCase(rootobject));
}

/** `idenfy_scan_ref` -> `IdenfyScanRef`. */
export function pascalCase(name: string): string {
  return name
    .split(/[_\-\s]+/)
    .filter((part) => part.length > 0)
    .map((part) => part[0]?.toUpperCase() + part.slice(1))
    .join('');
}

/** `KycSession` -> `kycSession`. */
export function camelCase(name: string): string {
  const pascal = pascalCase(name);
  return pascal.length === 0 ? pascal : pascal[0]?.toLowerCase() + pascal.slice(1);
}

/** `KycSession` -> `kyc-session`. */
export function kebabCase(name: string): string {
  return snakeCase(name).replace(/_/g, '-');
}
