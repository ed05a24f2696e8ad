package fi.sd.platform.repository;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.persistence.Query;

/**
 * The conditions of a JPQL query built from optional filters, joined by {@code and}, with their
 * named parameters. An absent filter adds nothing, so that each filter of a list is one line:
 *
 * <pre>{@code
 * QueryFilter filter = new QueryFilter()
 *         .andIfPresent("w.status = :status", "status", status)
 *         .andIfPresent("w.projectId = :projectId", "projectId", projectId);
 * Workspace.find("from Workspace w" + filter.whereClause(), sort, filter.parameters());
 * }</pre>
 */
public final class QueryFilter {

    private final List<String> conditions = new ArrayList<>();
    private final Map<String, Object> parameters = new LinkedHashMap<>();

    /** A condition that needs no parameter, or whose parameters are given with {@link #with}. */
    public QueryFilter and(String condition) {
        conditions.add(condition);
        return this;
    }

    /** A condition on one named parameter. */
    public QueryFilter and(String condition, String parameter, Object value) {
        return and(condition).with(parameter, value);
    }

    /** The condition when {@code value} is present; nothing when it is empty. */
    public QueryFilter andIfPresent(String condition, String parameter, Optional<?> value) {
        return value.isPresent() ? and(condition, parameter, value.get()) : this;
    }

    /** A parameter that the query uses outside the conditions (in a join, say), or that a condition of {@link #and(String)} names. */
    public QueryFilter with(String parameter, Object value) {
        parameters.put(parameter, value);
        return this;
    }

    /** {@code " where a and b"}, or nothing without conditions. */
    public String whereClause() {
        return conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
    }

    /** {@code " and a and b"}, to follow a where clause of the query's own; nothing without conditions. */
    public String andClause() {
        return conditions.isEmpty() ? "" : " and " + String.join(" and ", conditions);
    }

    /** The named parameters, for Panache's {@code find(query, parameters)}. */
    public Map<String, Object> parameters() {
        return Collections.unmodifiableMap(parameters);
    }

    /** Sets the parameters on a query made with this filter's clause. */
    public <Q extends Query> Q bind(Q query) {
        parameters.forEach(query::setParameter);
        return query;
    }
}
