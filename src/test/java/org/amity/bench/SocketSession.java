package org.amity.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * A session over one keep-alive socket with blocking reads: HTTP/1.1 written and read by hand (Content-Length or
 * chunked replies, reconnecting when the server closes), so that the client costs little CPU next to the server.
 */
final class SocketSession {
    private final URI uri;
    private final String auth;
    private final String head;
    private java.net.Socket socket;
    private java.io.InputStream in;
    private java.io.OutputStream out;

    SocketSession(URI uri, String auth) {
        this.uri = uri;
        this.auth = auth;
        this.head = "POST " + uri.getPath() + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort()
                + "\r\nAuthorization: " + auth + "\r\nContent-Type: application/json\r\nContent-Length: ";
    }

    /** Posts the body to the session's URI and reads the whole reply; the status, or -1 when the exchange failed. */
    int post(String body) {
        byte[] content = body.getBytes(StandardCharsets.UTF_8);
        return exchange((head + content.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII), content);
    }

    /** GETs a path on the session's host and reads the whole reply; the status, or -1 when the exchange failed. */
    int get(String path) {
        return exchange(("GET " + path + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort() + "\r\nAuthorization: " + auth
                + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII), new byte[0]);
    }

    private int exchange(byte[] requestHead, byte[] content) {
        try {
            if (socket == null) {
                socket = new java.net.Socket(uri.getHost(), uri.getPort());
                socket.setTcpNoDelay(true);
                socket.setSoTimeout(30_000);
                in = new java.io.BufferedInputStream(socket.getInputStream(), 16_384);
                out = socket.getOutputStream();
            }
            out.write(requestHead);
            out.write(content);
            out.flush();
            String status = line();
            int code = Integer.parseInt(status.substring(9, 12));
            long length = -1;
            boolean chunked = false;
            boolean close = false;
            for (String h = line(); !h.isEmpty(); h = line()) {
                String lower = h.toLowerCase(java.util.Locale.ROOT);
                if (lower.startsWith("content-length:")) {
                    length = Long.parseLong(lower.substring(15).strip());
                } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                    chunked = true;
                } else if (lower.startsWith("connection:") && lower.contains("close")) {
                    close = true;
                }
            }
            if (chunked) {
                for (long size = Long.parseLong(line().split(";")[0].strip(), 16); size > 0;
                     size = Long.parseLong(line().split(";")[0].strip(), 16)) {
                    skip(size);
                    line();
                }
                for (String trailer = line(); !trailer.isEmpty(); trailer = line()) {
                    // trailers, if any, are not needed
                }
            } else if (length > 0) {
                skip(length);
            }
            if (close) {
                close();
            }
            return code;
        } catch (IOException | RuntimeException e) {
            close();
            return -1;
        }
    }

    private String line() throws IOException {
        StringBuilder line = new StringBuilder(64);
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new java.io.EOFException("connection closed");
            }
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }

    private void skip(long n) throws IOException {
        for (long left = n; left > 0; ) {
            long skipped = in.skip(left);
            if (skipped <= 0) {
                if (in.read() < 0) {
                    throw new java.io.EOFException("connection closed");
                }
                skipped = 1;
            }
            left -= skipped;
        }
    }

    void close() {
        try {
            if (socket != null) {
                socket.close();
            }
        } catch (IOException ignored) {
            // closing anyway
        }
        socket = null;
    }
}

/** Diagnostics only (-Dbench.waits=true): what PostgreSQL's active backends wait on, sampled every 20 ms. */
