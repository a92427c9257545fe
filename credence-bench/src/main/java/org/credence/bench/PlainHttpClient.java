package org.credence.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A load driver's HTTP/1.1 client: one kept-alive socket, one request at a time, the answer read whole (Content-Length
 * or chunked) so every status is seen. It exists because {@code java.net.http.HttpClient} spends more CPU per small
 * request (its selector thread and the hand-offs between it and the caller) than the server spends on some of them, on
 * the same two cores: measurement overhead, not the server's work (docs/benchmarks.md, fourth pass). Not thread-safe: one per client thread.
 */
final class PlainHttpClient implements AutoCloseable {
    /** An answer: its status and body. */
    record Answer(int status, String body) {}

    private final String host;
    private final int port;
    private Socket socket;
    private InputStream in;
    private OutputStream out;

    PlainHttpClient(String host, int port) {
        this.host = host;
        this.port = port;
    }

    /** Sends one request (a new connection when the last one was closed) and reads its whole answer. */
    Answer send(String method, String path, String authorization, String contentType, String body) throws IOException {
        byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        StringBuilder head = new StringBuilder(256).append(method).append(' ').append(path).append(" HTTP/1.1\r\nHost: ")
                .append(host).append(':').append(port).append("\r\n");
        if (authorization != null) {
            head.append("Authorization: ").append(authorization).append("\r\n");
        }
        if (contentType != null) {
            head.append("Content-Type: ").append(contentType).append("\r\n");
        }
        head.append("Content-Length: ").append(content.length).append("\r\n\r\n");
        byte[] headBytes = head.toString().getBytes(StandardCharsets.US_ASCII);
        byte[] request = new byte[headBytes.length + content.length];
        System.arraycopy(headBytes, 0, request, 0, headBytes.length);
        System.arraycopy(content, 0, request, headBytes.length, content.length);
        if (socket == null) {
            connect();
        }
        try {
            out.write(request);
            out.flush();
            return read();
        } catch (IOException stale) {
            // a kept-alive connection the server closed meanwhile: once more on a fresh one (a request the server had already
            // issued then answers 200, a replay, which the caller counts apart from 201s)
            close();
            connect();
            out.write(request);
            out.flush();
            return read();
        }
    }

    private void connect() throws IOException {
        socket = new Socket(host, port);
        socket.setTcpNoDelay(true);
        socket.setSoTimeout(120_000);
        in = new BufferedInputStream(socket.getInputStream(), 16_384);
        out = socket.getOutputStream();
    }

    private Answer read() throws IOException {
        String statusLine = line();
        if (statusLine == null) {
            throw new IOException("the server closed the connection");
        }
        int status = Integer.parseInt(statusLine.substring(9, 12));
        long length = -1;
        boolean chunked = false;
        boolean closing = false;
        for (String header; (header = line()) != null && !header.isEmpty(); ) {
            int colon = header.indexOf(':');
            String name = header.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = header.substring(colon + 1).trim();
            switch (name) {
                case "content-length" -> length = Long.parseLong(value);
                case "transfer-encoding" -> chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
                case "connection" -> closing = value.equalsIgnoreCase("close");
                default -> { }
            }
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if (chunked) {
            for (int size; (size = Integer.parseInt(line().split(";")[0].trim(), 16)) > 0; ) {
                body.write(in.readNBytes(size));
                line();
            }
            while (!line().isEmpty()) {
                // trailers
            }
        } else if (length >= 0) {
            body.write(in.readNBytes((int) length));
        } else {
            body.write(in.readAllBytes());
            closing = true;
        }
        if (closing) {
            close();
        }
        return new Answer(status, body.toString(StandardCharsets.UTF_8));
    }

    /** One header line without its CRLF; null at the end of the stream before any byte. */
    private String line() throws IOException {
        StringBuilder line = new StringBuilder(64);
        for (int c; (c = in.read()) != '\n'; ) {
            if (c < 0) {
                if (line.length() == 0) {
                    return null;
                }
                throw new IOException("the server closed the connection within a line");
            }
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
            socket = null;
        }
    }
}
