package fi.sd.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import fi.sd.events.EventType;
import fi.sd.testsupport.TopicReader;

/** The main flow across processes: a permit recorded through the gateway opens its workspace. */
class WalkingSkeletonIT extends SystemTest {

    @Test
    void aPermitGrantedThroughTheGatewayOpensItsWorkspaceForItsMember() {
        String project = "skeleton-" + UUID.randomUUID();
        String permitId = api.grantFindataPermit(project);

        try (TopicReader topic = TopicReader.fromBeginning(EventType.PERMIT_GRANTED.topic().topicName())) {
            List<ConsumerRecord<String, String>> granted = topic.await(r -> permitId.equals(r.key()), 1, Duration.ofSeconds(30));
            assertThat(new String(granted.get(0).headers().lastHeader("ce_type").value()))
                    .isEqualTo(EventType.PERMIT_GRANTED.ceType());
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> api.as(Api.RESEARCHER, "researcher")
                .get("/workspaces").then().statusCode(200).body("permitId", hasItem(permitId)));
    }
}
