package org.amity.platform.files;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * What an uploaded file really is, from its first bytes (magic numbers), never from its name or the browser's content
 * type. Complaint evidence, hardship documents and portal uploads all accept PDF, JPEG and PNG of at most 10 MB; each
 * caller keeps its own problem codes and messages for a refused file.
 */
public final class FileSignature {

    /** The largest upload any module accepts. */
    public static final int MAX_BYTES = 10 * 1024 * 1024;

    public enum Kind {
        PDF("application/pdf", '%', 'P', 'D', 'F', '-'),
        JPEG("image/jpeg", 0xFF, 0xD8, 0xFF),
        PNG("image/png", 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n');

        private final String contentType;
        private final int[] magic;

        Kind(String contentType, int... magic) {
            this.contentType = contentType;
            this.magic = magic;
        }

        public String contentType() {
            return contentType;
        }
    }

    /** The content types of {@link Kind}, for a problem's {@code allowedValues}. */
    public static final List<String> ALLOWED_CONTENT_TYPES = Arrays.stream(Kind.values()).map(Kind::contentType).toList();

    private FileSignature() {
    }

    /** The kind the content starts like; empty for anything else, for no content and for truncated signatures. */
    public static Optional<Kind> detect(byte[] content) {
        return Arrays.stream(Kind.values()).filter(kind -> startsWith(content, kind.magic)).findFirst();
    }

    private static boolean startsWith(byte[] content, int[] magic) {
        if (content == null || content.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((content[i] & 0xFF) != magic[i]) {
                return false;
            }
        }
        return true;
    }
}
