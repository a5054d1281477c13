import io.javalin.Javalin;

/**
 * The service behind the gateway in gateway.sh: a Javalin 7 application on Jetty 12, the HTTP
 * stack Inkan itself runs on, that answers every request at once with 200 and the user id the
 * gateway passed on, as a service behind Inkan would read it. So the auth subrequest is measured
 * as what it is, a second round trip to a server of the same make. Run as a source file, with
 * Inkan's jar for Javalin: java -cp bootstrap/target/inkan.jar benchmarks/http/Upstream.java PORT
 */
public class Upstream {

    public static void main(String[] args) {
        Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.routes.get("/*", ctx -> {
                String user = ctx.header("X-Inkan-User-Id");
                ctx.contentType("text/plain").result("ok " + (user == null ? "-" : user) + "\n");
            });
        }).start("127.0.0.1", Integer.parseInt(args[0]));
        System.out.println("upstream listening on " + args[0]);
    }
}
