package org.amity.complaints.domain;

import java.util.Optional;

/**
 * What a file really is, from its first bytes (magic numbers), never from its name or the browser's content type:
 * only PDF, JPEG and PNG are accepted as complaint evidence.
 */
public final class FileSignature {

    public enum Kind {
        PDF("application/pdf"), JPEG("image/jpeg"), PNG("image/png");

        private final String contentType;

        Kind(String contentType) {
            this.contentType = contentType;
        }

        public String contentType() {
            return contentType;
        }
    }

    private static final byte[] PDF = {'%', 'P', 'D', 'F', '-'};
    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    private FileSignature() {
    }

    public static Optional<Kind> detect(byte[] content) {
        if (startsWith(content, PDF)) {
            return Optional.of(Kind.PDF);
        }
        if (startsWith(content, JPEG)) {
            return Optional.of(Kind.JPEG);
        }
        if (startsWith(content, PNG)) {
            return Optional.of(Kind.PNG);
        }
        return Optional.empty();
    }

    private static boolean startsWith(byte[] content, byte[] prefix) {
        if (content == null || content.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (content[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
