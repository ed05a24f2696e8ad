package fi.sd.platform.repository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.util.Optional;

import org.junit.jupiter.api.Test;

class QueryFilterTest {

    @Test
    void withoutConditionsTheClausesAreEmpty() {
        QueryFilter filter = new QueryFilter().andIfPresent("a.state = :state", "state", Optional.empty());
        assertThat(filter.whereClause()).isEmpty();
        assertThat(filter.andClause()).isEmpty();
        assertThat(filter.parameters()).isEmpty();
    }

    @Test
    void presentFiltersAreJoinedByAndWithTheirParameters() {
        QueryFilter filter = new QueryFilter()
                .and("(a.applicant = :me or a.organisation = :org)").with("me", "aino").with("org", "THL")
                .andIfPresent("a.projectId = :projectId", "projectId", Optional.of("proj-1"))
                .andIfPresent("a.permitId = :permitId", "permitId", Optional.empty())
                .and("a.endedAt is null")
                .and("a.state <> :draft", "draft", "DRAFT");
        assertThat(filter.whereClause())
                .isEqualTo(" where (a.applicant = :me or a.organisation = :org) and a.projectId = :projectId and a.endedAt is null"
                        + " and a.state <> :draft");
        assertThat(filter.andClause()).startsWith(" and (a.applicant").endsWith("a.state <> :draft");
        assertThat(filter.parameters()).containsOnly(entry("me", "aino"), entry("org", "THL"), entry("projectId", "proj-1"),
                entry("draft", "DRAFT"));
    }

    @Test
    void aParameterUsedOutsideTheConditionsAddsNoCondition() {
        QueryFilter filter = new QueryFilter().with("me", "aino");
        assertThat(filter.andClause()).isEmpty();
        assertThat(filter.parameters()).containsEntry("me", "aino");
    }
}
