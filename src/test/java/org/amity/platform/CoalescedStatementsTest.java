package org.amity.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A broken hand-over shows as a hang, so every test has a time limit. */
@Timeout(60)
class CoalescedStatementsTest {

    /**
     * A "database" whose every read is one tick of a clock: the answer for key k is (tick of the read start) * 1000 + k.
     * Each caller notes the clock before it calls; its answer must come from a read that started after that.
     */
    @Test
    void everyCallerGetsItsOwnKeyFromAReadThatStartedAfterItsCallAndConcurrentCallersShareReads() throws Exception {
        AtomicLong clock = new AtomicLong();
        AtomicInteger reads = new AtomicInteger();
        CoalescedStatements<Integer, Long> coalesced = new CoalescedStatements<>(keys -> {
            long tick = clock.incrementAndGet();
            reads.incrementAndGet();
            sleepQuietly(1); // a round trip
            Map<Integer, Long> answers = new HashMap<>();
            keys.forEach(k -> answers.put(k, tick * 1000 + k));
            return answers;
        });
        int threads = 16;
        int callsEach = 300;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> results = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int key = t;
            results.add(pool.submit(() -> {
                start.await();
                for (int i = 0; i < callsEach; i++) {
                    long before = clock.get();
                    long answer = coalesced.get(key);
                    assertThat(answer % 1000).as("its own key").isEqualTo(key);
                    assertThat(answer / 1000).as("a read that started after the call").isGreaterThan(before);
                }
                return callsEach;
            }));
        }
        start.countDown();
        int calls = 0;
        for (Future<Integer> r : results) {
            calls += r.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();
        assertThat(calls).isEqualTo(threads * callsEach);
        assertThat(reads.get()).as("concurrent callers share reads").isLessThan(calls / 2);
    }

    @Test
    void aFailedReadFailsItsCallersAndTheNextReadIsMadeAfresh() {
        AtomicInteger reads = new AtomicInteger();
        CoalescedStatements<String, String> coalesced = new CoalescedStatements<>(keys -> {
            if (reads.incrementAndGet() == 1) {
                throw new IllegalStateException("connection lost");
            }
            return Map.of("a", "A");
        });
        assertThatThrownBy(() -> coalesced.get("a")).isInstanceOf(IllegalStateException.class).hasMessage("connection lost");
        assertThat(coalesced.get("a")).isEqualTo("A");
        assertThat(coalesced.get("missing")).isNull();
        assertThat(reads.get()).isEqualTo(3);
    }

    @Test
    void aLoneCallerReadsAtOnceWithJustItsKey() {
        List<Set<String>> seen = new ArrayList<>();
        CoalescedStatements<String, Integer> coalesced = new CoalescedStatements<>(keys -> {
            seen.add(Set.copyOf(keys));
            return Map.of("x", 1);
        });
        assertThat(coalesced.get("x")).isEqualTo(1);
        assertThat(seen).containsExactly(Set.of("x"));
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
