package par.repl;

import java.util.Locale;

import par.interp.Progress;

/**
 * A progress bar for a pool's long map, however it is drawn (a terminal's stderr, the REPL's
 * status line, a notebook cell): {@code map [#########-----------] 45/100  12.5 items/s  0:04 left}.
 * A map that ends within {@value #SHOW_AFTER_MS} ms shows nothing; after that the bar is
 * drawn as chunks end, at most every {@value #REDRAW_MS} ms, and always at the last one.
 */
public abstract class ProgressBar implements Progress {
    static final long SHOW_AFTER_MS = 1000;
    static final long REDRAW_MS = 100;
    static final int WIDTH = 20;

    /** Whether anyone can see the bar; asked once per bar, just before it would first be drawn. */
    protected abstract boolean watched();

    /** Draws the bar, or draws it again with new text. */
    protected abstract void draw(String text);

    /** The operation the bar drew has ended. */
    protected abstract void ended();

    @Override
    public Task start(String what, long total) {
        return new Bar(what, total);
    }

    /** The bar's text for done of total items after elapsedMs. */
    public static String text(String what, long done, long total, long elapsedMs) {
        int filled = total <= 0 ? WIDTH : (int) (Math.min(done, total) * WIDTH / total);
        double rate = elapsedMs > 0 ? done * 1000.0 / elapsedMs : 0;
        String left = rate > 0 ? clock(Math.round((total - done) / rate)) : "?";
        return String.format(Locale.ROOT, "%s [%s%s] %d/%d  %s items/s  %s left", what, "#".repeat(filled),
                "-".repeat(WIDTH - filled), done, total, String.format(Locale.ROOT, rate >= 100 ? "%.0f" : "%.1f", rate),
                left);
    }

    /** Seconds as m:ss, or h:mm:ss from an hour. */
    static String clock(long seconds) {
        return seconds >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60)
                : String.format(Locale.ROOT, "%d:%02d", seconds / 60, seconds % 60);
    }

    /** One map's bar. */
    private final class Bar implements Task {
        private final String what;
        private final long total;
        private final long started = System.nanoTime();
        private long drawnAt;
        private boolean shown;
        private boolean unseen;

        Bar(String what, long total) {
            this.what = what;
            this.total = total;
        }

        @Override
        public void done(long done) {
            long now = System.nanoTime();
            long ms = (now - started) / 1_000_000;
            if (unseen || ms < SHOW_AFTER_MS || shown && done < total && (now - drawnAt) / 1_000_000 < REDRAW_MS) {
                return;
            }
            if (!shown && !watched()) {
                unseen = true;
                return;
            }
            draw(text(what, done, total, ms));
            shown = true;
            drawnAt = now;
        }

        @Override
        public void end() {
            if (shown) {
                ended();
            }
        }
    }
}
