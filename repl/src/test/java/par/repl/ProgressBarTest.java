package par.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import par.interp.Progress;

/** The bar of a long pool map: its text, when it is drawn, and that only a terminal gets it. */
@Timeout(120)
class ProgressBarTest {
    private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    /** Twelve items in six chunks of two, on two workers: three rounds of 0.6 s, so the map takes about 1.8 s. */
    private static final String LONG_MAP = "def slowly(x) { sleep(0.3)\n return x * x }\n"
            + "with pool(2) as w { print(len(w.map(slowly, range(12)))) }";

    @TempDir
    Path dir;

    @Test
    void textShowsDoneOfTotalRateAndTimeLeft() {
        assertEquals("map [#########-----------] 45/100  12.5 items/s  0:04 left",
                ProgressBar.text("map", 45, 100, 3600));
        assertEquals("starmap [--------------------] 0/8  0.0 items/s  ? left", ProgressBar.text("starmap", 0, 8, 1500));
        assertEquals("map [####################] 8/8  4.0 items/s  0:00 left", ProgressBar.text("map", 8, 8, 2000));
        assertEquals("map [#-------------------] 1000/20000  500 items/s  0:38 left",
                ProgressBar.text("map", 1000, 20000, 2000));
        assertEquals("map [--------------------] 1/7200  1.0 items/s  1:59:59 left", ProgressBar.text("map", 1, 7200, 1000));
    }

    @Test
    void aMapThatEndsWithinASecondDrawsNothing() {
        List<String> drawn = new ArrayList<>();
        ProgressBar bar = new ProgressBar() {
            @Override
            protected boolean watched() {
                drawn.add("asked");
                return true;
            }

            @Override
            protected void draw(String text) {
                drawn.add(text);
            }

            @Override
            protected void ended() {
                drawn.add("ended");
            }
        };
        Progress.Task task = bar.start("map", 3);
        task.done(1);
        task.done(3);
        task.end();
        assertEquals(List.of(), drawn);
    }

    @Test
    void aScriptWhoseStderrIsAPipeShowsNoBar() throws Exception {
        Process p = new ProcessBuilder(JAVA, "-cp", System.getProperty("java.class.path"), Main.class.getName(), "-c",
                LONG_MAP).redirectError(dir.resolve("err").toFile()).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals("12\n", out);
        assertEquals("", Files.readString(dir.resolve("err")));
    }

    /** The same run on a terminal (util-linux's script gives it one) draws the bar, ends it full, and erases it. */
    @Test
    void aScriptOnATerminalShowsTheBar() throws Exception {
        String command = String.join(" ", quote(JAVA), "-cp", quote(System.getProperty("java.class.path")),
                Main.class.getName(), "-c", quote(LONG_MAP));
        Process p = new ProcessBuilder("script", "-qec", command, "/dev/null")
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String screen = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertTrue(screen.matches("(?s)\\r(map \\[#+-*\\] \\d+/12  [0-9.]+ items/s  \\d:\\d\\d left\\e\\[K\\r)*"
                + "map \\[####################\\] 12/12  [0-9.]+ items/s  0:00 left\\e\\[K\\r\\e\\[K12\\r\\n"), screen);
    }

    private static String quote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }
}
