package dev.obskit.bench;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * The thinnest HTTP/1.1 keep-alive client: one socket, requests written whole, responses read by
 * Content-Length. Costs next to nothing, so a benchmark using it measures the server.
 */
final class RawKeepAliveClient implements AutoCloseable {
    private final Socket socket;
    private final OutputStream out;
    private final InputStream in;
    private final String authorization;

    RawKeepAliveClient(int port, String key) throws IOException {
        socket = new Socket("127.0.0.1", port);
        socket.setTcpNoDelay(true);
        out = new BufferedOutputStream(socket.getOutputStream(), 8192);
        in = new BufferedInputStream(socket.getInputStream(), 65536);
        authorization = "Authorization: Bearer " + key + "\r\n";
    }

    /** Sends one request and returns the status; the body is read and dropped. */
    int call(String method, String path, String body) throws IOException {
        return exchange(method, path, body, false).status();
    }

    record Response(int status, String body) {}

    /** Sends one request; keeps the body text when asked. */
    Response exchange(String method, String path, String body, boolean keepBody) throws IOException {
        byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        StringBuilder head = new StringBuilder(256).append(method).append(' ').append(path).append(" HTTP/1.1\r\n")
                .append("Host: 127.0.0.1\r\n").append(authorization).append("Accept: application/json\r\n");
        if (body != null) head.append("Content-Type: application/json\r\nContent-Length: ").append(content.length).append("\r\n");
        out.write(head.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
        out.write(content);
        out.flush();
        String status = line();
        int length = 0;
        for (String h = line(); !h.isEmpty(); h = line()) {
            if (h.regionMatches(true, 0, "Content-Length:", 0, 15)) length = Integer.parseInt(h.substring(15).trim());
        }
        int code = Integer.parseInt(status.substring(9, 12));
        if (!keepBody) {
            in.skipNBytes(length);
            return new Response(code, null);
        }
        return new Response(code, new String(in.readNBytes(length), StandardCharsets.UTF_8));
    }

    private String line() throws IOException {
        StringBuilder s = new StringBuilder(64);
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) throw new IOException("connection closed");
            if (c != '\r') s.append((char) c);
        }
        return s.toString();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
