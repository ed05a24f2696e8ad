package fi.sd.desktop.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Walks the whole lifecycle of a release's delivery: every state × every command. */
class ReleaseDeliveryLifecycleTest {

    private static final Map<ReleaseDelivery, Map<ReleaseDeliveryCommand, ReleaseDelivery>> EXPECTED = new EnumMap<>(Map.of(
            ReleaseDelivery.NOT_STORED, new EnumMap<>(ReleaseDeliveryCommand.class),
            ReleaseDelivery.PENDING, new EnumMap<>(Map.of(
                    ReleaseDeliveryCommand.COMPLETE, ReleaseDelivery.DELIVERED,
                    ReleaseDeliveryCommand.RETRY, ReleaseDelivery.PENDING,
                    ReleaseDeliveryCommand.FAIL, ReleaseDelivery.FAILED)),
            ReleaseDelivery.DELIVERED, new EnumMap<>(ReleaseDeliveryCommand.class),
            ReleaseDelivery.FAILED, new EnumMap<>(ReleaseDeliveryCommand.class)));

    @Test
    void everyStateAndCommandLeadsWhereTheTableSaysOrIsRefusedWith409() {
        LifecycleWalk.walk(DatasetMount.DELIVERY, ReleaseDelivery.class, ReleaseDeliveryCommand.class, EXPECTED, state -> {
            DatasetMount mount = new DatasetMount();
            mount.delivery = state;
            return new LifecycleWalk.Subject<>(mount::apply, () -> mount.delivery);
        });
    }

    @Test
    void onlyAPendingDeliveryMoves() {
        assertThat(DatasetMount.DELIVERY.finalStates())
                .containsExactlyInAnyOrder(ReleaseDelivery.NOT_STORED, ReleaseDelivery.DELIVERED, ReleaseDelivery.FAILED);
    }
}
