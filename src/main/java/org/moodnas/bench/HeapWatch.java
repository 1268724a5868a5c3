package org.moodnas.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.management.ListenerNotFoundException;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * This JVM's heap while something runs: the sum of the heap pools' peak usage since {@link #start}
 * (an upper bound: the young pools' peaks follow the collector's sizing more than the data), and
 * the largest heap in use right after a collection (what was still reachable: the figure that grows
 * when data is held).
 */
public final class HeapWatch implements AutoCloseable {

  private final List<NotificationEmitter> emitters = new ArrayList<>();
  private final NotificationListener listener = (n, h) -> afterGc(n.getUserData());
  private final Set<String> heapPools = new HashSet<>();
  private volatile long liveAfterGc;

  private HeapWatch() {}

  /** Collects, resets the pools' peaks and watches every collection from now on. */
  public static HeapWatch start() {
    System.gc();
    HeapWatch w = new HeapWatch();
    for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
      if (p.getType() == MemoryType.HEAP) {
        p.resetPeakUsage();
        w.heapPools.add(p.getName());
      }
    }
    for (var gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      if (gc instanceof NotificationEmitter e) {
        e.addNotificationListener(w.listener, null, null);
        w.emitters.add(e);
      }
    }
    return w;
  }

  private void afterGc(Object data) {
    if (!(data instanceof CompositeData cd)) {
      return;
    }
    long used = 0;
    for (var e :
        GarbageCollectionNotificationInfo.from(cd).getGcInfo().getMemoryUsageAfterGc().entrySet()) {
      if (heapPools.contains(e.getKey())) {
        used += e.getValue().getUsed();
      }
    }
    synchronized (this) {
      liveAfterGc = Math.max(liveAfterGc, used);
    }
  }

  /** The sum of the heap pools' peak usage since the start, in MB. */
  public double peakMb() {
    long sum = 0;
    for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
      if (p.getType() == MemoryType.HEAP) {
        sum += p.getPeakUsage().getUsed();
      }
    }
    return sum / 1e6;
  }

  /** The largest memory in use right after any collection since the start, in MB. */
  public double liveAfterGcMb() {
    return liveAfterGc / 1e6;
  }

  @Override
  public void close() {
    for (NotificationEmitter e : emitters) {
      try {
        e.removeNotificationListener(listener);
      } catch (ListenerNotFoundException ignored) {
        // never added: nothing to remove
      }
    }
  }
}
