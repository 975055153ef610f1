/**
 * The page monitoring teams watch, and its HTTP API: latest alerts, a live stream of new ones,
 * per-rule sparklines, and rule management.
 *
 * <p>{@link io.newsflow.streams.web.AlertFeed} holds what the page shows (fed with every alert read
 * from {@code news.alerts}); {@link io.newsflow.streams.web.RuleAdmin} is where rule changes go;
 * {@link io.newsflow.streams.web.WebServer} serves both on the JDK's HTTP server, configured by
 * {@link io.newsflow.streams.web.WebConfig}. The page itself is plain HTML, CSS and JavaScript under
 * {@code src/main/resources/io/newsflow/streams/web/}, with no build step and nothing fetched from
 * elsewhere. Package-private classes are the server's internals.
 */
package io.newsflow.streams.web;
