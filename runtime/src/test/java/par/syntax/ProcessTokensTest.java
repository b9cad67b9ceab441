package par.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Only tokens count: spawn and pool( in strings, comments or longer names show no process ahead. */
class ProcessTokensTest {
    @Test
    void aSpawnIsSeen() {
        assertEquals(ProcessTokens.SPAWNS, ProcessTokens.scan("def f() { return 1 }\nprint(join spawn f())\n"));
    }

    @Test
    void aCallOfPoolIsSeenWhereverItStands() {
        assertEquals(ProcessTokens.POOLS, ProcessTokens.scan("with pool (2) as w { print(w.map(str, [1])) }\n"));
        assertEquals(ProcessTokens.POOLS, ProcessTokens.scan("p = spawn f()\nw = pool(\n    4)\n"));
    }

    @Test
    void wordsInStringsCommentsAndNamesAreNotTokens() {
        assertEquals(ProcessTokens.NONE, ProcessTokens.scan(String.join("\n",
                "# spawn f() in a pool(2)",
                "print(\"spawn f()\", 'pool(2)', \"\"\"",
                "spawn g() and pool(3)\"\"\")",
                "spawned = 1",
                "pool = 2",
                "print(pool, spawned, whirlpool(3))",
                "")));
    }
}
