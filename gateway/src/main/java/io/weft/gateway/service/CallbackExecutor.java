package io.weft.gateway.service;

import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The executor every async callback of the gateway runs on. On 2 cores a CompletableFuture callback
 * without an executor starts a thread each time (DESIGN.md, "Callbacks on 2 cores"); these threads
 * are made once.
 */
@Singleton
public class CallbackExecutor implements Executor {

    public static final int THREADS = 4;

    private final ExecutorService threads;

    public CallbackExecutor() {
        AtomicInteger count = new AtomicInteger();
        this.threads = Executors.newFixedThreadPool(THREADS, runnable -> {
            Thread thread = new Thread(runnable, "weft-gateway-callback-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    public void execute(Runnable command) {
        threads.execute(command);
    }

    @PreDestroy
    void stop() {
        threads.shutdownNow();
    }
}
