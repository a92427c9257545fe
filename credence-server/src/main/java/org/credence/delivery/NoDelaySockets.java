package org.credence.delivery;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import javax.net.SocketFactory;
import javax.net.ssl.SSLSocketFactory;

/**
 * Socket factories for the SMTP connection that switch off Nagle's algorithm. A message's end (the body's last bytes and
 * the "." line) is a small write behind larger unacknowledged ones; with Nagle on, it waited for the server's delayed
 * acknowledgement (40 ms on Linux) before it left, so one connection sent about 22 messages a second whatever the
 * server's speed. Angus Mail takes these as instances in {@code mail.smtp.socketFactory} and {@code mail.smtp.ssl.socketFactory}.
 */
final class NoDelaySockets {
    private NoDelaySockets() {}

    /** Plain sockets (no TLS, or STARTTLS, which layers TLS over this socket). */
    static SocketFactory plain() {
        return new Plain(SocketFactory.getDefault());
    }

    /** TLS sockets, as the JDK's default TLS factory makes them (its certificate and host checks unchanged). */
    static SSLSocketFactory tls() {
        return new Tls((SSLSocketFactory) SSLSocketFactory.getDefault());
    }

    private static <S extends Socket> S noDelay(S socket) throws IOException {
        socket.setTcpNoDelay(true);
        return socket;
    }

    private static final class Plain extends SocketFactory {
        private final SocketFactory sockets;

        Plain(SocketFactory sockets) {
            this.sockets = sockets;
        }

        @Override
        public Socket createSocket() throws IOException {
            return noDelay(sockets.createSocket());
        }

        @Override
        public Socket createSocket(String host, int port) throws IOException {
            return noDelay(sockets.createSocket(host, port));
        }

        @Override
        public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
            return noDelay(sockets.createSocket(host, port, localHost, localPort));
        }

        @Override
        public Socket createSocket(InetAddress host, int port) throws IOException {
            return noDelay(sockets.createSocket(host, port));
        }

        @Override
        public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) throws IOException {
            return noDelay(sockets.createSocket(address, port, localAddress, localPort));
        }
    }

    /** TLS sockets: the plain shapes go through {@link Plain} around the TLS factory; only the layered one is TLS's own. */
    private static final class Tls extends SSLSocketFactory {
        private final SSLSocketFactory sockets;
        private final Plain plain;

        Tls(SSLSocketFactory sockets) {
            this.sockets = sockets;
            this.plain = new Plain(sockets);
        }

        @Override
        public String[] getDefaultCipherSuites() {
            return sockets.getDefaultCipherSuites();
        }

        @Override
        public String[] getSupportedCipherSuites() {
            return sockets.getSupportedCipherSuites();
        }

        @Override
        public Socket createSocket(Socket layered, String host, int port, boolean autoClose) throws IOException {
            noDelay(layered); // STARTTLS: the plain socket underneath carries the bytes
            return noDelay(sockets.createSocket(layered, host, port, autoClose));
        }

        @Override
        public Socket createSocket() throws IOException {
            return plain.createSocket();
        }

        @Override
        public Socket createSocket(String host, int port) throws IOException {
            return plain.createSocket(host, port);
        }

        @Override
        public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
            return plain.createSocket(host, port, localHost, localPort);
        }

        @Override
        public Socket createSocket(InetAddress host, int port) throws IOException {
            return plain.createSocket(host, port);
        }

        @Override
        public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) throws IOException {
            return plain.createSocket(address, port, localAddress, localPort);
        }
    }
}
