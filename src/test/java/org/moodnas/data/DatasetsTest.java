package org.moodnas.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.moodnas.core.DatasetKind;
import org.moodnas.testing.TinyImageNet;

class DatasetsTest {

  @Test
  void realFashionMnistLoadsFromTheDefaultPath() {
    Dataset d = Datasets.load(DatasetKind.FASHION_MNIST, null);

    assertThat(d.name()).isEqualTo("fashion-mnist");
    assertThat(d.train().size()).isEqualTo(60000);
    assertThat(d.test().size()).isEqualTo(10000);
    assertThat(d.classes()).isEqualTo(10);
    assertThat(new int[] {d.train().channels(), d.train().height(), d.train().width()})
        .containsExactly(1, 28, 28);
    int[] perClass = new int[10];
    Arrays.stream(d.train().labels()).forEach(l -> perClass[l]++);
    assertThat(perClass).containsOnly(6000);
    int[] perClassTest = new int[10];
    Arrays.stream(d.test().labels()).forEach(l -> perClassTest[l]++);
    assertThat(perClassTest).containsOnly(1000);
    assertThat(d.normalization().mean()[0]).isCloseTo(0.286f, within(0.001f));
    assertThat(d.normalization().std()[0]).isCloseTo(0.353f, within(0.001f));
  }

  @Test
  void cifarUsesDartsStatistics(@TempDir Path dir) throws Exception {
    byte[] record = TestFiles.cifarRecords(new int[][] {{4}}, new byte[][] {new byte[3072]});
    for (String f :
        new String[] {
          "data_batch_1.bin",
          "data_batch_2.bin",
          "data_batch_3.bin",
          "data_batch_4.bin",
          "data_batch_5.bin",
          "test_batch.bin"
        }) {
      TestFiles.write(dir.resolve(f), record);
    }
    Dataset d = Datasets.load(DatasetKind.byName("CIFAR10"), dir.toUri().toString());
    assertThat(d.normalization()).isSameAs(Normalization.CIFAR);
    assertThat(d.train().size()).isEqualTo(5);
    assertThat(d.test().labels()).containsExactly(4);
    assertThat(d.name()).isEqualTo("cifar10");
  }

  @Test
  void imageNetUsesThePublishedStatistics() {
    Dataset d = Datasets.load(DatasetKind.IMAGENET, TinyImageNet.path());
    assertThat(d.normalization()).isSameAs(Normalization.IMAGENET);
    assertThat(d.normalization().mean()).containsExactly(0.485f, 0.456f, 0.406f);
    assertThat(d.normalization().std()).containsExactly(0.229f, 0.224f, 0.225f);
    assertThat(d.train().size()).isEqualTo(TinyImageNet.TRAIN_FILES);
    assertThat(d.test().size()).isEqualTo(TinyImageNet.CLASSES);
    // the network sees the centre 224 of the stored 256 (Resize(256) + CenterCrop(256)) images
    DataFeed feed = DataFeed.of(DatasetKind.IMAGENET, d.normalization(), 0);
    assertThat(feed.evalTransform()).isEqualTo(ImageNetAugmentation.evaluation());
    assertThat(feed.imageSize(d.test())).isEqualTo(224);
    assertThat(d.test().height()).isEqualTo(256);
  }

  @Test
  void kindsByNameWithAClearError() {
    assertThat(DatasetKind.byName("fashion-mnist")).isEqualTo(DatasetKind.FASHION_MNIST);
    assertThat(DatasetKind.byName("cifar100")).isEqualTo(DatasetKind.CIFAR100);
    assertThat(DatasetKind.byName("ImageNet")).isEqualTo(DatasetKind.IMAGENET);
    assertThat(DatasetKind.FASHION_MNIST.defaultPath())
        .contains("/usr/share/datasets/fashion-mnist");
    assertThat(DatasetKind.CIFAR10.defaultPath()).isEmpty();
    assertThatThrownBy(() -> DatasetKind.byName("mnist"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unknown dataset 'mnist'; known: fashion-mnist, cifar10, cifar100, imagenet");
    assertThatThrownBy(() -> Datasets.load(DatasetKind.CIFAR100, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("dataset cifar100 needs a path");
  }
}
