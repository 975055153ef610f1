/**
 * The generated topic and record reference, {@code docs/topics.md}
 * ({@link io.newsflow.schemas.reference.TopicReference}).
 */
package io.newsflow.schemas.reference;
