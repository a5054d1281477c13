package dev.inkan.adapter.persistence;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Test helper: a loopback TCP relay whose open connections can fall silent the way a dropped NAT
 * flow does: bytes stop arriving in both directions, and neither end hears a FIN or a reset. New
 * connections are relayed as before.
 */
final class SilentRelay implements AutoCloseable {

    private final String targetHost;
    private final int targetPort;
    private final ServerSocket server;
    private final List<Flow> flows = new CopyOnWriteArrayList<>();

    SilentRelay(String targetHost, int targetPort) throws IOException {
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        this.server = new ServerSocket();
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        Thread acceptor = new Thread(this::accept, "silent-relay-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return server.getLocalPort();
    }

    /** Every connection open now stops carrying bytes, for good, without being closed. */
    void silenceOpenFlows() {
        flows.forEach(flow -> flow.silent = true);
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Socket upstream = new Socket(targetHost, targetPort);
                Flow flow = new Flow(client, upstream);
                flows.add(flow);
                pump(flow, client, upstream);
                pump(flow, upstream, client);
            } catch (IOException e) {
                return;
            }
        }
    }

    private static void pump(Flow flow, Socket from, Socket to) {
        Thread thread = new Thread(() -> {
            byte[] buffer = new byte[16 * 1024];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int read;
                while ((read = in.read(buffer)) >= 0) {
                    if (!flow.silent) {
                        out.write(buffer, 0, read);
                        out.flush();
                    }
                }
            } catch (IOException ignored) {
                // closed by close()
            }
        }, "silent-relay-pump");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Flow flow : flows) {
            flow.client.close();
            flow.upstream.close();
        }
    }

    /** One relayed connection. */
    private static final class Flow {
        final Socket client;
        final Socket upstream;
        volatile boolean silent;

        Flow(Socket client, Socket upstream) {
            this.client = client;
            this.upstream = upstream;
        }
    }
}
