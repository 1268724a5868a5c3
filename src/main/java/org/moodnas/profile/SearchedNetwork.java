package org.moodnas.profile;

import org.moodnas.core.DatasetKind;
import org.moodnas.core.EvaluationSetting;
import org.moodnas.core.NetworkKind;
import org.moodnas.nn.eval.NetworkSpec;
import org.moodnas.space.Genotype;

/**
 * The evaluation network, without auxiliary head, that a genotype searched on a dataset is costed
 * at: its {@link EvaluationSetting}. Its parameters / 1e6 are the trial's published model size.
 */
public final class SearchedNetwork {

  private SearchedNetwork() {}

  /** On the family's standard input (3×32×32 for the CIFAR stem, 3×224×224 for ImageNet's). */
  public static NetworkSpec of(Genotype genotype, DatasetKind dataset) {
    EvaluationSetting s = EvaluationSetting.of(dataset);
    return s.network() == NetworkKind.IMAGENET
        ? NetworkSpec.imagenet(genotype, s.initChannels(), s.layers(), s.classes(), false)
        : NetworkSpec.cifar(genotype, s.initChannels(), s.layers(), s.classes(), false);
  }

  /**
   * On the searched images' input for the CIFAR stem (Fashion-MNIST: 1×28×28), as a search sizes
   * its genotype; ImageNet's network always takes 3×224×224.
   */
  public static NetworkSpec of(Genotype genotype, DatasetKind dataset, int channels, int size) {
    NetworkSpec spec = of(genotype, dataset);
    return spec.kind() == NetworkSpec.Kind.IMAGENET ? spec : spec.withInput(channels, size);
  }
}
