package io.openoms.application.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openoms.application.testing.Await;
import io.openoms.domain.port.in.OmsEvent;
import io.openoms.domain.port.in.OmsEvent.Alert;
import io.openoms.domain.port.in.OmsEventListener;
import io.openoms.domain.port.in.Subscription;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EventBusTest {
    private final CountDownLatch release = new CountDownLatch(1);
    private EventBus bus = new EventBus(EventBusConfig.DEFAULT);

    @AfterEach
    void closeBus() {
        release.countDown();
        bus.close();
    }

    @Test
    void every_listener_gets_every_event_once_in_publish_order() {
        List<OmsEvent> first = new CopyOnWriteArrayList<>();
        List<OmsEvent> second = new CopyOnWriteArrayList<>();
        bus.subscribe(first::add);
        bus.subscribe(second::add);
        List<OmsEvent> published = new ArrayList<>();

        for (int batch = 0; batch < 100; batch++) {
            List<OmsEvent> events = events(published.size(), batch % 7);
            bus.publish(events);
            published.addAll(events);
        }

        awaitSize(first, published.size());
        awaitSize(second, published.size());
        assertThat(first).containsExactlyElementsOf(published);
        assertThat(second).containsExactlyElementsOf(published);
    }

    @Test
    void listeners_see_the_same_order_when_several_threads_publish() throws Exception {
        List<OmsEvent> first = new CopyOnWriteArrayList<>();
        List<OmsEvent> second = new CopyOnWriteArrayList<>();
        bus.subscribe(first::add);
        bus.subscribe(second::add);

        CompletableFuture<?>[] publishers = IntStream.range(0, 4)
                .mapToObj(publisher -> CompletableFuture.runAsync(() -> {
                    for (int i = 0; i < 250; i++) {
                        bus.publish(List.of(event(publisher * 1000 + i)));
                    }
                }))
                .toArray(CompletableFuture[]::new);
        CompletableFuture.allOf(publishers).get(10, TimeUnit.SECONDS);

        awaitSize(first, 1000);
        awaitSize(second, 1000);
        assertThat(first).containsExactlyElementsOf(second).doesNotHaveDuplicates();
    }

    @Test
    void a_listener_only_gets_events_published_after_it_subscribed() {
        List<OmsEvent> early = new CopyOnWriteArrayList<>();
        bus.subscribe(early::add);
        bus.publish(events(0, 2));
        List<OmsEvent> late = new CopyOnWriteArrayList<>();
        bus.subscribe(late::add);

        bus.publish(events(2, 1));

        awaitSize(early, 3);
        awaitSize(late, 1);
        assertThat(late).containsExactly(event(2));
    }

    @Test
    void a_slow_listener_does_not_delay_the_others() {
        List<OmsEvent> slow = new CopyOnWriteArrayList<>();
        List<OmsEvent> fast = new CopyOnWriteArrayList<>();
        bus.subscribe(blockingUntilReleased(slow));
        bus.subscribe(fast::add);

        bus.publish(events(0, 5));

        awaitSize(fast, 5);
        assertThat(slow).isEmpty();
        release.countDown();
        awaitSize(slow, 5);
        assertThat(slow).containsExactlyElementsOf(fast);
    }

    @Test
    void a_listener_that_throws_keeps_receiving_later_events() {
        List<OmsEvent> seen = new CopyOnWriteArrayList<>();
        bus.subscribe(event -> {
            seen.add(event);
            if (seen.size() % 2 == 1) {
                throw new IllegalStateException("listener bug");
            }
        });

        bus.publish(events(0, 3));
        bus.publish(events(3, 2));

        awaitSize(seen, 5);
        assertThat(seen).containsExactlyElementsOf(events(0, 5));
    }

    @Test
    void a_closed_subscription_gets_nothing_after_the_event_being_delivered() {
        List<OmsEvent> closing = new CopyOnWriteArrayList<>();
        List<OmsEvent> staying = new CopyOnWriteArrayList<>();
        Subscription subscription = bus.subscribe(blockingUntilReleased(closing));
        bus.subscribe(staying::add);
        bus.publish(events(0, 3));
        awaitSize(staying, 3);

        subscription.close();
        bus.publish(events(3, 2));
        release.countDown();
        awaitSize(staying, 5);

        // Event 0 was being delivered when the subscription closed; 1 and 2 were queued.
        awaitSize(closing, 1);
        assertThat(closing).containsExactly(event(0));
    }

    @Test
    void closing_the_bus_delivers_what_was_already_published() {
        List<OmsEvent> seen = new CopyOnWriteArrayList<>();
        bus.subscribe(blockingUntilReleased(seen));
        bus.publish(events(0, 3));

        release.countDown();
        bus.close();

        assertThat(seen).containsExactlyElementsOf(events(0, 3));
    }

    @Test
    void closing_the_bus_gives_up_on_a_stuck_listener_after_the_timeout() throws Exception {
        bus = new EventBus(new EventBusConfig(10, Duration.ofMillis(50)));
        List<OmsEvent> seen = new CopyOnWriteArrayList<>();
        bus.subscribe(blockingUntilReleased(seen));
        bus.publish(events(0, 2));

        CompletableFuture.runAsync(bus::close).get(10, TimeUnit.SECONDS);

        assertThat(seen).hasSizeLessThan(2);
    }

    @Test
    void after_close_events_are_dropped_and_subscribing_fails() {
        List<OmsEvent> seen = new CopyOnWriteArrayList<>();
        bus.subscribe(seen::add);
        bus.close();

        bus.publish(events(0, 1));

        assertThat(seen).isEmpty();
        assertThatThrownBy(() -> bus.subscribe(event -> {})).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void a_listener_too_far_behind_is_cut_off_and_told_so_while_the_others_carry_on() {
        bus = new EventBus(new EventBusConfig(2, Duration.ofSeconds(5)));
        List<OmsEvent> slow = new CopyOnWriteArrayList<>();
        List<OmsEvent> fast = new CopyOnWriteArrayList<>();
        bus.subscribe(blockingUntilReleased(slow));
        bus.subscribe(fast::add);

        for (int i = 0; i < 4; i++) {
            bus.publish(List.of(event(i)));
            // Keeps the fast listener from ever being two behind, whatever the scheduler does.
            awaitSize(fast, i + 1);
        }
        release.countDown();
        awaitSize(slow, 3);
        bus.publish(events(4, 1));
        awaitSize(fast, 5);
        bus.close();

        assertThat(slow).hasSize(3).startsWith(event(0), event(1));
        assertThat(slow.get(2)).isInstanceOfSatisfying(Alert.class, alert -> assertThat(alert.message())
                .contains("fell more than 2 events behind"));
    }

    private OmsEventListener blockingUntilReleased(List<OmsEvent> seen) {
        return event -> {
            try {
                if (!release.await(10, TimeUnit.SECONDS)) {
                    throw new AssertionError("never released");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            seen.add(event);
        };
    }

    private static void awaitSize(List<OmsEvent> events, int size) {
        Await.until(size + " events", () -> events.size() >= size);
        assertThat(events).hasSize(size);
    }

    private static List<OmsEvent> events(int from, int count) {
        return IntStream.range(from, from + count).mapToObj(EventBusTest::event).toList();
    }

    private static OmsEvent event(int number) {
        return new Alert("test", "event " + number, Optional.empty());
    }
}
