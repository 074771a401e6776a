package dev.oficio.jdbc;

import dev.oficio.jobs.Jobs;
import dev.oficio.jobs.JobsContractTest;
import dev.oficio.persistence.TransactionRunner;
import org.junit.jupiter.api.AfterEach;

class H2JobsContractTest extends JobsContractTest {
  private OficioJdbc jdbc;

  @Override
  protected Jobs newJobs() {
    jdbc = H2Databases.fresh();
    return jdbc.jobs();
  }

  @Override
  protected TransactionRunner transactions() {
    return jdbc.transactions();
  }

  @AfterEach
  void dropDatabase() {
    jdbc.close();
  }
}
