import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;

/**
 * The service behind the gateway in gateway.sh: a small JVM HTTP server (the JDK's own) that
 * answers every request with 200 and the user id the gateway passed on, as an application
 * behind Inkan would read it. Run as a source file: java benchmarks/http/Upstream.java PORT
 */
public class Upstream {

    public static void main(String[] args) throws Exception {
        System.setProperty("sun.net.httpserver.nodelay", "true");
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), Integer.parseInt(args[0])), 512);
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.createContext("/", exchange -> {
            String user = exchange.getRequestHeaders().getFirst("X-Inkan-User-Id");
            byte[] body = ("ok " + (user == null ? "-" : user) + "\n").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/plain");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        System.out.println("upstream listening on " + args[0]);
    }
}
