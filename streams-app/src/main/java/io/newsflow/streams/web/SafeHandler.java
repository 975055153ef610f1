package io.newsflow.streams.web;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one route, turning an {@link ApiException} into its JSON error and anything unexpected into a
 * logged 500, so no handler can leave an exchange open or leak a stack trace to the client. Logs name
 * the method and path only: the query may hold the token and the body is the user's.
 */
final class SafeHandler implements HttpHandler {

    /** A route's body: may refuse the request by throwing {@link ApiException}. */
    interface Route {
        void handle(HttpExchange ex) throws IOException, ApiException;
    }

    private static final Logger LOG = LoggerFactory.getLogger(SafeHandler.class);

    private final Route route;

    SafeHandler(Route route) {
        this.route = route;
    }

    @Override
    public void handle(HttpExchange ex) {
        try {
            route.handle(ex);
        } catch (ApiException e) {
            reply(ex, e.status(), e.getMessage());
        } catch (IOException e) {
            LOG.debug("I/O error on {} {}: {}", ex.getRequestMethod(), ex.getRequestURI().getRawPath(), e.toString());
        } catch (RuntimeException e) {
            LOG.warn("Request {} {} failed", ex.getRequestMethod(), ex.getRequestURI().getRawPath(), e);
            reply(ex, 500, "internal error; see the server log");
        } finally {
            ex.close();
        }
    }

    private static void reply(HttpExchange ex, int status, String message) {
        try {
            Http.error(ex, status, message);
        } catch (IOException e) {
            // headers already sent or client gone: nothing more to tell it
            LOG.debug("Could not send {} for {}: {}", status, ex.getRequestURI().getRawPath(), e.toString());
        }
    }
}
