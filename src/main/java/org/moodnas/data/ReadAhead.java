package org.moodnas.data;

import java.util.ArrayDeque;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * An {@link ImageStream} over image files: keeps up to {@code ahead} decodes queued or running on
 * the {@link LoaderPool}, in stream order, and hands them out in that order.
 */
final class ReadAhead implements ImageStream {

  private final ImageFiles files;
  private final int[] order;
  private final int ahead;
  private final ArrayDeque<Future<byte[]>> window = new ArrayDeque<>();
  private int submitted;

  ReadAhead(ImageFiles files, int[] order, int ahead) {
    this.files = files;
    this.order = order;
    this.ahead = Math.max(1, ahead);
    fill();
  }

  private void fill() {
    while (window.size() < ahead && submitted < order.length) {
      int image = order[submitted++];
      window.add(LoaderPool.submit(() -> files.decode(image)));
    }
  }

  @Override
  public Pixels next() {
    Future<byte[]> head = window.poll();
    if (head == null) {
      throw new IllegalStateException("no more images in this stream");
    }
    fill();
    try {
      return new Pixels(head.get(), 0);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      close();
      throw new CancellationException("interrupted while reading images");
    } catch (ExecutionException e) {
      if (e.getCause() instanceof DatasetFormatException d) {
        throw d;
      }
      throw new IllegalStateException("decoding an image failed: " + e.getCause(), e.getCause());
    }
  }

  @Override
  public void close() {
    window.forEach(f -> f.cancel(false));
    window.clear();
    submitted = order.length;
  }
}
