package par.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * The kernel driven by a real Jupyter client: Debian's python3-jupyter-client runs
 * src/test/kernel/client.py against a kernelspec written into a temp dir, and reports what
 * each step saw, which is checked here exactly. Skipped when jupyter_client is not installed.
 */
class KernelTest {
    static final Path ROOT = Path.of(System.getProperty("par.root", "..")).toAbsolutePath().normalize();
    static final String PYTHON = Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3";

    @TempDir
    Path dir;
    private Process client;

    @BeforeAll
    static void needsJupyterClient() throws Exception {
        Assumptions.assumeTrue(pythonHas("jupyter_client"),
                "skipped: jupyter_client is missing (apt-get install python3-jupyter-client)");
    }

    static boolean pythonHas(String module) throws InterruptedException {
        try {
            Process p = new ProcessBuilder(PYTHON, "-c", "import " + module).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor() == 0;
        } catch (IOException e) {
            return false;
        }
    }

    /** The client, the kernels it started and their children: none outlives a test, even a failed one. */
    @AfterEach
    void killLeftovers() {
        if (client != null) {
            client.descendants().forEach(ProcessHandle::destroyForcibly);
            client.destroyForcibly();
        }
    }

    /** Runs a Python script with the Par kernelspec (java and this build's class path) in the temp dir. */
    static Process python(Path dir, String... args) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        KernelSpec.write(dir.resolve("data"), List.of(java, "-cp", System.getProperty("java.class.path"),
                par.repl.Main.class.getName()));
        List<String> command = new ArrayList<>(List.of(PYTHON));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile())
                .redirectError(dir.resolve("client.err").toFile());
        pb.environment().put("JUPYTER_PATH", dir.resolve("data").toString());
        pb.environment().put("JUPYTER_DATA_DIR", dir.resolve("data").toString());
        pb.environment().put("JUPYTER_RUNTIME_DIR", dir.resolve("runtime").toString());
        pb.environment().put("JUPYTER_CONFIG_DIR", dir.resolve("config").toString());
        return pb.start();
    }

    /** The client's steps, by name (a repeated name gets " 2", " 3"...), once it has ended. */
    private Map<String, JsonObject> run(String scenario) throws Exception {
        client = python(dir, ROOT.resolve("repl/src/test/kernel/client.py").toString(), scenario);
        String out = new String(client.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(client.waitFor(5, TimeUnit.MINUTES), "the client did not end");
        assertEquals(0, client.exitValue(), () -> "the client failed:\n" + out + readErr());
        Map<String, JsonObject> steps = new LinkedHashMap<>();
        for (String line : out.split("\n")) {
            JsonObject step = JsonParser.parseString(line).getAsJsonObject();
            String name = step.remove("step").getAsString();
            String key = name;
            for (int n = 2; steps.containsKey(key); n++) {
                key = name + " " + n;
            }
            steps.put(key, step);
        }
        return steps;
    }

    private String readErr() {
        try {
            return Files.readString(dir.resolve("client.err"));
        } catch (IOException e) {
            return "";
        }
    }

    private static void expect(Map<String, JsonObject> steps, String step, String json) {
        assertEquals(JsonParser.parseString(json), steps.get(step), step);
    }

    @Test
    void cellsShareStateShowOutputErrorsAndValuesAndAreInterruptible() throws Exception {
        Map<String, JsonObject> s = run("session");
        expect(s, "kernel_info", "{language: 'par', protocol: '5.3', implementation: 'par'}");
        expect(s, "define", "{iopub: ['status busy', 'execute_input 1', 'stdout: root says hi\\n', 'result 1: 2',"
                + " 'status idle'], reply: 'ok', count: 1, traceback: null, html: []}");
        // a function typed in a cell runs in a child, whose line arrives as a stream of the cell
        expect(s, "spawn", "{iopub: ['status busy', 'execute_input 2', 'stdout: hello from child\\n',"
                + " 'result 2: 5', 'status idle'], reply: 'ok', count: 2, traceback: null, html: []}");
        expect(s, "error", "{iopub: ['status busy', 'execute_input 3', 'error Error: division by zero',"
                + " 'status idle'], reply: 'error', count: 3, traceback: ['<cell 3>:1: error: division by zero',"
                + " '    def f(x) { return x / 0 }', '                      ^^^^^', '  in f at <cell 3>:1',"
                + " '  in <main> at <cell 3>:2'], html: []}");
        expect(s, "syntax error", "{iopub: ['status busy', 'execute_input 4',"
                + " \"error SyntaxError: expected an expression, found '*'\", 'status idle'], reply: 'error',"
                + " count: 4, traceback: [\"<cell 4>:1:9: error: expected an expression, found '*'\","
                + " '    x = (1 +* 2)', '            ^'], html: []}");
        // silent: no input and no value shown, and the count stays
        expect(s, "silent", "{iopub: ['status busy', 'stdout: quiet\\n', 'status idle'], reply: 'ok', count: 4,"
                + " traceback: null, html: []}");
        expect(s, "no history", "{iopub: ['status busy', 'execute_input 4', 'result 4: 8', 'status idle'],"
                + " reply: 'ok', count: 4, traceback: null, html: []}");
        expect(s, "complete", "{matches: ['greet'], start: 0, end: 3}");
        expect(s, "complete method", "{matches: ['q.put', 'q.put_nowait'], start: 4, end: 8}");
        expect(s, "inspect", "{found: true, text: 'greet: function = <function greet>'}");
        expect(s, "is_complete", "{code: 'def f() {', status: 'incomplete'}");
        expect(s, "is_complete 2", "{code: 'x = 1', status: 'complete'}");
        expect(s, "is_complete 3", "{code: 'x = (1 +* 2)', status: 'invalid'}");
        expect(s, "is_complete 4", "{code: 's = \"\"\"open', status: 'incomplete'}");
        // the child's line came while the cell still waited in q.get(); SIGINT ended that wait only
        expect(s, "interrupt by signal", "{running_when_seen: true, iopub: ['status busy', 'execute_input 6',"
                + " 'stdout: child is up\\n', 'error Error: interrupted', 'status idle'], reply: 'error'}");
        // the child cell 6 started prints while cell 7 runs: its line belongs to cell 6
        expect(s, "child still alive", "{iopub: ['status busy', 'execute_input 7', 'stdout: true\\n',"
                + " 'stdout: false\\n', 'status idle'], reply: 'ok', count: 7, traceback: null, html: [],"
                + " late: ['stdout: child ends\\n']}");
        expect(s, "interrupt by control control reply", "{status: 'ok'}");
        expect(s, "interrupt by control", "{running_when_seen: true, iopub: ['status busy', 'execute_input 8',"
                + " 'stdout: child is up\\n', 'error Error: interrupted', 'status idle'], reply: 'error'}");
        // the interrupted get took nothing: the 5 put now is the one got
        expect(s, "after interrupts", "{iopub: ['status busy', 'execute_input 9', 'result 9: 5', 'status idle'],"
                + " reply: 'ok', count: 9, traceback: null, html: [], late: ['stdout: child ends\\n']}");
        longMapShowsAnUpdatingBar(s.get("long map"));
        JsonObject timeline = s.get("timeline");
        assertEquals("[\"<iframe style=\\\"width:100%;height:480px;border:0\\\" srcdoc=\\\"<!D\"]",
                timeline.get("html").toString());
        String shown = timeline.get("iopub").getAsJsonArray().get(3).getAsString();
        assertTrue(shown.matches("display_data : timeline of cell 11: \\d+ events"), shown);
        assertEquals("stdout: held\n", timeline.get("iopub").getAsJsonArray().get(2).getAsString());
        inputAsksTheNotebook(s);
    }

    /**
     * input() in a cell sends an input_request on the stdin socket, with its prompt, and returns
     * what the input_reply says; an interrupt ends the wait; a client that takes no input
     * (allow_stdin off) gets an error at once.
     */
    private static void inputAsksTheNotebook(Map<String, JsonObject> s) {
        expect(s, "input request", "{type: 'input_request', parent: true, prompt: 'who? ', password: false}");
        expect(s, "input", "{iopub: ['status busy', 'execute_input 12', 'stdout: hi ada\\n', 'result 12: 3',"
                + " 'status idle'], reply: 'ok'}");
        expect(s, "input interrupted request",
                "{type: 'input_request', parent: true, prompt: 'never answered? ', password: false}");
        expect(s, "input interrupted", "{iopub: ['status busy', 'execute_input 13', 'error Error: interrupted',"
                + " 'status idle'], reply: 'error'}");
        String refused = "input() has nobody to ask: this notebook's client takes no input (allow_stdin is off)";
        expect(s, "input refused", "{iopub: ['status busy', 'execute_input 14', \"error Error: " + refused + "\","
                + " 'status idle'], reply: 'error', count: 14, traceback: [\"<cell 14>:1: error: " + refused + "\","
                + " '    input(\"who? \")', '    ^^^^^^^^^^^^^^', '  in <main> at <cell 14>:1'], html: []}");
        expect(s, "input again request", "{type: 'input_request', parent: true, prompt: '', password: false}");
        // the reply sent after the interrupt is not taken for this one's
        expect(s, "input again", "{iopub: ['status busy', 'execute_input 15', \"result 15: ''\", 'status idle'],"
                + " reply: 'ok'}");
    }

    /**
     * Eight items of 0.5 s on two workers take about 2 s: after a second the cell gets a bar, as a
     * display_data with a display id, then updates of that display, the last one full.
     */
    private static void longMapShowsAnUpdatingBar(JsonObject step) {
        List<String> iopub = new ArrayList<>();
        step.get("iopub").getAsJsonArray().forEach(e -> iopub.add(e.getAsString()));
        assertEquals(List.of("status busy", "execute_input 10"), iopub.subList(0, 2));
        assertEquals(List.of("result 10: [0, 1, 4, 9, 16, 25, 36, 49]", "status idle"),
                iopub.subList(iopub.size() - 2, iopub.size()));
        List<String> bars = iopub.subList(2, iopub.size() - 2);
        String bar = "(progress-[0-9a-f-]{36}): map \\[#*-*\\] \\d/8  [0-9.]+ items/s  \\d:\\d\\d left";
        java.util.regex.Matcher first = java.util.regex.Pattern.compile("display_data " + bar).matcher(bars.get(0));
        assertTrue(first.matches(), bars.toString());
        assertTrue(bars.size() >= 2, bars.toString());
        for (String update : bars.subList(1, bars.size())) {
            assertTrue(update.matches("update_display_data " + bar) && update.contains(first.group(1)), update);
        }
        assertTrue(bars.get(bars.size() - 1).contains(" [####################] 8/8 "), bars.toString());
    }

    @Test
    void restartAndShutdownLeaveNoProcess() throws Exception {
        Map<String, JsonObject> s = run("lifecycle");
        expect(s, "first kernel processes", "{kernel_child_and_two_workers: true}");
        // the kernel ended by itself (status 0, not killed), and nothing it started is left
        expect(s, "restarted", "{new_kernel: true, exit: 0, left: []}");
        expect(s, "fresh state", "{iopub: ['status busy', 'execute_input 1', \"error Error: name 'c' is not"
                + " defined\", 'status idle'], reply: 'error', count: 1, traceback: [\"<cell 1>:1: error: name 'c'"
                + " is not defined\", '    print(c)', '          ^', '  in <main> at <cell 1>:1'], html: []}");
        expect(s, "second kernel processes", "{kernel_child_and_two_workers: true}");
        expect(s, "shut down", "{exit: 0, left: []}");
    }

    @Test
    void installWritesASpecThatStartsThisCheckoutsPar(@TempDir Path data) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = KernelSpec.command(List.of("install", "--user"), new PrintStream(out, true, StandardCharsets.UTF_8),
                System.err, Map.of("JUPYTER_DATA_DIR", data.toString()));
        Path spec = data.resolve("kernels/par/kernel.json");
        assertEquals(0, status);
        assertEquals("installed the Par kernel: " + spec + "\n", out.toString(StandardCharsets.UTF_8));
        assertEquals(JsonParser.parseString("{argv: ['" + ROOT.resolve("par") + "', 'kernel', '-f',"
                + " '{connection_file}'], display_name: 'Par', language: 'par', interrupt_mode: 'signal',"
                + " metadata: {}}"), JsonParser.parseString(Files.readString(spec)));
    }
}
