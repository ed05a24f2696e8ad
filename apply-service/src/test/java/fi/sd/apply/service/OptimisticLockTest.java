package fi.sd.apply.service;

import static fi.sd.apply.ApplyApi.THL;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;

import org.junit.jupiter.api.Test;

import fi.sd.apply.ApplyApi;
import fi.sd.apply.ApplyFixtures;
import fi.sd.apply.ApplyFixtures.PermitApplication;
import fi.sd.apply.domain.Application;
import fi.sd.testsupport.ServiceTestEnvironment;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The lock is the application's own version: a write based on a version that another command has
 * since replaced fails, and applications other than the one written stay free.
 */
@QuarkusTest
@WithTestResource(ServiceTestEnvironment.class)
class OptimisticLockTest {

    @Inject
    EntityManager em;

    @Test
    void aWriteOnAStaleVersionFailsWhileOtherApplicationsAreUnaffected() {
        PermitApplication first = ApplyFixtures.draftWithMember();
        PermitApplication second = ApplyFixtures.draftWithMember();
        ApplyFixtures.completeAndSubmit(first.id(), first.datasetId());
        ApplyFixtures.completeAndSubmit(second.id(), second.datasetId());

        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> {
            Application stale = em.find(Application.class, first.id());
            stale.reviewers.size();
            // Another command commits in between, from its own request and transaction.
            ApplyApi.command(THL, first.id(), "return", Map.of("comment", "More detail")).statusCode(200);
            stale.updatedAt = stale.updatedAt.plusSeconds(1);
            em.flush();
        })).isInstanceOf(OptimisticLockException.class);

        ApplyApi.get(THL, "/api/v1/applications/" + first.id()).statusCode(200).body("state", equalTo("RETURNED"));
        ApplyApi.command(THL, second.id(), "approve").statusCode(200).body("state", equalTo("APPROVED"));
    }
}
