package org.moodnas.data;

/**
 * A loaded dataset: its training images, its test images (ImageNet's val) and the normalization
 * every image is put through before the network sees it.
 */
public record Dataset(
    String name, ImageSource train, ImageSource test, Normalization normalization) {

  public Dataset {
    if (train.classes() != test.classes()
        || train.channels() != test.channels()
        || train.height() != test.height()
        || train.width() != test.width()) {
      throw new IllegalArgumentException(
          name + ": train and test differ in shape or number of classes");
    }
    if (normalization.mean().length != train.channels()
        || normalization.std().length != train.channels()) {
      throw new IllegalArgumentException(
          name + ": normalization has not one mean and std per channel");
    }
  }

  public int classes() {
    return train.classes();
  }
}
