package org.moodnas.data;

/**
 * The labels of a set's images with their indices in it, and no pixels: what is needed to tell
 * which images a split holds ({@link TrainingData#heldOutSamples}) without reading them. Its
 * subsets keep the indices of the set it was made of.
 */
public record SampleIndices(int[] indices, int[] labels, int classes) implements ImageSource {

  /** Every image of a set with these labels, at its own index. */
  public static SampleIndices of(int[] labels, int classes) {
    int[] indices = new int[labels.length];
    for (int i = 0; i < indices.length; i++) {
      indices[i] = i;
    }
    return new SampleIndices(indices, labels, classes);
  }

  @Override
  public int channels() {
    return 0;
  }

  @Override
  public int height() {
    return 0;
  }

  @Override
  public int width() {
    return 0;
  }

  @Override
  public SampleIndices subset(int[] at) {
    int[] idx = new int[at.length];
    int[] lb = new int[at.length];
    for (int i = 0; i < at.length; i++) {
      idx[i] = indices[at[i]];
      lb[i] = labels[at[i]];
    }
    return new SampleIndices(idx, lb, classes);
  }

  @Override
  public ImageStream stream(int[] order, int ahead) {
    throw new UnsupportedOperationException("sample indices hold no pixels");
  }
}
