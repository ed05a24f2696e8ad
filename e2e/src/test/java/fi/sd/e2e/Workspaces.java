package fi.sd.e2e;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Counts desktop-service's workspaces in its database: what "none twice" is checked against. */
public final class Workspaces {

    private Workspaces() {
    }

    /** The number of workspace rows and of distinct permits among them, for the projects starting with {@code projectPrefix}. */
    public static Count count(E2eSystem system, String projectPrefix) throws SQLException {
        try (Connection connection = system.database(E2eSystem.DESKTOP);
                PreparedStatement statement = connection.prepareStatement(
                        "SELECT count(*), count(DISTINCT permit_id) FROM workspace WHERE project_id LIKE ?")) {
            statement.setString(1, projectPrefix + "%");
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return new Count(result.getLong(1), result.getLong(2));
            }
        }
    }

    /** The dataset mounts in the workspaces of the projects starting with {@code projectPrefix}. */
    public static long mounts(E2eSystem system, String projectPrefix) throws SQLException {
        try (Connection connection = system.database(E2eSystem.DESKTOP);
                PreparedStatement statement = connection.prepareStatement("SELECT count(*) FROM dataset_mount m "
                        + "JOIN workspace w ON w.permit_id = m.permit_id WHERE w.project_id LIKE ?")) {
            statement.setString(1, projectPrefix + "%");
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }

    public record Count(long rows, long permits) {
    }
}
