package org.moodnas.spark.ml;

import ai.djl.ndarray.NDManager;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.moodnas.core.DatasetKind;
import org.moodnas.core.DeviceSpec;
import org.moodnas.data.DataFeed;
import org.moodnas.data.ImageBytes;
import org.moodnas.nn.eval.EvalNetwork;
import org.moodnas.nn.eval.NetworkSpec;
import org.moodnas.train.Devices;
import org.moodnas.train.EvalCheckpoint;

/**
 * The networks loaded in this JVM, by checkpoint and device: an executor loads each once, and its
 * tasks share it (inference changes no state of the network). They stay loaded for the JVM's life.
 */
final class LoadedNetworks {

  /**
   * A loaded network and how its inputs are made at test time: the side and channels of the stored
   * images it is fed (an image folder's 256×256, whose centre the ImageNet evaluation crops; the
   * network's own input otherwise) and the dataset's evaluation transform with the normalization
   * the checkpoint recorded.
   */
  record Network(EvalCheckpoint checkpoint, EvalNetwork network, NDManager manager, DataFeed feed) {

    int channels() {
      return checkpoint.spec().inputChannels();
    }

    int storedSize() {
      return checkpoint.spec().kind() == NetworkSpec.Kind.IMAGENET
          ? ImageBytes.FOLDER_SIZE
          : checkpoint.spec().imageSize();
    }

    int classes() {
      return checkpoint.spec().classes();
    }
  }

  private static final Map<String, Network> LOADED = new ConcurrentHashMap<>();

  private LoadedNetworks() {}

  static Network get(String checkpoint, DeviceSpec device) {
    return LOADED.computeIfAbsent(checkpoint + "\n" + device, k -> load(checkpoint, device));
  }

  private static Network load(String checkpoint, DeviceSpec device) {
    NDManager manager = NDManager.newBaseManager(Devices.of(device));
    try {
      EvalCheckpoint.Loaded l = EvalCheckpoint.load(checkpoint, manager);
      // The evaluation transform of the network's family: ImageNet's centre crop, else none
      // (every other dataset's test images are fed as they are, normalized).
      DatasetKind family =
          l.checkpoint().spec().kind() == NetworkSpec.Kind.IMAGENET
              ? DatasetKind.IMAGENET
              : DatasetKind.CIFAR10;
      DataFeed feed = DataFeed.of(family, l.checkpoint().normalization(), 0);
      return new Network(l.checkpoint(), l.network(), manager, feed);
    } catch (RuntimeException e) {
      manager.close();
      throw e;
    }
  }
}
