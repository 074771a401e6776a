package dev.oficio.jdbc;

import dev.oficio.shared.OficioException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings Oficio's schema up to date with Flyway. Scripts live under {@code db/oficio/migration}:
 * {@code common/} for both databases and one vendor folder per database for what must differ. The
 * folder is deliberately not under {@code db/migration}: a host's own Flyway scans that location
 * recursively and would otherwise apply Oficio's scripts into the host's schema history.
 */
final class Migrations {
  static final String HISTORY_TABLE = "oficio_schema_history";
  private static final Logger LOG = LoggerFactory.getLogger(Migrations.class);

  private Migrations() {}

  static void migrate(DataSource dataSource, Dialect dialect, String schema) {
    try {
      MigrateResult result =
          Flyway.configure(Migrations.class.getClassLoader())
              .dataSource(dataSource)
              .schemas(schema)
              .defaultSchema(schema)
              .createSchemas(true)
              .table(HISTORY_TABLE)
              .locations(
                  "classpath:db/oficio/migration/common",
                  "classpath:db/oficio/migration/" + dialect.migrationFolder())
              .failOnMissingLocations(false)
              .load()
              .migrate();
      LOG.info(
          "Oficio schema {} on {}: {} migration(s) applied, now at version {}",
          schema,
          dialect,
          result.migrationsExecuted,
          result.targetSchemaVersion == null
              ? result.initialSchemaVersion
              : result.targetSchemaVersion);
    } catch (FlywayException e) {
      throw new OficioException(
          "migrating Oficio schema " + schema + " failed: " + e.getMessage(), e);
    }
  }
}
