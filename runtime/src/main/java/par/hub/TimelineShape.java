package par.hub;

import java.util.Locale;

/**
 * One thing the timeline page draws, as the page's script receives it: a lane's state over a
 * span (segment), a lock hold or pool task above a lane (overlay), an arrow between lanes
 * (link: a queue item, a spawn, a deadlock's wait-for edge), a mark at one moment (an exit, a
 * deadlock), or an event's tick. kind picks how it is drawn, cls its colour (a CSS class); lane
 * and from are where it starts, toLane and to where it ends; label is written on it when there
 * is room; title is what a hover shows.
 */
record TimelineShape(String kind, String cls, int lane, double from, int toLane, double to, String label,
                     String title) {

    static TimelineShape span(String kind, String cls, int lane, double from, double to, String label, String title) {
        return new TimelineShape(kind, cls, lane, from, lane, to, label, title);
    }

    static TimelineShape at(String kind, String cls, int lane, double when, String label, String title) {
        return new TimelineShape(kind, cls, lane, when, lane, when, label, title);
    }

    String json() {
        return String.format(Locale.ROOT, "{\"kind\":%s,\"cls\":%s,\"lane\":%d,\"from\":%.2f,\"toLane\":%d,\"to\":%.2f,"
                + "\"label\":%s,\"title\":%s}", str(kind), str(cls), lane, from, toLane, to, str(label), str(title));
    }

    /**
     * A JSON string that is also safe inside the page's script element: no character of it
     * can close the element ({@code </script>}) or start a comment.
     */
    static String str(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c < 0x20 || c == '<' || c == '>' || c == '&' || c == '\u2028' || c == '\u2029') {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.append('"').toString();
    }
}
