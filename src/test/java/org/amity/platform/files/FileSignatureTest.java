package org.amity.platform.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.amity.platform.files.FileSignature.Kind;
import org.junit.jupiter.api.Test;

/** Uploads are recognised by their first bytes only. */
class FileSignatureTest {

    @Test
    void recognisesPdfJpegAndPngByTheirMagicNumbers() {
        assertThat(FileSignature.detect("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII))).contains(Kind.PDF);
        assertThat(FileSignature.detect(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10})).contains(Kind.JPEG);
        assertThat(FileSignature.detect(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0})).contains(Kind.PNG);
    }

    @Test
    void refusesEverythingElseWhateverItIsCalled() {
        assertThat(FileSignature.detect("MZ executable".getBytes(StandardCharsets.US_ASCII))).isEmpty();
        assertThat(FileSignature.detect("GIF89a".getBytes(StandardCharsets.US_ASCII))).isEmpty();
        assertThat(FileSignature.detect("<html>%PDF-".getBytes(StandardCharsets.US_ASCII))).isEmpty();
        assertThat(FileSignature.detect(new byte[] {(byte) 0x89, 'P', 'N'})).as("truncated").isEqualTo(Optional.empty());
        assertThat(FileSignature.detect(new byte[0])).isEmpty();
        assertThat(FileSignature.detect(null)).isEmpty();
    }

    @Test
    void offersTheContentTypesOfWhatItRecognises() {
        assertThat(FileSignature.ALLOWED_CONTENT_TYPES).containsExactly("application/pdf", "image/jpeg", "image/png");
        assertThat(FileSignature.MAX_BYTES).isEqualTo(10 * 1024 * 1024);
    }
}
