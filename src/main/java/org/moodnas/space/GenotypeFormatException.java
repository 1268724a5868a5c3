package org.moodnas.space;

/** A genotype (JSON or structure) that is not a valid cell description; the message is one line. */
public class GenotypeFormatException extends IllegalArgumentException {
  public GenotypeFormatException(String message) {
    super(message);
  }
}
