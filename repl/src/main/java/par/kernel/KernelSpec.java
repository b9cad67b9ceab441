package par.kernel;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

/**
 * {@code par kernel install [--user | --prefix DIR]}: writes the kernelspec (kernels/par/kernel.json)
 * by which Jupyter finds Par: display name "Par", language par, interrupts by SIGINT, and a
 * command line that starts this checkout's {@code par} launcher, by its absolute path.
 */
public final class KernelSpec {
    private KernelSpec() {
    }

    /** The kernelspec's JSON; command: how to start par (the launcher, or java and its class path). */
    static String json(List<String> command) {
        JsonArray argv = new JsonArray();
        command.forEach(argv::add);
        List.of("kernel", "-f", "{connection_file}").forEach(argv::add);
        JsonObject spec = new JsonObject();
        spec.add("argv", argv);
        spec.addProperty("display_name", "Par");
        spec.addProperty("language", "par");
        spec.addProperty("interrupt_mode", "signal");
        spec.add("metadata", new JsonObject());
        return new GsonBuilder().setPrettyPrinting().create().toJson(spec) + "\n";
    }

    /** Writes the spec under dataDir (…/share/jupyter); answers the file written. */
    public static Path write(Path dataDir, List<String> command) throws IOException {
        Path dir = dataDir.resolve("kernels").resolve("par");
        Files.createDirectories(dir);
        Path file = dir.resolve("kernel.json");
        Files.writeString(file, json(command), StandardCharsets.UTF_8);
        return file;
    }

    /** The {@code par kernel ...} command. */
    public static int command(List<String> args, PrintStream out, PrintStream err, Map<String, String> env) {
        if (args.size() == 2 && args.get(0).equals("-f")) {
            return Kernel.run(Path.of(args.get(1)), err);
        }
        if (args.isEmpty() || !args.get(0).equals("install")) {
            err.println("usage: par kernel install [--user | --prefix DIR]\n       par kernel -f CONNECTION_FILE");
            return 2;
        }
        Path dataDir;
        if (args.size() == 1) {
            dataDir = Path.of("/usr/local/share/jupyter"); // where `jupyter kernelspec install` puts one for all users
        } else if (args.size() == 2 && args.get(1).equals("--user")) {
            dataDir = userDataDir(env);
        } else if (args.size() == 3 && args.get(1).equals("--prefix")) {
            dataDir = Path.of(args.get(2), "share", "jupyter");
        } else {
            err.println("par: error: par kernel install takes --user or --prefix DIR");
            return 2;
        }
        Path launcher = launcher();
        if (launcher == null) {
            err.println("par: error: cannot find the par launcher beside this par.jar (is it a checkout's repl/target/par.jar?)");
            return 2;
        }
        try {
            Path file = write(dataDir, List.of(launcher.toString()));
            out.println("installed the Par kernel: " + file);
            return 0;
        } catch (IOException e) {
            err.println("par: error: cannot write the kernelspec under " + dataDir + ": " + e.getMessage());
            return 2;
        }
    }

    /** Jupyter's per-user data directory: $JUPYTER_DATA_DIR, else $XDG_DATA_HOME/jupyter, else ~/.local/share/jupyter. */
    static Path userDataDir(Map<String, String> env) {
        if (env.get("JUPYTER_DATA_DIR") != null) {
            return Path.of(env.get("JUPYTER_DATA_DIR"));
        }
        String data = env.get("XDG_DATA_HOME");
        return data != null && Path.of(data).isAbsolute() ? Path.of(data, "jupyter")
                : Path.of(env.getOrDefault("HOME", System.getProperty("user.home")), ".local", "share", "jupyter");
    }

    /**
     * The checkout's {@code par} script: par.jar is repl/target/par.jar (and the classes of a
     * build are repl/target/classes), three levels below it. Null if it is not there.
     */
    static Path launcher() {
        try {
            Path code = Path.of(KernelSpec.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path root = code.toAbsolutePath().getParent().getParent().getParent();
            Path par = root.resolve("par");
            return Files.isExecutable(par) ? par : null;
        } catch (URISyntaxException | RuntimeException e) {
            return null;
        }
    }
}
