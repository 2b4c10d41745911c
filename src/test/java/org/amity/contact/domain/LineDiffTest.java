package org.amity.contact.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class LineDiffTest {

    /** The diff as unified-style text, one "op line" per line. */
    private static List<String> unified(String before, String after) {
        return LineDiff.diff(before, after).stream().map(l -> l.op() + l.line()).toList();
    }

    @Test
    void identicalTextsHaveOnlyKeptLines() {
        assertThat(unified("a\nb\n", "a\nb\n")).containsExactly(" a", " b");
    }

    @Test
    void aChangedLineIsRemovedThenAdded() {
        assertThat(unified("from: \"08:00\"\nto: \"21:00\"\nsource: x\n", "from: \"09:00\"\nto: \"20:00\"\nsource: x\n"))
                .containsExactly("-from: \"08:00\"", "-to: \"21:00\"", "+from: \"09:00\"", "+to: \"20:00\"", " source: x");
    }

    @Test
    void insertionsAndDeletionsKeepTheLongestCommonSubsequence() {
        assertThat(unified("a\nb\nc\nd\n", "a\nc\nd\ne\n")).containsExactly(" a", "-b", " c", " d", "+e");
        assertThat(unified("x\na\nb\n", "a\nb\ny\n")).containsExactly("-x", " a", " b", "+y");
    }

    @Test
    void anEmptyTextIsAllAddedOrAllRemoved() {
        assertThat(unified("", "a\nb")).containsExactly("+a", "+b");
        assertThat(unified("a\nb", "")).containsExactly("-a", "-b");
        assertThat(unified("", "")).isEmpty();
    }

    @Test
    void lineEndingsAndAFinalNewlineDoNotCountAsChanges() {
        assertThat(unified("a\r\nb\r\n", "a\nb")).containsExactly(" a", " b");
    }

    @Test
    void blankLinesInsideTheTextAreLines() {
        assertThat(unified("a\n\nb\n", "a\nb\n")).containsExactly(" a", "-", " b");
    }

    @Test
    void everyLineOfBothTextsAppearsOnceInOrder() {
        String before = "k1\nk2\nk3\nk4\nk5\nk6\n";
        String after = "k0\nk2\nk3x\nk4\nk6\nk7\n";
        List<LineDiff.Line> diff = LineDiff.diff(before, after);
        assertThat(diff.stream().filter(l -> !l.op().equals("+")).map(LineDiff.Line::line).collect(Collectors.joining("\n", "", "\n")))
                .isEqualTo(before);
        assertThat(diff.stream().filter(l -> !l.op().equals("-")).map(LineDiff.Line::line).collect(Collectors.joining("\n", "", "\n")))
                .isEqualTo(after);
        assertThat(diff.stream().filter(l -> l.op().equals(" ")).map(LineDiff.Line::line)).containsExactly("k2", "k4", "k6");
    }

    @Test
    void refusesTextsTooLargeToCompare() {
        String a = IntStream.range(0, LineDiff.MAX_LINES + 1).mapToObj(i -> "a" + i).collect(Collectors.joining("\n"));
        String b = IntStream.range(0, LineDiff.MAX_LINES + 1).mapToObj(i -> "b" + i).collect(Collectors.joining("\n"));
        assertThatThrownBy(() -> LineDiff.diff(a, b)).isInstanceOf(IllegalArgumentException.class);
        assertThat(LineDiff.diff(a, a)).hasSize(LineDiff.MAX_LINES + 1);
    }
}
