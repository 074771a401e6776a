package dev.oficio.jobs;

class InMemoryJobsTest extends JobsContractTest {
  @Override
  protected Jobs newJobs() {
    return new InMemoryJobs();
  }
}
