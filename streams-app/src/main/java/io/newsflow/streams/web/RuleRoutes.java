package io.newsflow.streams.web;

import com.sun.net.httpserver.HttpExchange;
import io.newsflow.schema.AlertRule;
import io.newsflow.schemas.AvroJson;
import io.newsflow.streams.alert.InvalidRuleException;
import io.newsflow.streams.alert.RuleValidator;
import java.io.IOException;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /api/rules}: GET lists, POST creates (201); {@code /api/rules/{id}}: GET reads, PUT replaces
 * (200), DELETE removes (204, or 404). A refused rule answers 400 with the validator's message.
 */
final class RuleRoutes implements SafeHandler.Route {

    static final String PATH = "/api/rules";
    private static final Logger LOG = LoggerFactory.getLogger(RuleRoutes.class);

    private final RuleAdmin rules;
    private final int maxBodyBytes;

    RuleRoutes(RuleAdmin rules, int maxBodyBytes) {
        this.rules = rules;
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    public void handle(HttpExchange ex) throws IOException, ApiException {
        String path = ex.getRequestURI().getPath();
        if (path.equals(PATH)) {
            collection(ex);
        } else if (path.startsWith(PATH + "/") && path.length() > PATH.length() + 1
                && path.indexOf('/', PATH.length() + 1) < 0) {
            single(ex, path.substring(PATH.length() + 1));
        } else {
            throw new ApiException(404, "no such resource: " + ex.getRequestURI().getRawPath());
        }
    }

    private void collection(HttpExchange ex) throws IOException, ApiException {
        Http.requireMethod(ex, "GET", "POST");
        if (ex.getRequestMethod().equals("GET")) {
            List<String> json = rules.list().stream()
                    .sorted(Comparator.comparing(AlertRule::getId))
                    .map(AvroJson::toJson)
                    .toList();
            Http.json(ex, 200, "[" + String.join(",", json) + "]");
            return;
        }
        AlertRule stored = store(RuleJson.parse(Http.body(ex, maxBodyBytes), null));
        ex.getResponseHeaders().set("Location", PATH + "/" + stored.getId());
        Http.json(ex, 201, AvroJson.toJson(stored));
    }

    private void single(HttpExchange ex, String id) throws IOException, ApiException {
        Http.requireMethod(ex, "GET", "PUT", "DELETE");
        switch (ex.getRequestMethod()) {
            case "GET" -> Http.json(ex, 200, AvroJson.toJson(find(id)
                    .orElseThrow(() -> new ApiException(404, "no rule with id '" + id + "'"))));
            case "PUT" -> Http.json(ex, 200, AvroJson.toJson(store(RuleJson.parse(Http.body(ex, maxBodyBytes), id))));
            default -> {
                if (!rules.remove(id)) {
                    throw new ApiException(404, "no rule with id '" + id + "'");
                }
                LOG.info("Rule {} removed through the web API", id);
                Http.noContent(ex);
            }
        }
    }

    private AlertRule store(AlertRule rule) throws ApiException {
        try {
            // validated here as well as by the RuleAdmin, so every implementation refuses the same rules
            RuleValidator.validate(rule);
            AlertRule stored = rules.upsert(rule);
            LOG.info("Rule {} stored through the web API (version {})", stored.getId(), stored.getVersion());
            return stored;
        } catch (InvalidRuleException e) {
            throw new ApiException(400, e.getMessage());
        }
    }

    private Optional<AlertRule> find(String id) {
        return rules.list().stream().filter(r -> r.getId().equals(id)).findFirst();
    }
}
