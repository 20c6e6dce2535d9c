package io.kubeclient.rest;

import java.time.Duration;

/** TEMPORARY stand-in for {@code io.kubeclient.flowcontrol.Sleeper} until flowwatch lands. */
@FunctionalInterface
interface Sleeper {
    void sleep(Duration duration) throws InterruptedException;

    static Sleeper system() {
        return d -> {
            if (!d.isNegative() && !d.isZero()) {
                Thread.sleep(d.toMillis(), (int) (d.toNanos() % 1_000_000));
            } else if (Thread.interrupted()) {
                throw new InterruptedException();
            }
        };
    }
}
