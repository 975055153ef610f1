package io.newsflow.schemas;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Creates the Newsflow topics that do not exist yet, so nothing depends on broker auto-creation.
 * Existing topics are left as they are. Stateless.
 */
public final class TopicSetup {

    private TopicSetup() {
    }

    /**
     * Creates every missing topic of {@code topics}: {@code news.alert-rules} compacted, the rest deleted
     * by retention.
     *
     * @param partitions partitions of each new topic
     * @param replicationFactor replicas of each new topic
     * @return names of the topics this call created
     */
    public static Set<String> ensure(Admin admin, Topics topics, int partitions, short replicationFactor) {
        List<NewTopic> wanted = new ArrayList<>();
        for (String name : topics.all()) {
            NewTopic topic = new NewTopic(name, name.equals(topics.alertRules()) ? 1 : partitions, replicationFactor);
            if (name.equals(topics.alertRules())) {
                topic.configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
            }
            wanted.add(topic);
        }
        try {
            Set<String> existing = admin.listTopics().names().get();
            Set<String> created = new HashSet<>();
            for (NewTopic topic : wanted) {
                if (existing.contains(topic.name())) {
                    continue;
                }
                try {
                    admin.createTopics(List.of(topic)).all().get();
                    created.add(topic.name());
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("cannot create topic " + topic.name() + ": "
                                + e.getCause().getMessage(), e.getCause());
                    }
                }
            }
            return created;
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot list topics: " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", e);
        }
    }
}
