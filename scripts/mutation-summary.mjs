/**
 * Turns a package's StrykerJS JSON reports (reports/mutation.<module>.json, one per module of
 * mutation-modules.mjs, large and not kept in git) into reports/mutation.md: the score per module,
 * per file and overall, every surviving mutant with its place and replacement, and every mutant
 * marked equivalent in the source with its reason. Whatever follows the `NOTES` line of the
 * existing summary (written by hand: scores before new tests, which test killed what) is kept.
 * A module whose JSON report is not here (run on another machine, or before a fresh clone) keeps
 * its lines of the existing summary: its row, its files' rows, survivors and marked mutants, so
 * that running one module never drops the others.
 * Prints the overall score and exits non-zero below the 90 % target. Run from the package's
 * folder (as `npm run mutate -w <package>` does).
 *
 *   node ../../scripts/mutation-summary.mjs
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const root = `${process.cwd()}/`;
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).name;
const { MUTATION_MODULES } = await import(pathToFileURL(`${root}mutation-modules.mjs`).href);
const output = `${root}reports/mutation.md`;
const TARGET = 90;
const NOTES = '<!-- Written by hand below this line; the summary keeps it. -->';
const previous = existsSync(output) ? readFileSync(output, 'utf8') : '';

/** Does a module's `mutate` list (globs, `!` to leave out) take `file`? */
function mutates(name, file) {
  const pattern = (glob) =>
    new RegExp(
      `^${glob
        .replace(/[.+^${}()|[\]\\]/g, '\\$&')
        .replace(/\*\*/g, '\0')
        .replace(/\*/g, '[^/]*')
        .replace(/\0/g, '.*')}$`,
    );
  let taken = false;
  for (const glob of MUTATION_MODULES[name].mutate) {
    if (glob.startsWith('!')) taken &&= !pattern(glob.slice(1)).test(file);
    else taken ||= pattern(glob).test(file);
  }
  return taken;
}

/** The file a line of the summary is about (a file row, a survivor, a marked or static line). */
const fileOfLine = (line) => /^(?:\| |- )(src\/[^\s:|]+)/.exec(line)?.[1];

/** The last report of each module, merged; modules never run are listed as such. */
const report = { files: {} };
const moduleOfFile = new Map();
const notRun = [];
/** Lines of the existing summary kept for modules without a report here, by section. */
const kept = { modules: new Map(), files: [], survivors: [], marked: [], statics: [] };
for (const name of Object.keys(MUTATION_MODULES)) {
  const file = `${root}reports/mutation.${name}.json`;
  if (!existsSync(file)) {
    const row = previous.split('\n').find((line) => line.startsWith(`| ${name} | `));
    if (row === undefined || row.includes('| not run |')) {
      notRun.push(name);
      continue;
    }
    kept.modules.set(name, row);
    let section = '';
    for (const line of previous.split('\n')) {
      if (line.startsWith('## ')) section = line;
      const path = fileOfLine(line);
      if (path === undefined || !mutates(name, path)) continue;
      if (line.startsWith('| ')) kept.files.push(line);
      else if (section.startsWith('## Survivors')) kept.survivors.push(line);
      else if (section.startsWith('## Marked')) kept.marked.push(line);
      else if (section.startsWith('## Module-level')) kept.statics.push(line);
    }
    continue;
  }
  const { files } = JSON.parse(readFileSync(file, 'utf8'));
  for (const [path, result] of Object.entries(files)) {
    report.files[path] = result;
    moduleOfFile.set(path, name);
  }
}

/** Mutants that count: Stryker's "valid" ones (ignored and broken mutants do not). */
const DETECTED = new Set(['Killed', 'Timeout']);
const UNDETECTED = new Set(['Survived', 'NoCoverage']);

const score = (counts) => {
  const valid = counts.detected + counts.undetected;
  return valid === 0 ? 100 : (100 * counts.detected) / valid;
};
const percent = (value) => `${value.toFixed(1)} %`;

const rows = [];
const moduleCounts = new Map();
const survivors = [];
const equivalent = [];
const total = { detected: 0, undetected: 0, ignored: 0, mutants: 0 };

for (const [file, { source, mutants }] of Object.entries(report.files).sort()) {
  const counts = { detected: 0, undetected: 0, ignored: 0, mutants: mutants.length };
  const lines = source.split('\n');
  for (const mutant of mutants) {
    const { start, end } = mutant.location;
    const where = `${file}:${start.line}`;
    if (DETECTED.has(mutant.status)) counts.detected++;
    else if (UNDETECTED.has(mutant.status)) {
      counts.undetected++;
      const original =
        start.line === end.line
          ? lines[start.line - 1].slice(start.column - 1, end.column - 1)
          : `${lines[start.line - 1].slice(start.column - 1)} …`;
      survivors.push({ where, mutant, original });
    } else if (mutant.status === 'Ignored') {
      counts.ignored++;
      equivalent.push({ where, mutant });
    }
  }
  for (const key of Object.keys(total)) total[key] += counts[key];
  const name = moduleOfFile.get(file);
  const inModule = moduleCounts.get(name) ?? { detected: 0, undetected: 0, ignored: 0, mutants: 0 };
  for (const key of Object.keys(total)) inModule[key] += counts[key];
  moduleCounts.set(name, inModule);
  rows.push(
    `| ${file} | ${counts.mutants} | ${counts.detected} | ${counts.undetected} | ${counts.ignored} | ${percent(score(counts))} |`,
  );
}

