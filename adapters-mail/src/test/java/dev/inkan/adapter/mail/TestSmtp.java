package dev.inkan.adapter.mail;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;

/** A GreenMail SMTP or SMTPS server on a loopback port, and what it received. */
final class TestSmtp implements AutoCloseable {

    static {
        // GreenMail's connection threads report a refused handshake (which these tests cause on purpose) as an
        // uncaught exception; that report is GreenMail's, not Inkan's, so it stays out of the test log
        Thread.UncaughtExceptionHandler previous = Thread.getDefaultUncaughtExceptionHandler();
        Thread.setDefaultUncaughtExceptionHandler((thread, failure) -> {
            if (thread.getName().startsWith("smtp") && failure.getClass().getName().startsWith("java.lang.IllegalStateException")
                    && String.valueOf(failure.getMessage()).contains("handling connection")) {
                return;
            }
            if (previous != null) {
                previous.uncaughtException(thread, failure);
            } else {
                failure.printStackTrace();
            }
        });
    }

    private final GreenMail server;
    private boolean started;

    private TestSmtp(ServerSetup setup) {
        server = new GreenMail(setup);
    }

    /** Plain SMTP, which offers no STARTTLS, on {@code port} (0: any free one). */
    static TestSmtp plain(int port) {
        return plainNotStarted(port).start();
    }

    /** Plain SMTP on {@code port}, which listens only once {@link #start()} is called. */
    static TestSmtp plainNotStarted(int port) {
        return new TestSmtp(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    }

    TestSmtp start() {
        server.start();
        started = true;
        return this;
    }

    /** SMTPS, showing {@link TestCertificate}'s certificate, on any free port. */
    static TestSmtp implicitTls() {
        TestCertificate.install();
        return new TestSmtp(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTPS)).start();
    }

    /** Accepts only this login (GreenMail otherwise takes any). */
    TestSmtp withUser(String email, String login, String password) {
        server.setUser(email, login, password);
        return this;
    }

    int port() {
        return server.getSmtp() != null ? server.getSmtp().getPort() : server.getSmtps().getPort();
    }

    List<MimeMessage> received() {
        return List.of(server.getReceivedMessages());
    }

    /** @return whether {@code count} messages arrived within {@code millis} */
    boolean awaitMessages(int count, long millis) {
        return server.waitForIncomingEmail(millis, count);
    }

    /** @return a loopback port nobody listens on right now */
    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        if (started) {
            server.stop();
        }
    }
}
