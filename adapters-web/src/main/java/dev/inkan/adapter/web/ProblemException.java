package dev.inkan.adapter.web;

/** A request the web layer refuses before any use case runs (bad JSON, wrong media type, …), with its problem type. */
final class ProblemException extends RuntimeException {

    private final int status;
    private final String type;
    private final String title;

    ProblemException(int status, String type, String title, String detail) {
        super(detail, null, false, false);
        this.status = status;
        this.type = type;
        this.title = title;
    }

    static ProblemException badRequest(String detail) {
        return new ProblemException(400, "invalid-request", "Invalid request", detail);
    }

    int status() {
        return status;
    }

    String type() {
        return type;
    }

    String title() {
        return title;
    }
}