const marked = equivalent.filter(({ mutant }) => !/^Static mutant/.test(mutant.statusReason ?? ''));
const staticByFile = new Map();
for (const { where } of equivalent.filter((e) => !marked.includes(e))) {
  const file = where.replace(/:\d+$/, '');
  staticByFile.set(file, (staticByFile.get(file) ?? 0) + 1);
}
for (const row of kept.modules.values()) {
  const [mutants, detected, undetected, ignored] = row.split('|').slice(2, 6).map(Number);
  total.mutants += mutants;
  total.detected += detected;
  total.undetected += undetected;
  total.ignored += ignored;
}
const byFile = (a, b) => (fileOfLine(a) ?? '').localeCompare(fileOfLine(b) ?? '');
const code = (text) => `\`${text.replace(/\s+/g, ' ').replaceAll('`', "'").slice(0, 90)}\``;
const overall = score(total);
const moduleRows = Object.keys(MUTATION_MODULES).map((name) => {
  const counts = moduleCounts.get(name);
  if (counts === undefined && kept.modules.has(name)) return kept.modules.get(name);
  return counts === undefined
    ? `| ${name} | not run | | | | |`
    : `| ${name} | ${counts.mutants} | ${counts.detected} | ${counts.undetected} | ${counts.ignored} | ${percent(score(counts))} |`;
});
const notes = previous.includes(NOTES) ? previous.slice(previous.indexOf(NOTES)) : `${NOTES}\n`;
const markdown = [
  `# Mutation testing of ${pkg}`,
  '',
  `Generated by \`npm run mutate -w ${pkg}\` (StrykerJS with the vitest runner; the modules, their`,
  'files and their tests are in `mutation-modules.mjs`); see the README section "Mutation testing".',
  'Score = killed (or timed out) / (killed + survived + not covered). Ignored mutants are marked',
  'equivalent in the source (a `Stryker disable` comment with the reason) or are module-level code',
  '("Static mutant"), left out unless `STRYKER_STATIC=1`.',
  '',
  `**Score: ${percent(overall)}** (target ≥ ${TARGET} %): ${total.detected} killed, ${total.undetected} survived, ${total.ignored} ignored, of ${total.mutants} mutants.`,
  ...(notRun.length === 0
    ? []
    : ['', `Modules without a report here (not run yet): ${notRun.join(', ')}.`]),
  '',
  '| module | mutants | killed | survived | ignored | score |',
  '| --- | ---: | ---: | ---: | ---: | ---: |',
  ...moduleRows,
  '',
  '| file | mutants | killed | survived | ignored | score |',
  '| --- | ---: | ---: | ---: | ---: | ---: |',
  ...[...rows, ...kept.files].sort(byFile),
  '',
  `## Survivors (${survivors.length + kept.survivors.length})`,
  '',
  ...(survivors.length + kept.survivors.length === 0
    ? ['None.']
    : [
        ...survivors.map(
          ({ where, mutant, original }) =>
            `- ${where} ${mutant.mutatorName}: ${code(original)} → ${code(mutant.replacement ?? '')}${mutant.status === 'NoCoverage' ? ' (no test covers it)' : ''}`,
        ),
        ...kept.survivors,
      ].sort(byFile)),
  '',
  `## Marked equivalent (${marked.length + kept.marked.length})`,
  '',
  ...(marked.length + kept.marked.length === 0
    ? ['None.']
    : [
        ...marked.map(
          ({ where, mutant }) =>
            `- ${where} ${mutant.mutatorName}${mutant.statusReason ? `: ${mutant.statusReason.replace(/\s+/g, ' ')}` : ''}`,
        ),
        ...kept.marked,
      ].sort(byFile)),
  '',
  `## Module-level code left out (${equivalent.length - marked.length + kept.statics.reduce((n, line) => n + Number(line.split(': ').at(-1)), 0)})`,
  '',
  'Tables computed at import, by file: run with `STRYKER_STATIC=1` to include them.',
  '',
  ...[...[...staticByFile].map(([file, count]) => `- ${file}: ${count}`), ...kept.statics].sort(
    byFile,
  ),
  '',
  notes,
].join('\n');

writeFileSync(output, markdown);
console.log(
  `mutation score ${percent(overall)} (target ≥ ${TARGET} %), ${total.undetected} survivors; summary in ${output.replace(root, '')}`,
);
process.exitCode = overall >= TARGET ? 0 : 1;
