package org.moodnas.space;

import java.util.List;

/** A genotype name the registry does not hold; the message names the closest known names. */
public class UnknownGenotypeException extends IllegalArgumentException {
  public UnknownGenotypeException(String name, List<String> closest) {
    super("unknown genotype '" + name + "'; closest known: " + String.join(", ", closest));
  }
}
