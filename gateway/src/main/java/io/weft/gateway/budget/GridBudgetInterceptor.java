package io.weft.gateway.budget;

import io.micronaut.aop.InterceptorBean;
import io.micronaut.aop.MethodInterceptor;
import io.micronaut.aop.MethodInvocationContext;
import io.weft.gateway.config.WeftProperties;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs each {@link GridBudget} call on a thread of its own and waits for it at most
 * {@code WEFT_GRID_TIMEOUT}. Hazelcast's blocking calls cannot be given a deadline one by one, and
 * most ignore an interrupt (a {@code FencedLock.lock()} waits for ever), so the wait is bounded here,
 * around them: past the budget the request is answered with a {@link GridTimeoutException} while the
 * call it left goes on in the background and ends when the grid answers (it may still take effect).
 *
 * <p>A call made from inside a budgeted call (one service calling another) runs on the same thread
 * within the budget already running. A budget of zero turns it off: calls run on the caller's thread
 * and wait as long as the grid takes.
 */
@Singleton
@InterceptorBean(GridBudget.class)
public class GridBudgetInterceptor implements MethodInterceptor<Object, Object> {

    private static final Logger LOG = LoggerFactory.getLogger(GridBudgetInterceptor.class);
    private static final ThreadLocal<Boolean> WITHIN = new ThreadLocal<>();

    private final Duration budget;
    private final ExecutorService calls;

    public GridBudgetInterceptor(WeftProperties properties) {
        this.budget = properties.gridTimeout();
        AtomicInteger count = new AtomicInteger();
        // Unbounded in threads: a grid that does not answer holds one per call left behind, until it
        // answers; a bounded pool would instead queue every later call behind the stuck ones.
        this.calls = Executors.newCachedThreadPool(r -> {
            Thread thread = new Thread(r, "weft-grid-call-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    public Object intercept(MethodInvocationContext<Object, Object> context) {
        if (budget.isZero() || Boolean.TRUE.equals(WITHIN.get()) || context.hasAnnotation(GridBudget.Unbounded.class)) {
            return context.proceed();
        }
        Future<Object> call = calls.submit(() -> {
            WITHIN.set(Boolean.TRUE);
            try {
                return context.proceed();
            } finally {
                WITHIN.remove();
            }
        });
        try {
            return call.get(budget.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            call.cancel(true);
            LOG.warn("{}.{} did not get an answer from the grid within {}", context.getDeclaringType().getSimpleName(),
                    context.getMethodName(), budget);
            throw new GridTimeoutException(budget);
        } catch (ExecutionException e) {
            throw rethrown(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            call.cancel(true);
            throw new GridTimeoutException(budget);
        }
    }

    /** The call's own failure, as it would have been thrown without the budget. */
    private static RuntimeException rethrown(Throwable cause) {
        if (cause instanceof RuntimeException runtime) {
            return runtime;
        }
        if (cause instanceof Error error) {
            throw error;
        }
        return new IllegalStateException(cause);
    }

    @PreDestroy
    void close() {
        calls.shutdownNow();
    }
}
