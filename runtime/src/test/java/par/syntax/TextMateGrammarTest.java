package par.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The TextMate grammar in editors/vscode (what VS Code, other editors and highlighters read)
 * against every script in scripts/, tokenized by the engine VS Code itself runs
 * (vscode-textmate on Oniguruma, from npm: `npm ci --prefix editors/test`, which .ci/run does).
 * Every script must tokenize whole, and chosen lines must get the scopes an editor colours by.
 */
@Timeout(120)
class TextMateGrammarTest {
    private static final Path REPO = Path.of("..").toAbsolutePath().normalize();
    private static final Path TOOL = REPO.resolve("editors/test");

    private static final Map<String, String> CHOSEN = new LinkedHashMap<>();

    static {
        CHOSEN.put("lessons/07_dining_philosophers.par:5",
                "def storage.type.function.par|philosopher entity.name.function.par|( punctuation.section.brackets.par"
                + "|i source.par|, punctuation.separator.par|left source.par|, punctuation.separator.par"
                + "|right source.par|, punctuation.separator.par|seated source.par"
                + "|) punctuation.section.brackets.par|{ punctuation.section.block.par");
        CHOSEN.put("lessons/07_dining_philosophers.par:15",
                "for keyword.control.par|p source.par|in keyword.operator.logical.par|ps source.par"
                + "|{ punctuation.section.block.par|join keyword.other.process.par|p source.par"
                + "|} punctuation.section.block.par");
        CHOSEN.put("strings/join_needs_strings.par:1",
                "print support.function.builtin.par|( punctuation.section.brackets.par|\" string.quoted.double.par"
                + "|, string.quoted.double.par|\" string.quoted.double.par|. punctuation.accessor.par"
                + "|join variable.other.member.par|( punctuation.section.brackets.par"
                + "|[ punctuation.section.brackets.par|1 constant.numeric.integer.par|, punctuation.separator.par"
                + "|2 constant.numeric.integer.par|] punctuation.section.brackets.par"
                + "|) punctuation.section.brackets.par|) punctuation.section.brackets.par");
        CHOSEN.put("strings/escapes_and_triple_quotes.par:3",
                "line two string.quoted.triple.par|\"\"\" string.quoted.triple.par");
        CHOSEN.put("lessons/01_lost_update.par:9",
                "counter source.par|. punctuation.accessor.par|value variable.other.member.par"
                + "|= keyword.operator.assignment.par|counter source.par|. punctuation.accessor.par"
                + "|value variable.other.member.par|+ keyword.operator.arithmetic.par|1 constant.numeric.integer.par"
                + "|# read ... then write: not atomic comment.line.number-sign.par");
    }

    @Test
    void everyScriptTokenizesAndChosenLinesGetTheirScopes() throws Exception {
        assumeTrue(Files.isDirectory(TOOL.resolve("node_modules/vscode-textmate")),
                "the TextMate engine is not installed: run `npm ci --prefix editors/test` (.ci/run does)");
        List<String> command = new ArrayList<>(List.of("node", TOOL.resolve("tokenize.js").toString(),
                REPO.resolve("scripts").toString()));
        command.addAll(CHOSEN.keySet());
        Process node = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        node.waitFor(60, TimeUnit.SECONDS);
        assertEquals(0, node.exitValue(), "the tokenizer failed:\n" + out);

        Map<String, Integer> tokenized = new LinkedHashMap<>();
        Map<String, String> lines = new LinkedHashMap<>();
        for (String row : out.split("\n")) {
            String[] f = row.split("\t", -1);
            if (f[0].equals("file")) {
                tokenized.put(f[1], Integer.parseInt(f[2]));
            } else if (f[0].equals("line")) {
                lines.put(f[1], String.join("|", List.of(f).subList(2, f.length)));
            }
        }
        assertEquals(lineCounts(), tokenized, "every script, each line of it");
        assertEquals(CHOSEN, lines);
    }

    /** Each script under scripts/ and its number of lines, as the tokenizer splits them. */
    private static Map<String, Integer> lineCounts() throws IOException {
        Path scripts = REPO.resolve("scripts");
        try (Stream<Path> walk = Files.walk(scripts)) {
            List<Path> files = walk.filter(p -> p.toString().endsWith(".par")).collect(Collectors.toList());
            Map<String, Integer> counts = new java.util.TreeMap<>();
            for (Path p : files) {
                String text = Files.readString(p, StandardCharsets.UTF_8);
                counts.put(scripts.relativize(p).toString().replace('\\', '/'), text.split("\r?\n", -1).length);
            }
            return new LinkedHashMap<>(counts);
        }
    }
}
