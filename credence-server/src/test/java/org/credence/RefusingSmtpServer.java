package org.credence;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** An SMTP server that refuses every recipient for good (550), as a mail server does for an address that does not exist. */
final class RefusingSmtpServer implements AutoCloseable {
    private final ServerSocket socket;
    private final Thread thread;

    RefusingSmtpServer(int port) throws IOException {
        socket = new ServerSocket();
        socket.setReuseAddress(true);
        socket.bind(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        thread = new Thread(this::serve, "refusing-smtp");
        thread.setDaemon(true);
        thread.start();
    }

    private void serve() {
        while (!socket.isClosed()) {
            try (Socket client = socket.accept();
                 BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.US_ASCII));
                 PrintWriter out = new PrintWriter(client.getOutputStream(), true, StandardCharsets.US_ASCII)) {
                out.print("220 refusing.example ESMTP\r\n");
                out.flush();
                for (String line; (line = in.readLine()) != null; ) {
                    String command = line.length() >= 4 ? line.substring(0, 4).toUpperCase(java.util.Locale.ROOT) : line;
                    String reply = switch (command) {
                        case "EHLO", "HELO" -> "250 refusing.example";
                        case "MAIL", "RSET", "NOOP" -> "250 OK";
                        case "RCPT" -> "550 5.1.1 no such user here";
                        case "QUIT" -> "221 bye";
                        default -> "502 not implemented";
                    };
                    out.print(reply + "\r\n");
                    out.flush();
                    if (command.equals("QUIT")) {
                        break;
                    }
                }
            } catch (IOException closed) {
                // the test closed the server, or the client hung up
            }
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
