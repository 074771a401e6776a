package dev.oficio.persistence;

import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

final class InMemoryTransactionRunner implements TransactionRunner {
  private final ReentrantLock lock = new ReentrantLock();

  @Override
  public <T> T inTransaction(Supplier<T> work) {
    lock.lock();
    try {
      return work.get();
    } finally {
      lock.unlock();
    }
  }
}
