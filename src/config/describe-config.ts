import { options, type Config, type OptionKey } from './options.js';

/** One `NAME = value` line per option, secrets masked, for `podbrief config show`. */
export function describeConfig(config: Config): string {
  const keys = Object.keys(options) as OptionKey[];
  const width = Math.max(...keys.map((k) => options[k].env.length));
  return keys
    .map((key) => {
      const spec = options[key];
      const value = String(config[key]);
      const shown =
        spec.secret === true ? (value === '' ? '(empty)' : '(set, hidden)') : value === '' ? '(empty)' : value;
      return `${spec.env.padEnd(width)} = ${shown}`;
    })
    .join('\n');
}

/** The options as a Markdown table (name, default, description), for the README. */
export function configDocsMarkdown(): string {
  const rows = Object.values(options).map((spec) => {
    const def = spec.default === '' ? '(empty)' : `\`${spec.default}\``;
    const secret =
      spec.secret === true
        ? ` Secret: never printed; may instead be read from the file named by \`${spec.env}_FILE\`.`
        : '';
    return `| \`${spec.env}\` | ${def} | ${escapeCell(spec.doc + secret)} |`;
  });
  return ['| Name | Default | Description |', '| --- | --- | --- |', ...rows].join('\n');
}

function escapeCell(text: string): string {
  return text.replace(/\|/g, '\\|');
}
