package org.moodnas.data;

/**
 * A dataset file that is missing, unreadable or not in its declared format. The message is one
 * line: the file, a colon, and what is wrong with it.
 */
public class DatasetFormatException extends IllegalArgumentException {

  private final String file;

  public DatasetFormatException(String file, String problem) {
    super(file + ": " + problem);
    this.file = file;
  }

  public DatasetFormatException(String file, String problem, Throwable cause) {
    super(file + ": " + problem, cause);
    this.file = file;
  }

  /** The file (or folder) the problem is about, as it was given. */
  public String file() {
    return file;
  }
}
