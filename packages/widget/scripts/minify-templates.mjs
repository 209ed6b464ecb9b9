/**
 * An esbuild plugin that removes the indentation inside Lit's `html`, `svg` and `css` tagged
 * templates, which esbuild's minifier leaves alone (it cannot know the tags' semantics). Finds
 * the templates with the TypeScript parser, so expressions and nested templates are untouched.
 */
import { readFile } from 'node:fs/promises';
import ts from 'typescript';

const TAGS = new Set(['html', 'svg', 'css']);

/**
 * Line breaks and indentation only format markup: dropped next to a tag, else one space (which
 * still separates attributes, also next to an expression at the template part's edge).
 */
function minifyMarkup(text) {
  return text.replace(/\s*\n\s*/g, (run, offset) => {
    const before = text[offset - 1];
    const after = text[offset + run.length];
    return before === '>' || after === '<' ? '' : ' ';
  });
}

/**
 * Comments, runs of white space, the space around punctuation and after a property's colon, and
 * the zero before a decimal point go; a space before a colon (a descendant's pseudo-class) stays.
 */
function minifyCss(text) {
  return text
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\s+/g, ' ')
    .replace(/\s*([{};,>])\s*/g, '$1')
    .replace(/([{;][\w-]+):\s/g, '$1:')
    .replace(/([\s:(,])0\.(\d)/g, '$1.$2')
    .replace(/;}/g, '}')
    .trim();
}

/** The source with the static parts of its Lit templates minified. */
export function minifyTemplates(source, fileName = 'file.ts') {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true);
  const edits = [];
  const visit = (node) => {
    if (
      ts.isTaggedTemplateExpression(node) &&
      ts.isIdentifier(node.tag) &&
      TAGS.has(node.tag.text)
    ) {
      const minify = node.tag.text === 'css' ? minifyCss : minifyMarkup;
      const { template } = node;
      const literals = ts.isNoSubstitutionTemplateLiteral(template)
        ? [template]
        : [template.head, ...template.templateSpans.map((span) => span.literal)];
      for (const literal of literals) {
        // Raw text between "`" or "}" and "${" or "`".
        const start = literal.getStart(file) + 1;
        const end = literal.end - (source.slice(literal.end - 2, literal.end) === '${' ? 2 : 1);
        edits.push({ start, end, text: minify(source.slice(start, end)) });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  let output = source;
  for (const { start, end, text } of edits.sort((a, b) => b.start - a.start)) {
    output = output.slice(0, start) + text + output.slice(end);
  }
  return output;
}

/** The esbuild plugin: applies {@link minifyTemplates} to the widget's own TypeScript files. */
export function minifyTemplatesPlugin() {
  return {
    name: 'minify-lit-templates',
    setup(build) {
      build.onLoad({ filter: /[\\/]widget[\\/]src[\\/].*\.ts$/ }, async ({ path }) => {
        const source = await readFile(path, 'utf8');
        if (!/\b(html|svg|css)`/.test(source)) return undefined;
        return { contents: minifyTemplates(source, path), loader: 'ts' };
      });
    },
  };
}
