package par.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The spans the REPL colours by: their kinds and their exact places, for any text. */
class SourceTokensTest {
    /** Each span as KIND start-end, with its text. */
    private static String spans(String source) {
        List<String> shown = new ArrayList<>();
        for (SourceTokens.Span s : SourceTokens.spans(source)) {
            shown.add(s.kind() + " " + s.start() + "-" + s.end() + " " + source.substring(s.start(), s.end()));
        }
        return String.join("\n", shown);
    }

    @Test
    void eachKindOfToken() {
        assertEquals(String.join("\n",
                        "KEYWORD 0-2 if",
                        "NAME 3-4 n",
                        "OPERATOR 5-7 >=",
                        "NUMBER 8-12 0x1F",
                        "OPERATOR 13-14 {",
                        "NAME 15-16 s",
                        "OPERATOR 17-18 =",
                        "STRING 19-24 \"big\"",
                        "ERROR 25-26 $",
                        "OPERATOR 27-28 }",
                        "COMMENT 29-36 # check"),
                spans("if n >= 0x1F { s = \"big\" $ } # check"));
    }

    @Test
    void aBadCharacterIsAnErrorAndAnOpenStringIsAString() {
        assertEquals(String.join("\n",
                        "NAME 0-1 x",
                        "OPERATOR 2-3 =",
                        "NUMBER 4-9 1.5e3",
                        "ERROR 10-11 $",
                        "NAME 12-13 p",
                        "OPERATOR 13-14 .",
                        "KEYWORD 14-18 join",
                        "OPERATOR 18-19 (",
                        "STRING 19-25 'open)"),
                spans("x = 1.5e3 $ p.join('open)"));
    }

    @Test
    void commentsAreFoundWhereverTheLexerSkipsThem() {
        assertEquals(String.join("\n",
                        "NAME 0-1 f",
                        "OPERATOR 1-2 (",
                        "NUMBER 2-3 1",
                        "OPERATOR 3-4 ,",
                        "COMMENT 5-17 # one # more",
                        "COMMENT 21-26 # two",
                        "NUMBER 29-30 2",
                        "OPERATOR 30-31 )",
                        "COMMENT 32-39 # three",
                        "STRING 40-48 \"# none\"",
                        "OPERATOR 49-50 +",
                        "COMMENT 53-54 #"),
                spans("f(1, # one # more\r\n  # two\n  2) # three\n\"# none\" + \\\n#"));
    }

    @Test
    void placesCountCharsNotCodePoints() {
        assertEquals(String.join("\n",
                        "STRING 0-4 \"\ud83d\ude00\"",
                        "OPERATOR 5-6 +",
                        "ERROR 7-9 \ud83d\ude00",
                        "COMMENT 10-14 # \ud83d\ude00"),
                spans("\"\ud83d\ude00\" + \ud83d\ude00 # \ud83d\ude00"));
        assertEquals("NAME 0-1 x\nERROR 1-2 \udc00\nNAME 2-3 y\nERROR 3-4 \ud800",
                spans("x\udc00y\ud800"), "a lone surrogate is one char and one code point");
    }

    @Test
    void emptyAndBlankTextHaveNoSpans() {
        assertEquals("", spans(""));
        assertEquals("", spans(" \t\n\\\n  \n"));
    }

    @Test
    void theKeywordsAreTheLexers() {
        assertEquals(List.of("def", "if", "elif", "else", "while", "for", "in", "return", "break", "continue",
                        "pass", "global", "try", "catch", "finally", "raise", "assert", "with", "as", "true", "false", "nil",
                        "spawn", "and", "or", "not", "join", "is", "lambda", "del").stream().sorted().toList(),
                SourceTokens.KEYWORDS.stream().sorted().toList());
    }
}
