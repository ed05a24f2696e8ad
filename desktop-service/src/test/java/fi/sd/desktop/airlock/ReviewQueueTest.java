package fi.sd.desktop.airlock;

import static fi.sd.desktop.airlock.Airlock.AINO;
import static fi.sd.desktop.airlock.Airlock.AUTHORITY;
import static fi.sd.desktop.airlock.Airlock.DESK;
import static fi.sd.desktop.airlock.Airlock.decide;
import static fi.sd.desktop.airlock.Airlock.get;
import static fi.sd.desktop.airlock.Airlock.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import fi.sd.desktop.WorkspaceApi;
import fi.sd.testsupport.ServiceTestEnvironment;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The reviewers' queues: requests of every workspace by state, oldest first, for reviewers and oversight only. */
@QuarkusTest
@WithTestResource(ServiceTestEnvironment.class)
class ReviewQueueTest {

    @Test
    void reviewersSeeThePendingExportsOfEveryWorkspaceOldestFirst() {
        Airlock.Opened first = Airlock.open();
        Airlock.Opened second = Airlock.open();
        String older = Airlock.submitExport(first, Airlock.lowRiskExport("Results/a.csv"));
        String newer = Airlock.submitExport(second, Airlock.highRiskExport("Results/b.csv"));
        String decided = Airlock.submitExport(first, Airlock.lowRiskExport("Results/c.csv"));
        decide(DESK, "exports", decided, "approve").statusCode(200);

        for (String reviewer : List.of(DESK, AUTHORITY, WorkspaceApi.AUDITOR)) {
            List<String> pending = get(reviewer, "/api/v1/exports?status=SUBMITTED&status=in_review&size=200").statusCode(200)
                    .header("X-Total-Count", notNullValue()).extract().path("id");
            assertThat(pending).contains(older, newer).doesNotContain(decided);
            assertThat(pending.indexOf(older)).isLessThan(pending.indexOf(newer));
        }
        get(DESK, "/api/v1/exports?status=APPROVED&size=200").statusCode(200).body("id", hasItem(decided));
        get(DESK, "/api/v1/exports?size=1").statusCode(200).header("Link", notNullValue());
        get(DESK, "/api/v1/exports?status=LOST").statusCode(400).body("errors.field", hasItem("status"));
        get(AINO, "/api/v1/exports").statusCode(403);
    }

    @Test
    void theServiceDeskSeesThePendingImportsOfEveryWorkspace() {
        Airlock.Opened workspace = Airlock.open();
        String id = post(AINO, "/api/v1/workspaces/" + workspace.workspaceId() + "/imports",
                Map.of("kind", "SOFTWARE", "description", "R package lme4 1.1-35")).statusCode(201).extract().path("id");

        get(DESK, "/api/v1/imports?status=SUBMITTED&status=APPROVED&size=200").statusCode(200).body("id", hasItem(id));
        get(WorkspaceApi.AUDITOR, "/api/v1/imports?size=200").statusCode(200).body("id", hasItem(id));
        decide(DESK, "imports", id, "approve").statusCode(200);
        List<String> submitted = get(DESK, "/api/v1/imports?status=SUBMITTED&size=200").statusCode(200).extract().path("id");
        assertThat(submitted).doesNotContain(id);
        get(AUTHORITY, "/api/v1/imports").statusCode(403);
        get(AINO, "/api/v1/imports").statusCode(403);
    }
}
