package par.repl;

import java.lang.management.ManagementFactory;

/**
 * Stands in for par.jar in {@link LauncherScriptTest}: prints what the par script started it
 * with (its JVM flags, one per line, then its arguments), so a test can see what the script chose.
 */
public final class LaunchedArgs {
    private LaunchedArgs() {
    }

    public static void main(String[] args) {
        for (String flag : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            System.out.println("flag " + flag);
        }
        System.out.println("args " + String.join(" ", args));
    }
}
