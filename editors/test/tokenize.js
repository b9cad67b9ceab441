// Tokenizes .par files with editors/vscode's TextMate grammar, using the engine VS Code runs
// (vscode-textmate on the Oniguruma regex library), and prints a line per file,
// "file<TAB>NAME<TAB>LINES", and a line per FILE:LINE asked for, "line<TAB>FILE:LINE" then a
// "<TAB>TEXT SCOPE" per token (blanks left out; SCOPE is the innermost). A grammar whose rule
// fails to compile, or a line that makes the engine throw, ends with an error.
//
//   node tokenize.js ROOT [FILE:LINE ...]    (ROOT: the folder whose .par files are read)
'use strict';
const fs = require('fs');
const path = require('path');
const vsctm = require('vscode-textmate');
const oniguruma = require('vscode-oniguruma');

const GRAMMAR = path.join(__dirname, '..', 'vscode', 'syntaxes', 'par.tmLanguage.json');

async function loadGrammar() {
    const wasm = fs.readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm')).buffer;
    await oniguruma.loadWASM(wasm);
    const registry = new vsctm.Registry({
        onigLib: Promise.resolve({
            createOnigScanner: (patterns) => new oniguruma.OnigScanner(patterns),
            createOnigString: (s) => new oniguruma.OnigString(s),
        }),
        loadGrammar: async (scope) => scope === 'source.par'
            ? vsctm.parseRawGrammar(fs.readFileSync(GRAMMAR, 'utf8'), GRAMMAR) : null,
    });
    return registry.loadGrammar('source.par');
}

function parFiles(dir) {
    return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
        const p = path.join(dir, e.name);
        return e.isDirectory() ? parFiles(p) : e.name.endsWith('.par') ? [p] : [];
    }).sort();
}

function tokenize(grammar, text) {
    let state = vsctm.INITIAL;
    return text.split(/\r?\n/).map((line) => {
        const r = grammar.tokenizeLine(line, state);
        state = r.ruleStack;
        return r.tokens.map((t) => ({
            text: line.substring(t.startIndex, t.endIndex).trim(),
            scope: t.scopes[t.scopes.length - 1],
        }));
    });
}

async function main() {
    const [root, ...wanted] = process.argv.slice(2);
    const grammar = await loadGrammar();
    const out = [];
    for (const file of parFiles(root)) {
        const lines = tokenize(grammar, fs.readFileSync(file, 'utf8'));
        const name = path.relative(root, file).split(path.sep).join('/');
        out.push(['file', name, lines.length].join('\t'));
        for (const w of wanted) {
            const [f, n] = w.split(':');
            if (f === name) {
                const tokens = lines[Number(n) - 1].filter((t) => t.text !== '');
                out.push(['line', w, ...tokens.map((t) => t.text + ' ' + t.scope)].join('\t'));
            }
        }
    }
    process.stdout.write(out.join('\n') + '\n');
}

main().catch((e) => {
    process.stderr.write('tokenize: ' + (e && e.stack || e) + '\n');
    process.exit(1);
});
