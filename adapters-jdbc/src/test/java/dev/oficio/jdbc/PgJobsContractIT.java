package dev.oficio.jdbc;

import dev.oficio.jobs.Jobs;
import dev.oficio.jobs.JobsContractTest;
import dev.oficio.persistence.TransactionRunner;
import org.junit.jupiter.api.extension.RegisterExtension;

class PgJobsContractIT extends JobsContractTest {
  @RegisterExtension static final PostgresDatabase PG = new PostgresDatabase();

  @Override
  protected Jobs newJobs() {
    return PG.fresh().jobs();
  }

  @Override
  protected TransactionRunner transactions() {
    return PG.jdbc().transactions();
  }
}
