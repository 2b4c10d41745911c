package org.amity.contact.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * A line diff by longest common subsequence, in unified style: every line of both texts once, kept lines as
 * {@code " "}, removed as {@code "-"} and added as {@code "+"}, removals before additions within a change.
 * Policy documents are a few dozen lines, so the quadratic table is cheap; the common head and tail are skipped
 * before it is built.
 */
public final class LineDiff {

    /** Beyond this many differing lines on each side the table would be too large for a request. */
    public static final int MAX_LINES = 3000;

    public record Line(String op, String line) {
        public static final String SAME = " ";
        public static final String ADDED = "+";
        public static final String REMOVED = "-";

        public boolean changed() {
            return !op.equals(SAME);
        }
    }

    private LineDiff() {
    }

    public static List<Line> diff(String before, String after) {
        return diff(lines(before), lines(after));
    }

    public static List<Line> diff(List<String> a, List<String> b) {
        int head = 0;
        while (head < a.size() && head < b.size() && a.get(head).equals(b.get(head))) {
            head++;
        }
        int tail = 0;
        while (tail < a.size() - head && tail < b.size() - head
                && a.get(a.size() - 1 - tail).equals(b.get(b.size() - 1 - tail))) {
            tail++;
        }
        List<String> x = a.subList(head, a.size() - tail);
        List<String> y = b.subList(head, b.size() - tail);
        if (x.size() > MAX_LINES || y.size() > MAX_LINES) {
            throw new IllegalArgumentException("too many changed lines to compare (at most " + MAX_LINES + ")");
        }
        List<Line> out = new ArrayList<>(a.size() + y.size());
        for (int i = 0; i < head; i++) {
            out.add(new Line(Line.SAME, a.get(i)));
        }
        // lcs[i][j]: length of the longest common subsequence of x[i..] and y[j..]
        int[][] lcs = new int[x.size() + 1][y.size() + 1];
        for (int i = x.size() - 1; i >= 0; i--) {
            for (int j = y.size() - 1; j >= 0; j--) {
                lcs[i][j] = x.get(i).equals(y.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        int i = 0;
        int j = 0;
        while (i < x.size() && j < y.size()) {
            if (x.get(i).equals(y.get(j))) {
                out.add(new Line(Line.SAME, x.get(i++)));
                j++;
            } else if (lcs[i + 1][j] >= lcs[i][j + 1]) {
                out.add(new Line(Line.REMOVED, x.get(i++)));
            } else {
                out.add(new Line(Line.ADDED, y.get(j++)));
            }
        }
        while (i < x.size()) {
            out.add(new Line(Line.REMOVED, x.get(i++)));
        }
        while (j < y.size()) {
            out.add(new Line(Line.ADDED, y.get(j++)));
        }
        for (int k = a.size() - tail; k < a.size(); k++) {
            out.add(new Line(Line.SAME, a.get(k)));
        }
        return out;
    }

    /** Lines without their terminators; CRLF and LF read the same, and a final newline adds no empty line. */
    static List<String> lines(String text) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        List<String> lines = new ArrayList<>(List.of(text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1)));
        if (lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        return lines;
    }
}
