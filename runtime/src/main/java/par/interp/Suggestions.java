package par.interp;

import java.util.Collection;

import org.apache.commons.text.similarity.DamerauLevenshteinDistance;

/**
 * The "did you mean" of an error for a misspelt name, attribute or method: the candidate
 * closest to what was written, by edit distance, if it is close for a word of that length.
 * A swap of two neighbouring letters counts as one edit (Damerau-Levenshtein), since that is
 * the commonest slip of the fingers ({@code wrok} for {@code work}).
 */
public final class Suggestions {
    private Suggestions() {
    }

    /**
     * {@code ; did you mean 'x'?} for the candidate nearest written, or "" when none is within
     * a third of its length (a name of one letter is never corrected). Ties go to the
     * alphabetically first, so the suggestion does not depend on the candidates' order.
     */
    public static String didYouMean(String written, Collection<String> candidates) {
        int allowed = (written.length() + 1) / 3;
        if (allowed == 0) {
            return "";
        }
        DamerauLevenshteinDistance distance = new DamerauLevenshteinDistance(allowed);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String c : candidates) {
            int d = c.equals(written) ? -1 : distance.apply(written, c);
            if (d >= 0 && (d < bestDistance || d == bestDistance && c.compareTo(best) < 0)) {
                best = c;
                bestDistance = d;
            }
        }
        return best == null ? "" : "; did you mean '" + best + "'?";
    }
}
