package org.moodnas.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.moodnas.core.DatasetKind;

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
