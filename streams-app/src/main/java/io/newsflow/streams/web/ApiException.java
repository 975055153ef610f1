package io.newsflow.streams.web;

/** A request the API refuses: the HTTP status and a message for the caller (never logged with the body). */
final class ApiException extends Exception {

    private static final long serialVersionUID = 1L;

    private final int status;

    ApiException(int status, String message) {
        super(message, null, false, false); // control flow, not a fault: no stack trace needed
        this.status = status;
    }

    int status() {
        return status;
    }
}
