package dev.oficio.persistence;

class InMemoryTimersTest extends TimersContractTest {
  @Override
  protected Timers newTimers() {
    return new InMemoryTimers();
  }
}
