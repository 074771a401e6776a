package dev.oficio.reliability;

import dev.oficio.shared.Money;
import dev.oficio.shared.NotFoundException;
import dev.oficio.shared.ProId;
import dev.oficio.shared.ValidationException;
import java.util.ArrayList;
import java.util.List;

/**
 * The result of {@link Ranker#rank}: the first pros in order, and {@link #explain} for any
 * candidate. Immutable and thread-safe.
 */
public final class Ranking {
  private final Ranker ranker;
  private final Ranker.Candidate[] candidates;
  private final double[] totals;
  private final int[] best;
  private final Money referencePrice;

  Ranking(
      Ranker ranker,
      Ranker.Candidate[] candidates,
      double[] totals,
      int[] best,
      Money referencePrice) {
    this.ranker = ranker;
    this.candidates = candidates;
    this.totals = totals;
    this.best = best;
    this.referencePrice = referencePrice;
  }

  /** How many candidates were ranked. */
  public int candidateCount() {
    return candidates.length;
  }

  /** The first pros (at most the {@code top} asked for), best first, with their parts. */
  public List<Ranker.RankedPro> top() {
    List<Ranker.RankedPro> list = new ArrayList<>(best.length);
    for (int p = 0; p < best.length; p++) {
      list.add(ranked(p + 1, best[p]));
    }
    return List.copyOf(list);
  }

  /** The pros in order, without parts. */
  public List<ProId> order() {
    List<ProId> list = new ArrayList<>(best.length);
    for (int i : best) {
      list.add(candidates[i].pro());
    }
    return List.copyOf(list);
  }

  /**
   * {@code pro}'s position among all candidates and the parts of its total. O(n).
   *
   * @throws NotFoundException if {@code pro} was not a candidate
   */
  public Ranker.RankedPro explain(ProId pro) {
    if (pro == null) {
      throw ValidationException.of("pro", "must not be null");
    }
    for (int i = 0; i < candidates.length; i++) {
      if (candidates[i].pro().equals(pro)) {
        int ahead = 0;
        for (int j = 0; j < candidates.length; j++) {
          if (j != i && Ranker.before(candidates, totals, j, i)) {
            ahead++;
          }
        }
        return ranked(ahead + 1, i);
      }
    }
    throw new NotFoundException("candidate", pro.value());
  }

  private Ranker.RankedPro ranked(int position, int i) {
    return new Ranker.RankedPro(
        position, candidates[i].pro(), totals[i], ranker.parts(candidates[i], referencePrice));
  }
}
