package org.moodnas.core;

/**
 * Why a search trial ran: an initial weight (no gap), or the bisection of the gap of the front
 * between the members of ν {@code gapFromNu} and {@code gapToNu}; {@code speculative} when one end
 * of that gap was a trial still in flight, standing at its assumed position.
 */
public record TrialAim(boolean speculative, Double gapFromNu, Double gapToNu) {

  /** An initial weight, or a trial recorded without its aim. */
  public static final TrialAim INITIAL = new TrialAim(false, null, null);

  /** "initial weight", or "gap ν a – b" with "speculative, " before it when it was. */
  public String describe() {
    if (gapFromNu == null) {
      return "initial weight";
    }
    return (speculative ? "speculative, " : "")
        + String.format(java.util.Locale.ROOT, "gap ν %.6g – %.6g", gapFromNu, gapToNu);
  }
}
