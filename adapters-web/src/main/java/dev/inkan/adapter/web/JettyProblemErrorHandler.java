package dev.inkan.adapter.web;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Problem+json for the errors Jetty answers itself, before a request reaches Javalin (headers too
 * large, a malformed request line): the same shape as every other error, and no HTML.
 */
final class JettyProblemErrorHandler extends ErrorHandler {

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                    Callback callback) throws IOException {
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, ProblemDetails.CONTENT_TYPE);
        response.write(true, ByteBuffer.wrap(problem(code)), callback);
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(new HttpField(HttpHeader.CONTENT_TYPE, ProblemDetails.CONTENT_TYPE));
        return ByteBuffer.wrap(problem(status));
    }

    private static byte[] problem(int status) {
        String title = HttpStatus.getMessage(status);
        return ProblemResponses.toJson(ProblemDetails.of(title.toLowerCase(java.util.Locale.ROOT).replace(' ', '-'),
                title, status, title, null)).getBytes(StandardCharsets.UTF_8);
    }
}
