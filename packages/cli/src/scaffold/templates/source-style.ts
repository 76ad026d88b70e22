/** How the generated TypeScript is written for the project's module system. */
export interface SourceStyle {
  /** ES modules (`"type": "module"`, `module: nodenext`): relative imports name the `.js` file. */
  readonly esm: boolean;
}

/** A relative import specifier: `./app` in CommonJS, `./app.js` in an ES-module project. */
export function importPath(style: SourceStyle, path: string): string {
  return style.esm ? `${path}.js` : path;
}
